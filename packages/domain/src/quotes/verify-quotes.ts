import { forEachCitation } from "../model/for-each-citation";
import type { Problem } from "../validation/problem";
import { normaliseForQuoteMatching } from "./normalise-text";

export interface QuoteCheck {
  /** Citations checked against a source text. */
  checked: number;
  problems: Problem[];
}

/**
 * Checks that every quote occurs verbatim in the full text of its source. `texts` maps source ids to
 * their full text; a source without a text is reported, so that nothing passes unchecked by accident.
 * Works on a document that is not (yet) valid too: malformed citations are left to the validator.
 */
export function verifyQuotes(document: unknown, texts: ReadonlyMap<string, string>): QuoteCheck {
  const normalised = new Map([...texts].map(([id, text]) => [id, normaliseForQuoteMatching(text)]));
  const problems: Problem[] = [];
  let checked = 0;
  const missing = new Set<string>();
  forEachCitation(document, [], (citation, path) => {
    if (typeof citation?.sourceId !== "string" || typeof citation.quote !== "string") return;
    const text = normalised.get(citation.sourceId);
    if (text === undefined) {
      missing.add(citation.sourceId);
      return;
    }
    checked++;
    if (!text.includes(normaliseForQuoteMatching(citation.quote)))
      problems.push({
        path: [...path, "quote"],
        message: `not found verbatim in source "${citation.sourceId}"`,
      });
  });
  for (const sourceId of missing) {
    const sources = (document as { sources?: unknown }).sources;
    const index = Array.isArray(sources) ? sources.findIndex((source) => source?.id === sourceId) : -1;
    problems.push({
      path: index >= 0 ? ["sources", index] : [],
      message: `no text available to check quotes of source "${sourceId}"`,
    });
  }
  return { checked, problems };
}
