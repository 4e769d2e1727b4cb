import { describe, expect, it } from "vitest";
import { smallTheatre } from "../../test/fixtures/small-theatre";
import { normaliseForQuoteMatching } from "./normalise-text";
import { verifyQuotes } from "./verify-quotes";

const sourceText = `The capital governs.   Rebels fight.\nA wing splits. The mediator talks. Autonomy is disputed.
Unity first. Autonomy now. Peace matters. Rebels attack. Talks began. Calm helps. A ceasefire is possible.
Sanctions bite. Press them. Keep talking. Pressure may end talks. People are weary. Watch defections.
Some defect. Chaos would follow. Collapse is possible. Access matters. Neutrality matters. The capital
offers. Abroad is neutral. A venue is needed. It began. 3,000–4,000 fighters.`;

describe("normaliseForQuoteMatching", () => {
  it("makes typographic quotes, dashes and white space plain, and nothing else", () => {
    expect(
      normaliseForQuoteMatching("  the Taliban’s “core”\n\tinterests — 3,000–4,000\u00a0fighters "),
    ).toBe('the Taliban\'s "core" interests - 3,000-4,000 fighters');
    expect(normaliseForQuoteMatching("Al-Qa’ida")).not.toBe(normaliseForQuoteMatching("al-Qaeda"));
  });
});

describe("verifyQuotes", () => {
  it("accepts quotes that occur verbatim, across line breaks and typographic differences", () => {
    const result = verifyQuotes(smallTheatre(), new Map([["report", sourceText]]));
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(31);
  });

  it("points at every quote that is not in its source", () => {
    const theatre = smallTheatre();
    theatre.actors[0]!.citations[0]!.quote = "The capital rules.";
    theatre.scenarios[0]!.indicators[0]!.evidence[0]!.citations[0]!.quote = "Some  defect";
    theatre.figures[0]!.citations[0]!.quote = "3,000 - 4,000 fighters.";
    const result = verifyQuotes(theatre, new Map([["report", sourceText]]));
    expect(result.problems).toEqual([
      { path: ["actors", 0, "citations", 0, "quote"], message: 'not found verbatim in source "report"' },
      { path: ["figures", 0, "citations", 0, "quote"], message: 'not found verbatim in source "report"' },
    ]);
  });

  it("reports a cited source whose text is missing instead of passing it unchecked", () => {
    const result = verifyQuotes(smallTheatre(), new Map());
    expect(result.checked).toBe(0);
    expect(result.problems).toEqual([
      { path: ["sources", 0], message: 'no text available to check quotes of source "report"' },
    ]);
  });
});
