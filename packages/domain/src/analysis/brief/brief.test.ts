import { describe, expect, it } from "vitest";
import { smallTheatre } from "../../../test/fixtures";
import { AnalysisError } from "../analysis-error";
import { indexTheatre } from "../theatre-index";
import { actorBrief } from "./actor-brief";
import { areaBrief } from "./area-brief";
import type { Brief } from "./brief";
import { pairBrief } from "./pair-brief";

const index = indexTheatre(smallTheatre());

/** Every footnote mark in the text has a definition, every definition is used, numbers run 1..n. */
function expectConsistentFootnotes(brief: Brief): void {
  const body = brief.markdown.split("\n## Sources\n")[0]!;
  const used = new Set([...body.matchAll(/\[\^(\d+)\]/g)].map((match) => Number(match[1])));
  const defined = [...brief.markdown.matchAll(/^\[\^(\d+)\]: /gm)].map((match) => Number(match[1]));
  expect(defined).toEqual(brief.footnotes.map((note) => note.number));
  expect(defined).toEqual(Array.from({ length: defined.length }, (_, i) => i + 1));
  expect([...used].sort((a, b) => a - b)).toEqual(defined);
}

describe("briefs", () => {
  it("brief an actor with its interests, ties and footnoted sources", () => {
    const brief = actorBrief(index, "capital");
    expect(brief.title).toBe("Capital");
    expect(brief.markdown).toContain("## Interests");
    expect(brief.markdown).toContain("Keep the country whole.");
    expect(brief.markdown).toContain("**core**");
    expect(brief.markdown).toContain("—mediates-between→");
    expect(brief.markdown).toContain("“Unity first.”");
    expectConsistentFootnotes(brief);
  });

  it("brief a cooperation area and a pair", () => {
    const area = index.document.cooperationAreas[0]!;
    const areaResult = areaBrief(index, area.id);
    expect(areaResult.markdown).toContain(`# ${area.name}`);
    expectConsistentFootnotes(areaResult);
    const pair = pairBrief(index, ["capital", "rebels"]);
    expect(pair.title).toBe("Capital and Rebels");
    expect(pair.markdown).toContain("## Positions");
    expectConsistentFootnotes(pair);
  });

  it("are deterministic", () => {
    expect(actorBrief(index, "rebels")).toEqual(actorBrief(indexTheatre(smallTheatre()), "rebels"));
  });

  it("refuse unknown subjects with the field at fault", () => {
    expect(() => actorBrief(index, "capitol")).toThrow(
      new AnalysisError("actorId", 'unknown actor "capitol" (did you mean "capital"?)', ["capital"]),
    );
    expect(() => areaBrief(index, "nowhere")).toThrow(AnalysisError);
    expect(() => pairBrief(index, ["capital"])).toThrow("actorIds: a pair brief needs exactly two actors");
    expect(() => pairBrief(index, ["capital", "capital"])).toThrow("actorIds[1]: name two different actors");
    expect(() => pairBrief(index, ["capital", "nobody"])).toThrow(/^actorIds\[1\]: unknown actor/);
  });
});
