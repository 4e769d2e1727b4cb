import type { Actor } from "../model/actor";
import type { Citation, Statement } from "../model/citation";
import type { Interest } from "../model/interest";
import type { Judged } from "../model/judgement";
import type { Source } from "../model/source";
import { SeededRandom } from "../seeded-random";

export const SYNTHETIC_RATIONALE = "synthetic";
export const CAMP_NAMES = ["northern", "southern", "eastern", "western", "coastal", "highland"] as const;
export const REGION_NAMES = [
  "Arden",
  "Belmora",
  "Caldris",
  "Dunmere",
  "Estival",
  "Farrow",
  "Galen",
  "Harrowgate",
  "Istra",
  "Jorvale",
  "Kestrel Coast",
  "Lowmarch",
] as const;

/** An actor as the generator knows it: with the latent camp and region that shape its ties and positions. */
export interface SyntheticActor {
  actor: Actor;
  camp: number;
  region: number;
  interests: Interest[];
}

/** The random sequence and the sources every part of the generator draws on, in a fixed order. */
export class SyntheticContext {
  readonly random: SeededRandom;
  readonly sources: Source[];
  private passages = 0;

  constructor(seed: number, sourceCount: number) {
    this.random = new SeededRandom(seed);
    this.sources = Array.from({ length: sourceCount }, (_, i) => ({
      id: `synthetic-source-${i + 1}`,
      title: `[Synthetic source ${i + 1}: generated passages for benchmarks and tests]`,
      publisher: "Parley synthetic-theatre generator",
      kind: "dataset" as const,
      date: "2024",
      note: "Generated, not real: its passages were written by the generator.",
    }));
  }

  /** One citation of a synthetic source whose passage states `text`. */
  cite(text: string): Citation[] {
    this.passages++;
    return [
      {
        sourceId: this.random.pick(this.sources).id,
        quote: `${text} (synthetic passage ${this.passages})`,
      },
    ];
  }

  statement(text: string): Statement {
    return { text, citations: this.cite(text) };
  }

  judgement<T>(value: T): Judged<T> {
    return { basis: "judgement", value, rationale: SYNTHETIC_RATIONALE };
  }

  /** A judged value that is sourced (cited) with probability `sourcedShare`, else an analyst's judgement. */
  judgedOrSourced<T>(value: T, text: string, sourcedShare: number): Judged<T> {
    return this.random.chance(sourcedShare)
      ? { basis: "sourced", value, citations: this.cite(text) }
      : this.judgement(value);
  }

  score100(min = 0, max = 100): number {
    return this.random.integer(min, max);
  }

  /** A date known to the year or the month, between `fromYear` and `toYear`. */
  partialDate(fromYear: number, toYear: number): string {
    const year = this.random.integer(fromYear, toYear);
    return this.random.chance(0.5)
      ? `${year}`
      : `${year}-${String(this.random.integer(1, 12)).padStart(2, "0")}`;
  }
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** `value` held to the 0-100 scale every synthetic issue uses. */
export function clamp(value: number): number {
  return Math.min(100, Math.max(0, value));
}
