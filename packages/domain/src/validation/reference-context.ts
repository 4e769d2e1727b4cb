import { endsBeforeStart, type PartialDate } from "../model/partial-date";
import { onScale, type Scale } from "../model/scale";
import type { PathSegment, Problem } from "./problem";
import type { Indexed, ParsedCollections } from "./schema-checks";
import { closestMatch } from "./suggest";

export type Target = "actor" | "issue" | "source" | "interest" | "cooperation area" | "leverage instrument";
export type Path = PathSegment[];

/** Pairs each item of a list with its position, the way collection entries carry their index. */
export function indexed<T>(list: readonly T[]): Indexed<T>[] {
  return list.map((value, index) => ({ index, value }));
}

/** What every reference check needs: the ids that exist, and one place to report problems. */
export class ReferenceContext {
  readonly problems: Problem[] = [];
  private readonly known: Record<Target, Set<string>>;

  constructor(c: ParsedCollections) {
    const ids = (entries: Indexed<{ id: string }>[]) => new Set(entries.map((entry) => entry.value.id));
    this.known = {
      actor: ids(c.actors),
      issue: ids(c.issues),
      source: ids(c.sources),
      interest: ids(c.interests),
      "cooperation area": ids(c.cooperationAreas),
      "leverage instrument": ids(c.leverage),
    };
  }

  report(path: Path, message: string): void {
    this.problems.push({ path, message });
  }

  /**
   * The id must name an existing entity of the target kind; a near miss is suggested. The problem's
   * path is `at` followed by `field`, built only when there is a problem: this runs for every reference.
   */
  expect(target: Target, id: string | undefined, at: readonly PathSegment[], ...field: Path): void {
    if (id === undefined || this.known[target].has(id)) return;
    this.reportUnknown(`${target} "${id}"`, closestMatch(id, this.known[target]), [...at, ...field]);
  }

  expectAll(target: Target, list: readonly string[], at: Path, ...field: Path): void {
    for (let i = 0; i < list.length; i++) this.expect(target, list[i], at, ...field, i);
  }

  reportUnknown(what: string, guess: string | undefined, path: Path): void {
    this.report(path, `unknown ${what}${guess ? ` (did you mean "${guess}"?)` : ""}`);
  }

  /** `end` must not lie before `start`; reported at `at.field`. */
  dateOrder(
    start: PartialDate | undefined,
    end: PartialDate | undefined,
    startName: string,
    at: Path,
    field: string,
  ): void {
    if (start !== undefined && end !== undefined && endsBeforeStart(start, end))
      this.report([...at, field], `"${end}" is before ${startName} "${start}"`);
  }

  onScale(scale: Scale | undefined, value: number, owner: string, at: Path, ...field: Path): void {
    if (scale !== undefined && !onScale(scale, value))
      this.report(
        [...at, ...field],
        `${value} is outside the scale of ${owner} (${scale.min} to ${scale.max})`,
      );
  }

  /** Reports each entry whose key an earlier entry already used. */
  duplicates<T>(
    entries: Indexed<T>[],
    keyOf: (value: T) => string,
    pathOf: (index: number) => Path,
    what = "id",
  ): void {
    const firstIndex = new Map<string, number>();
    for (const { index, value } of entries) {
      const key = keyOf(value);
      const first = firstIndex.get(key);
      if (first === undefined) firstIndex.set(key, index);
      else this.report(pathOf(index), `duplicate ${what} "${key}" (first used at index ${first})`);
    }
  }
}
