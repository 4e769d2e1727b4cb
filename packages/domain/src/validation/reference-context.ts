import { endsBeforeStart, type PartialDate } from "../model/partial-date";
import { onScale, type Scale } from "../model/scale";
import type { CollectionKey } from "../model/theatre-document";
import type { PathSegment, Problem } from "./problem";
import type { Indexed, ParsedCollections } from "./schema-checks";
import { closestMatch } from "./suggest";

export type Target = "actor" | "issue" | "source" | "interest" | "cooperation area" | "leverage instrument";
export type Path = PathSegment[];

/** Pairs each item of a list with its position, the way collection entries carry their index. */
export function indexed<T>(list: readonly T[]): Indexed<T>[] {
  return list.map((value, index) => ({ index, value }));
}

const TARGET_COLLECTIONS: Record<Target, CollectionKey> = {
  actor: "actors",
  issue: "issues",
  source: "sources",
  interest: "interests",
  "cooperation area": "cooperationAreas",
  "leverage instrument": "leverage",
};

/** What every reference check needs: the ids that exist, and one place to report problems. */
export class ReferenceContext {
  readonly problems: Problem[] = [];
  /**
   * Each collection's ids, in order of first use, with the position in its parsed list of the last
   * entry holding the id (a later duplicate wins, as in a Map built from the list).
   */
  private readonly positions = {} as Record<CollectionKey, Map<string, number>>;
  private readonly known = {} as Record<Target, Map<string, number>>;

  /** Indexes every collection's ids, reporting each id an earlier entry of its collection already used. */
  constructor(private readonly collections: ParsedCollections) {
    for (const key of Object.keys(collections) as CollectionKey[]) {
      const entries = collections[key] as Indexed<{ id: string }>[];
      const positions = new Map<string, number>();
      let firstUse: Map<string, number> | undefined;
      for (let position = 0; position < entries.length; position++) {
        const { index, value } = entries[position]!;
        const previous = positions.get(value.id);
        if (previous !== undefined) {
          firstUse ??= new Map();
          if (!firstUse.has(value.id)) firstUse.set(value.id, entries[previous]!.index);
          this.report(
            [key, index, "id"],
            `duplicate id "${value.id}" (first used at index ${firstUse.get(value.id)})`,
          );
        }
        positions.set(value.id, position);
      }
      this.positions[key] = positions;
    }
    for (const [target, key] of Object.entries(TARGET_COLLECTIONS) as [Target, CollectionKey][])
      this.known[target] = this.positions[key];
  }

  /** The entry of a collection with this id (the last one, if several share it). */
  entryWithId<K extends CollectionKey>(
    key: K,
    id: string,
  ): ParsedCollections[K][number]["value"] | undefined {
    const position = this.positions[key].get(id);
    return position === undefined ? undefined : this.collections[key][position]!.value;
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
    this.reportUnknown(`${target} "${id}"`, closestMatch(id, this.known[target].keys()), [...at, ...field]);
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

  /** `value` must lie on the scale of the issue or criterion `ownerId`; reported at `at.field`. */
  onScale(
    scale: Scale | undefined,
    value: number,
    owner: "issue" | "criterion",
    ownerId: string,
    at: Path,
    ...field: Path
  ): void {
    if (scale !== undefined && !onScale(scale, value))
      this.report(
        [...at, ...field],
        `${value} is outside the scale of ${owner} "${ownerId}" (${scale.min} to ${scale.max})`,
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
