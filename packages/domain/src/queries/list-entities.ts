import { AnalysisError } from "../analysis/analysis-error";
import { compareIds } from "../analysis/compare-ids";
import { closestMatch } from "../validation/suggest";
import { foldText } from "./fold-text";
import { referencedIds } from "./referenced-ids";

export type FieldValue = string | number | boolean;

export interface EntityListQuery {
  /** Keep entities whose field equals the value; a judged field (salience, feasibility …) compares its value. */
  where?: Record<string, FieldValue>;
  /** Keep entities that refer to this id anywhere (an actor, an issue, a source …). */
  refersTo?: string;
  /** Keep entities whose name, aliases, title, objective, text or description contain these words. */
  text?: string;
  /** Default: by id. Entities without the field come last. */
  sort?: { field: string; direction?: "asc" | "desc" };
  offset?: number;
  limit?: number;
}

export interface EntityPage<T> {
  items: T[];
  /** How many entities match, across every page. */
  total: number;
  offset: number;
  limit: number;
  /** The offset of the next page, or null on the last one. */
  nextOffset: number | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
const SEARCHED_FIELDS = ["name", "aliases", "title", "objective", "text", "description"];

/**
 * One page of `entries` filtered and sorted as `query` asks. `fields` are the names the entities' schema
 * declares; filtering or sorting on any other name is an error naming it.
 */
export function listEntities<T extends { id: string }>(
  entries: readonly T[],
  query: EntityListQuery,
  fields: readonly string[],
): EntityPage<T> {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(offset) || offset < 0)
    throw new AnalysisError("offset", `must be a whole number of at least 0, not ${offset}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new AnalysisError("limit", `must be a whole number from 1 to ${MAX_PAGE_SIZE}, not ${limit}`);

  const conditions = Object.entries(query.where ?? {}).map(([field, wanted]) => {
    checkField(field, fields, `where.${field}`);
    return { field, wanted };
  });
  const words = query.text === undefined ? [] : foldText(query.text).split(" ").filter(Boolean);
  let matching = entries.filter(
    (entry) =>
      conditions.every(({ field, wanted }) => scalarOf(entry, field) === wanted) &&
      (query.refersTo === undefined || referencedIds(entry).has(query.refersTo)) &&
      (words.length === 0 || containsAll(entry, words)),
  );

  const sort = query.sort;
  if (sort !== undefined) {
    checkField(sort.field, fields, "sort.field");
    const sign = sort.direction === "desc" ? -1 : 1;
    matching = matching
      .map((entry) => ({ entry, key: scalarOf(entry, sort.field) }))
      .sort((a, b) => compareKeys(a.key, b.key, sign) || compareIds(a.entry.id, b.entry.id))
      .map(({ entry }) => entry);
  } else if (!isSortedById(matching)) {
    matching = [...matching].sort((a, b) => compareIds(a.id, b.id));
  }

  const items = matching.slice(offset, offset + limit);
  const next = offset + items.length;
  return { items, total: matching.length, offset, limit, nextOffset: next < matching.length ? next : null };
}

function checkField(field: string, fields: readonly string[], at: string): void {
  if (fields.includes(field)) return;
  const suggestion = closestMatch(field, fields);
  throw new AnalysisError(
    at,
    `unknown field "${field}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}; fields: ${fields.join(", ")}`,
  );
}

/** A field's value if it is a plain value or a judged one; undefined for lists, objects and absent fields. */
function scalarOf(entity: object, field: string): FieldValue | undefined {
  const value: unknown = (entity as Record<string, unknown>)[field];
  const plain =
    typeof value === "object" && value !== null && "value" in value
      ? (value as { value: unknown }).value
      : value;
  return typeof plain === "string" || typeof plain === "number" || typeof plain === "boolean"
    ? plain
    : undefined;
}

function compareKeys(a: FieldValue | undefined, b: FieldValue | undefined, sign: number): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === "string" && typeof b === "string") return sign * a.localeCompare(b);
  return sign * (a < b ? -1 : 1);
}

function containsAll(entity: object, words: readonly string[]): boolean {
  const record = entity as Record<string, unknown>;
  const text = foldText(
    SEARCHED_FIELDS.flatMap((key) => {
      const value = record[key];
      return typeof value === "string"
        ? [value]
        : Array.isArray(value)
          ? value.filter((v) => typeof v === "string")
          : [];
    }).join(" "),
  );
  return words.every((word) => text.includes(word));
}

function isSortedById(entries: readonly { id: string }[]): boolean {
  for (let i = 1; i < entries.length; i++)
    if (compareIds(entries[i - 1]!.id, entries[i]!.id) > 0) return false;
  return true;
}
