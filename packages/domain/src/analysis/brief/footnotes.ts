import type { Citation } from "../../model/citation";
import type { Source } from "../../model/source";

/** A numbered footnote of a brief: one quoted passage of a source. */
export interface Footnote {
  number: number;
  sourceId: string;
  quote: string;
  locator?: string;
}

/**
 * Numbers the passages a brief quotes, in order of first use; the same passage cited twice keeps its
 * number. `mark` returns the Markdown references (`[^1][^2]`) to append to a sentence.
 */
export class Footnotes {
  private readonly numbers = new Map<string, Footnote>();

  mark(citations: readonly Citation[] | undefined): string {
    if (!citations || citations.length === 0) return "";
    const used = new Set<number>();
    for (const citation of citations) used.add(this.number(citation));
    return [...used].map((number) => `[^${number}]`).join("");
  }

  get list(): Footnote[] {
    return [...this.numbers.values()];
  }

  /** The footnote definitions: `[^1]: Publisher, *Title* (locator): “quote”`. */
  render(sources: ReadonlyMap<string, Source>): string {
    return this.list
      .map((note) => {
        const source = sources.get(note.sourceId);
        const origin = source
          ? `${source.publisher ? `${source.publisher}, ` : ""}*${source.title}*`
          : `source "${note.sourceId}"`;
        const where = note.locator ? ` (${note.locator})` : "";
        return `[^${note.number}]: ${origin}${where}: “${oneLine(note.quote)}”`;
      })
      .join("\n");
  }

  private number(citation: Citation): number {
    const key = `${citation.sourceId}\u0000${citation.locator ?? ""}\u0000${citation.quote}`;
    let note = this.numbers.get(key);
    if (!note) {
      note = { number: this.numbers.size + 1, sourceId: citation.sourceId, quote: citation.quote };
      if (citation.locator !== undefined) note.locator = citation.locator;
      this.numbers.set(key, note);
    }
    return note.number;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
