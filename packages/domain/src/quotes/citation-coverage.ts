import { forEachCitation } from "../model/for-each-citation";
import { normaliseForQuoteMatching } from "./normalise-text";

export interface SourceCoverage {
  sourceId: string;
  paragraphs: number;
  citedParagraphs: number;
  citations: number;
  /** The paragraphs no citation draws on, as short previews, in document order. */
  uncited: string[];
}

/** Paragraphs shorter than this are headings, captions and bylines, not content to cover. */
const MIN_PARAGRAPH_LENGTH = 120;
const PREVIEW_LENGTH = 100;

/**
 * How much of each source the theatre draws on: a paragraph counts as cited when at least one quote
 * overlaps it. Shows a theatre builder which passages of a document nothing in the model reflects.
 */
export function citationCoverage(document: unknown, texts: ReadonlyMap<string, string>): SourceCoverage[] {
  const quotesBySource = new Map<string, string[]>();
  forEachCitation(document, [], (citation) => {
    if (typeof citation?.sourceId !== "string" || typeof citation.quote !== "string") return;
    const quotes = quotesBySource.get(citation.sourceId) ?? [];
    quotes.push(normaliseForQuoteMatching(citation.quote));
    quotesBySource.set(citation.sourceId, quotes);
  });
  return [...texts].map(([sourceId, text]) => {
    const full = normaliseForQuoteMatching(text);
    const quotes = quotesBySource.get(sourceId) ?? [];
    const spans = quotes.flatMap((quote) =>
      occurrences(full, quote).map((start) => [start, start + quote.length] as const),
    );
    const paragraphs = paragraphSpans(text, full).filter(
      ([start, end]) => end - start >= MIN_PARAGRAPH_LENGTH,
    );
    const uncited = paragraphs.filter(
      ([start, end]) => !spans.some(([from, to]) => from < end && to > start),
    );
    return {
      sourceId,
      paragraphs: paragraphs.length,
      citedParagraphs: paragraphs.length - uncited.length,
      citations: quotes.length,
      uncited: uncited.map(([start, end]) => preview(full.slice(start, end))),
    };
  });
}

/** Where each paragraph of the original text lies in its normalised form. */
function paragraphSpans(text: string, full: string): (readonly [number, number])[] {
  const spans: (readonly [number, number])[] = [];
  let cursor = 0;
  for (const paragraph of text.split(/\n+/)) {
    const normalised = normaliseForQuoteMatching(paragraph);
    if (normalised === "") continue;
    const start = full.indexOf(normalised, cursor);
    if (start < 0) continue;
    spans.push([start, start + normalised.length]);
    cursor = start + normalised.length;
  }
  return spans;
}

function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at >= 0 && quote !== ""; at = text.indexOf(quote, at + 1))
    found.push(at);
  return found;
}

function preview(paragraph: string): string {
  return paragraph.length <= PREVIEW_LENGTH ? paragraph : `${paragraph.slice(0, PREVIEW_LENGTH - 1)}…`;
}
