import type { z } from "zod";
import { collectionKeys, collectionSchemas } from "../model/theatre-document";
import type { TheatreDocument, CollectionKey } from "../model/theatre-document";
import { Theatre } from "../model/theatre";
import { acceptsUnchanged } from "./accepts-unchanged";
import type { PathSegment, Problem } from "./problem";

/** The entries of a collection that passed their schema, each with its index in the document. */
export type Indexed<T> = { index: number; value: T };
export type ParsedCollections = { [K in CollectionKey]: Indexed<TheatreDocument[K][number]>[] };

export interface SchemaCheckResult {
  theatre: Theatre | undefined;
  collections: ParsedCollections;
  problems: Problem[];
}

const ROOT_KEYS = new Set<string>(["theatre", ...collectionKeys]);

/**
 * Checks the document's shape entry by entry, so that one bad entry does not hide the problems of the
 * others and the valid entries can still have their references checked.
 */
export function checkSchemas(
  input: unknown,
  knownValid: (value: unknown) => boolean = () => false,
): SchemaCheckResult {
  const problems: Problem[] = [];
  const collections = Object.fromEntries(
    collectionKeys.map((key) => [key, []]),
  ) as unknown as ParsedCollections;
  if (!isPlainObject(input)) {
    problems.push({ path: [], message: `a theatre document must be an object, not ${describe(input)}` });
    return { theatre: undefined, collections, problems };
  }
  for (const key of Object.keys(input)) {
    if (!ROOT_KEYS.has(key))
      problems.push({ path: [key], message: `unknown key; expected one of ${[...ROOT_KEYS].join(", ")}` });
  }
  let theatre: Theatre | undefined;
  if (input.theatre === undefined) problems.push({ path: ["theatre"], message: "is required" });
  else
    theatre = knownValid(input.theatre)
      ? (input.theatre as Theatre)
      : parseInto(Theatre, input.theatre, ["theatre"], problems);
  for (const key of collectionKeys) {
    const entries = input[key];
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) {
      problems.push({ path: [key], message: `must be a list, not ${describe(entries)}` });
      continue;
    }
    const schema: z.ZodType = collectionSchemas[key];
    const parsed = collections[key] as Indexed<unknown>[];
    entries.forEach((entry, index) => {
      const value = knownValid(entry) ? entry : parseInto(schema, entry, [key, index], problems);
      if (value !== undefined) parsed.push({ index, value });
    });
  }
  return { theatre, collections, problems };
}

function parseInto<T>(
  schema: z.ZodType<T>,
  value: unknown,
  at: PathSegment[],
  problems: Problem[],
): T | undefined {
  if (acceptsUnchanged(schema, value)) return value as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ path: [...at, ...issue.path.map(toSegment)], message: issue.message });
  }
  return undefined;
}

function toSegment(segment: PropertyKey): PathSegment {
  return typeof segment === "number" ? segment : String(segment);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" || typeof value === "undefined"
    ? `an ${typeof value}`
    : `a ${typeof value}`;
}
