import { describe, expect, it } from "vitest";
import { citationCoverage } from "./citation-coverage";

const long = (words: string) => `${words} ${"and so on, ".repeat(12)}end.`;
const text = [
  long("First paragraph about the capital."),
  "A heading",
  long("Second paragraph about the rebels."),
  long("Third paragraph about the mediator."),
].join("\n\n");

const cite = (quote: string) => ({ citations: [{ sourceId: "report", quote }] });

describe("citationCoverage", () => {
  it("counts the paragraphs that some quote overlaps and previews the others", () => {
    const document = {
      actors: [cite("First paragraph about"), cite("about the mediator.")],
      events: [cite("about the mediator.")],
    };
    const [coverage] = citationCoverage(document, new Map([["report", text]]));
    expect(coverage).toMatchObject({ sourceId: "report", paragraphs: 3, citedParagraphs: 2, citations: 3 });
    expect(coverage?.uncited).toEqual([
      expect.stringMatching(/^Second paragraph about the rebels\. and so on.*…$/),
    ]);
  });

  it("counts a quote spanning two paragraphs for both", () => {
    const quote = "and so on, end. Third paragraph";
    const [coverage] = citationCoverage({ actors: [cite(quote)] }, new Map([["report", text]]));
    expect(coverage?.citedParagraphs).toBe(2);
  });

  it("reports a source nothing cites", () => {
    const [coverage] = citationCoverage({}, new Map([["report", text]]));
    expect(coverage).toMatchObject({ citedParagraphs: 0, citations: 0 });
    expect(coverage?.uncited).toHaveLength(3);
  });
});
