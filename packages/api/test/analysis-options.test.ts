import {
  AnalysisError,
  type OptionScoring,
  forEachCitation,
  indexTheatre,
  scoreOptions,
} from "@parley/domain";
import { describe, expect, it } from "vitest";
import { afghanistanTheatre } from "./shipped-theatres";

const index = indexTheatre(afghanistanTheatre());
const optionSetId = "over-the-horizon-basing";

const rankOf = (result: OptionScoring, id: string) => result.ranking.find((option) => option.id === id)!.rank;
const normalised = (result: OptionScoring, optionId: string, criterionId: string) =>
  result.ranking
    .find((option) => option.id === optionId)!
    .contributions.find((part) => part.criterionId === criterionId)!.normalised;

describe("over-the-horizon basing options (RUSI 2021)", () => {
  const result = scoreOptions(index, { optionSetId });

  it("scores every option on every criterion", () => {
    expect(result.complete).toBe(true);
    expect(result.ranking).toHaveLength(6);
    expect(result.criteria).toHaveLength(6);
  });

  it("follows RUSI: Pakistan, vetoed on reliability alone, is not on top; its main alternatives are", () => {
    const pakistan = result.ranking.find((option) => option.id === "pakistan")!;
    expect(pakistan.vetoedBy.map((failed) => failed.criterionId)).toEqual(["political-reliability"]);
    expect(pakistan.vetoedBy[0]!.veto).toMatchObject({
      basis: "judgement",
      rationale: expect.stringContaining("ally of choice"),
    });
    // Pakistan's total stays the highest: it is the veto, not the weights, that unseats it.
    expect(Math.max(...result.ranking.map((option) => option.total))).toBe(pakistan.total);
    expect(result.topOptionId).not.toBe("pakistan");
    expect(
      result.ranking
        .slice(0, 2)
        .map((option) => option.id)
        .sort(),
    ).toEqual(["central-asian-republics", "gulf-states"]);
    for (const main of ["gulf-states", "central-asian-republics"])
      expect(result.vetoedOptionIds).not.toContain(main);
  });

  it("ranks the Gulf states and the Central Asian republics, RUSI's main alternatives, above the rest", () => {
    for (const main of ["gulf-states", "central-asian-republics"])
      for (const other of ["india", "cooperation-with-taliban", "afghan-resistance-as-proxy"])
        expect(rankOf(result, main)).toBeLessThan(rankOf(result, other));
  });

  it("weighs the trade RUSI describes between the two main alternatives", () => {
    // The Gulf: established basing, but distant and dependent on Pakistani overflight approval.
    expect(normalised(result, "gulf-states", "established-relationships-and-basing")).toBeGreaterThan(
      normalised(result, "central-asian-republics", "established-relationships-and-basing"),
    );
    expect(normalised(result, "gulf-states", "overflight-independence")).toBeLessThan(
      normalised(result, "central-asian-republics", "overflight-independence"),
    );
    // Central Asia: proximity and intelligence support, "not as extensive as that provided by Pakistan".
    expect(normalised(result, "central-asian-republics", "proximity")).toBeGreaterThan(
      normalised(result, "gulf-states", "proximity"),
    );
    expect(normalised(result, "pakistan", "intelligence-and-understanding")).toBeGreaterThan(
      normalised(result, "central-asian-republics", "intelligence-and-understanding"),
    );
    expect(normalised(result, "central-asian-republics", "intelligence-and-understanding")).toBeGreaterThan(
      normalised(result, "gulf-states", "intelligence-and-understanding"),
    );
  });

  it("makes political reliability Pakistan's weakness, and the Gulf lead when only RUSI's objections count", () => {
    const pakistan = result.ranking.find((option) => option.id === "pakistan")!;
    const weakest = [...pakistan.contributions].sort((x, y) => x.normalised - y.normalised)[0]!;
    expect(weakest.criterionId).toBe("political-reliability");
    const objections = scoreOptions(index, {
      optionSetId,
      weights: { proximity: 0, "overflight-independence": 0, "intelligence-and-understanding": 0 },
    });
    expect(objections.topOptionId).toBe("gulf-states");
  });

  it("gives, for each criterion, a weight interval holding the current weight, with judged values and citations", () => {
    for (const entry of result.sensitivity) {
      expect(entry.holds.from).toBeLessThanOrEqual(entry.weight);
      expect(entry.holds.to).toBeGreaterThanOrEqual(entry.weight);
    }
    expect(result.criteria.every((criterion) => criterion.judgedWeight.basis === "judgement")).toBe(true);
    expect(result.ranking[0]!.contributions[0]!.score).toMatchObject({ basis: "judgement" });
    const sources = new Set(index.sources.keys());
    let citations = 0;
    forEachCitation(result, [], (citation) => {
      citations++;
      expect(sources).toContain(citation.sourceId);
    });
    expect(citations).toBeGreaterThan(0);
  });
});

describe("option sets without criteria", () => {
  it("refuses to score a recommendation set whose criteria are missing, naming it", () => {
    const document = structuredClone(afghanistanTheatre());
    const set = document.options.find((entry) => entry.id === "rusi-2021-recommendations")!;
    set.criteria = [];
    for (const option of set.options) option.scores = [];
    expect(() => scoreOptions(indexTheatre(document), { optionSetId: set.id })).toThrow(
      new AnalysisError(
        "optionSetId",
        'option set "rusi-2021-recommendations" has no criteria to score its options against',
      ),
    );
  });

  it("refuses an unknown option set with the nearest id", () => {
    expect(() => scoreOptions(index, { optionSetId: "over-the-horizon-basis" })).toThrow(
      /optionSetId: unknown option set "over-the-horizon-basis" \(did you mean "over-the-horizon-basing"\?\)/,
    );
  });
});
