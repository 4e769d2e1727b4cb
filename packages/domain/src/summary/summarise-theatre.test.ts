import { describe, expect, it } from "vitest";
import { smallTheatre } from "../../test/fixtures/small-theatre";
import { summariseTheatre } from "./summarise-theatre";

describe("summariseTheatre", () => {
  it("counts what the theatre holds, its citations and its judgements", () => {
    const summary = summariseTheatre(smallTheatre());
    expect(summary.counts).toMatchObject({
      actors: 4,
      interests: 3,
      positions: 2,
      indicators: 1,
      citations: 31,
      options: 1,
    });
    expect(summary.actorsByKind).toEqual({
      state: 1,
      "armed-group": 1,
      faction: 1,
      "international-organisation": 1,
    });
    expect(summary.citationsBySource).toEqual({ report: 31 });
    expect(summary.judgedValues).toEqual({ judgement: 17, sourced: 0 });
    expect(summary.scenarios).toEqual([
      { id: "collapse", name: "Collapse", likelihood: 20, indicators: { emerging: 1 } },
    ]);
  });
});
