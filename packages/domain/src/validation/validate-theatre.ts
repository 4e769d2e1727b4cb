import { collectionKeys, type TheatreDocument } from "../model/theatre-document";
import type { Problem } from "./problem";
import { checkReferences } from "./reference-checks";
import { checkSchemas } from "./schema-checks";

export interface ValidationOptions {
  /**
   * True for entries already validated in this exact form (the same objects, unchanged since): their
   * schema check is skipped. References are always checked across the whole document.
   */
  knownValid?: (value: unknown) => boolean;
}

export type ValidationResult = { ok: true; document: TheatreDocument } | { ok: false; problems: Problem[] };

/**
 * Validates a whole theatre document: every entry against its schema, then every cross-reference.
 * Reports all problems at once, each with its path; never throws on any input. Entries already in
 * validated form are used as they are, so the document may share objects with `input`: copy before
 * mutating either.
 */
export function validateTheatre(input: unknown, options: ValidationOptions = {}): ValidationResult {
  const { theatre, collections, problems } = checkSchemas(input, options.knownValid);
  problems.push(...checkReferences(theatre, collections));
  if (problems.length > 0 || theatre === undefined) return { ok: false, problems };
  const document = { theatre } as TheatreDocument;
  for (const key of collectionKeys) {
    (document as Record<string, unknown>)[key] = collections[key].map((entry) => entry.value);
  }
  return { ok: true, document };
}
