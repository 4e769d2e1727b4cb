import { forEachCitation } from "@parley/domain";
import { foldAccents } from "./accent-folding";
import type { EntityKind } from "./store";

export interface SearchText {
  field: string;
  text: string;
}

/** The fields of each kind that full-text search looks in; every kind's citation quotes are searched too. */
const SEARCHED_FIELDS: Partial<Record<EntityKind, readonly string[]>> = {
  theatre: ["name", "description"],
  actors: ["name", "aliases", "description"],
  interests: ["objective"],
  cooperationAreas: ["name", "description"],
  scenarios: ["name", "description"],
};

/**
 * The texts of one entity that go into the search index, each with the field it came from; a passage the
 * entity quotes more than once is indexed once.
 */
export function searchTexts(kind: EntityKind, data: unknown): SearchText[] {
  const record = data as Record<string, unknown>;
  const texts: SearchText[] = [];
  for (const field of SEARCHED_FIELDS[kind] ?? []) {
    const value = record[field];
    if (typeof value === "string" && value.trim() !== "") texts.push({ field, text: value });
    else if (Array.isArray(value) && value.length > 0) texts.push({ field, text: value.join("; ") });
  }
  const quotes = new Set<string>();
  forEachCitation(data, [], ({ quote }) => {
    if (!quotes.has(quote)) texts.push({ field: "quote", text: quote });
    quotes.add(quote);
  });
  return texts;
}

/**
 * A match in a name or an alias counts four times one in a longer text (a description, a quote), on both
 * databases; among hits that still score the same, names come first, then aliases. SQL on the search rows'
 * `field` column.
 */
export const FIELD_WEIGHT = "CASE WHEN field IN ('name', 'aliases') THEN 4 ELSE 1 END";
export const FIELD_PRECEDENCE = "CASE field WHEN 'name' THEN 0 WHEN 'aliases' THEN 1 ELSE 2 END";

/** The error for a search query with nothing to look for. */
export class EmptySearch extends Error {
  constructor() {
    super("text: give at least one word or number to search for");
  }
}

/** The words of a query, letters and digits only, so no query syntax can reach the database. */
export function searchWords(text: string): string[] {
  const words = foldAccents(text.normalize("NFKC")).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) throw new EmptySearch();
  return words.slice(0, 32).map((word) => word.toLowerCase());
}
