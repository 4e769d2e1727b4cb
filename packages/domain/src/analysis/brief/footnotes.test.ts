import { describe, expect, it } from "vitest";
import { Footnotes } from "./footnotes";
import { escapeMarkdown } from "./markdown";

describe("Footnotes", () => {
  const sources = new Map([["report", { id: "report", title: "A report", publisher: "Institute" }]]);

  it("numbers passages in order of first use and reuses a number for the same passage", () => {
    const notes = new Footnotes();
    const a = { sourceId: "report", quote: "First." };
    const b = { sourceId: "report", quote: "Second.", locator: "p. 2" };
    expect(notes.mark([a, b])).toBe("[^1][^2]");
    expect(notes.mark([b, { ...a }])).toBe("[^2][^1]");
    expect(notes.mark([a, a])).toBe("[^1]");
    expect(notes.mark([])).toBe("");
    expect(notes.render(sources as never)).toBe(
      "[^1]: Institute, *A report*: “First.”\n[^2]: Institute, *A report* (p. 2): “Second.”",
    );
  });

  it("names an unknown source by its id rather than failing", () => {
    const notes = new Footnotes();
    notes.mark([{ sourceId: "gone", quote: "Text\n  across lines." }]);
    expect(notes.render(new Map())).toBe('[^1]: source "gone": “Text across lines.”');
  });
});

describe("escapeMarkdown", () => {
  it("keeps data from turning into markup", () => {
    expect(escapeMarkdown("a *b* [^1] `c` | d\n e")).toBe("a \\*b\\* \\[^1\\] \\`c\\` \\| d e");
  });
});
