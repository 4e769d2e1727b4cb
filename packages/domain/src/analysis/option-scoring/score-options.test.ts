import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smallTheatre, thrownBy } from "../../../test/fixtures";
import { forEachCitation } from "../../model/for-each-citation";
import type { OptionSet } from "../../model/option";
import type { TheatreDocument } from "../../model/theatre-document";
import { AnalysisError } from "../analysis-error";
import { indexTheatre } from "../theatre-index";
import { scoreOptions } from "./score-options";

const judged = (value: number) => ({ basis: "judgement" as const, value, rationale: "fixture" });
const cite = [{ sourceId: "report", quote: "A passage." }];

interface CriterionSpec {
  weight: number;
  max?: number;
  higherIsBetter?: boolean;
  veto?: number;
}

/** A theatre whose one option set "choice" has these criteria and options (scores by criterion id). */
function theatreWithChoice(
  criteria: Record<string, CriterionSpec>,
  options: Record<string, Record<string, number>>,
): TheatreDocument {
  const document = smallTheatre();
  const set: OptionSet = {
    id: "choice",
    name: "A choice",
    question: "Which?",
    decisionMakerIds: [],
    criteria: Object.entries(criteria).map(([id, spec]) => ({
      id,
      name: `Criterion ${id}`,
      description: "Matters.",
      weight: judged(spec.weight),
      scale: { min: 0, max: spec.max ?? 10, minLabel: "low", maxLabel: "high" },
      higherIsBetter: spec.higherIsBetter ?? true,
      ...(spec.veto === undefined ? {} : { veto: judged(spec.veto) }),
      citations: cite,
    })),
    options: Object.entries(options).map(([id, scores]) => ({
      id,
      name: `Option ${id}`,
      description: "An option.",
      actorIds: [],
      scores: Object.entries(scores).map(([criterionId, value]) => ({ criterionId, value: judged(value) })),
      citations: cite,
    })),
    citations: cite,
  };
  document.options = [set];
  return document;
}

describe("scoreOptions", () => {
  const venue = () => scoreOptions(indexTheatre(smallTheatre()), { optionSetId: "talks-venue" });

  it("ranks options by their weighted, normalised totals, with each criterion's contribution", () => {
    const result = venue();
    expect(result.ranking.map(({ id, rank, total }) => [id, rank, total])).toEqual([
      ["abroad", 1, expect.closeTo(0.6, 12)],
      ["in-capital", 2, expect.closeTo(0.56, 12)],
    ]);
    const abroad = result.ranking[0]!;
    expect(abroad.contributions.map((part) => part.contribution)).toEqual([
      expect.closeTo(0.24, 12),
      expect.closeTo(0.36, 12),
    ]);
    expect(abroad.contributions[1]!.score).toEqual(judged(9));
    expect(result).toMatchObject({ topOptionId: "abroad", complete: true, totalWeight: 1 });
  });

  it("finds, for each criterion, the weights over which the top option holds and who takes over", () => {
    const [access, neutrality] = venue().sensitivity;
    // abroad: 0.36 + 0.4w, in the capital: 0.08 + 0.8w (over 0.4 + w): they cross at w = 0.7.
    expect(access).toMatchObject({
      criterionId: "access",
      weight: 0.6,
      holds: { from: 0, to: expect.closeTo(0.7, 12) },
      takesOverBelow: null,
      takesOverAbove: "in-capital",
      flips: [
        { weight: expect.closeTo(0.7, 12), aheadBelow: "abroad", aheadAbove: "in-capital", changesTop: true },
      ],
    });
    expect(access!.leaders.map((span) => span.optionId)).toEqual(["abroad", "in-capital"]);
    // in the capital: 0.48 + 0.2w, abroad: 0.24 + 0.9w (over 0.6 + w): they cross at w = 0.24 / 0.7.
    expect(neutrality).toMatchObject({
      holds: { from: expect.closeTo(0.24 / 0.7, 12), to: 1 },
      takesOverBelow: "in-capital",
      takesOverAbove: null,
    });
  });

  it("inverts criteria where lower is better and lets the caller override weights", () => {
    const document = theatreWithChoice(
      { cost: { weight: 0.5, higherIsBetter: false, max: 100 }, gain: { weight: 0.5 } },
      { cheap: { cost: 10, gain: 4 }, dear: { cost: 90, gain: 8 } },
    );
    const index = indexTheatre(document);
    const base = scoreOptions(index, { optionSetId: "choice" });
    expect(base.ranking[0]!.contributions[0]!.normalised).toBeCloseTo(0.9, 12);
    expect(base.topOptionId).toBe("cheap");
    const gainOnly = scoreOptions(index, { optionSetId: "choice", weights: { cost: 0 } });
    expect(gainOnly.topOptionId).toBe("dear");
    expect(gainOnly.criteria.map((criterion) => [criterion.weight, criterion.overridden])).toEqual([
      [0, true],
      [0.5, false],
    ]);
  });

  it("counts a missing score as the worst end of the scale and flags the ranking", () => {
    const index = indexTheatre(
      theatreWithChoice({ a: { weight: 1 }, b: { weight: 1 } }, { full: { a: 5, b: 5 }, gap: { a: 10 } }),
    );
    const result = scoreOptions(index, { optionSetId: "choice" });
    expect(result.complete).toBe(false);
    const gap = result.ranking.find((option) => option.id === "gap")!;
    expect(gap.missingCriterionIds).toEqual(["b"]);
    expect(gap.contributions[1]).toEqual({ criterionId: "b", score: null, normalised: 0, contribution: 0 });
    expect(result.ranking.map((option) => option.id)).toEqual(["full", "gap"]);
  });

  it("ranks an option that fails a veto after every option that passes, whatever its total", () => {
    const index = indexTheatre(
      theatreWithChoice(
        { reliability: { weight: 0.2, veto: 3 }, reach: { weight: 0.8 } },
        {
          strong: { reliability: 2, reach: 10 },
          fair: { reliability: 3, reach: 6 },
          weak: { reliability: 9, reach: 2 },
        },
      ),
    );
    const result = scoreOptions(index, { optionSetId: "choice" });
    expect(result.ranking.map(({ id, rank }) => [id, rank])).toEqual([
      ["fair", 1],
      ["weak", 2],
      ["strong", 3],
    ]);
    expect(result.ranking[2]!.total).toBeGreaterThan(result.ranking[0]!.total);
    expect(result.ranking[2]!.vetoedBy).toEqual([{ criterionId: "reliability", score: 2, veto: judged(3) }]);
    expect(result.ranking[0]!.vetoedBy).toEqual([]);
    expect(result).toMatchObject({ topOptionId: "fair", vetoedOptionIds: ["strong"], allVetoed: false });
    expect(result.criteria.map((criterion) => criterion.veto)).toEqual([judged(3), null]);
    // No weight lifts the veto: "strong" neither takes over nor swaps places with anyone.
    for (const entry of result.sensitivity) {
      expect(entry.leaders.map((span) => span.optionId)).not.toContain("strong");
      expect(entry.flips.flatMap((flip) => [flip.aheadBelow, flip.aheadAbove])).not.toContain("strong");
      expect([entry.takesOverBelow, entry.takesOverAbove]).not.toContain("strong");
    }
    const reachOnly = scoreOptions(index, { optionSetId: "choice", weights: { reliability: 0 } });
    expect(reachOnly.ranking.map((option) => option.id)).toEqual(["fair", "weak", "strong"]);
  });

  it("vetoes scores above the level when lower is better, and counts a missing score as failing", () => {
    const index = indexTheatre(
      theatreWithChoice(
        { cost: { weight: 0.5, higherIsBetter: false, max: 100, veto: 50 }, gain: { weight: 0.5 } },
        { dear: { cost: 60, gain: 10 }, edge: { cost: 50, gain: 2 }, unpriced: { gain: 10 } },
      ),
    );
    const result = scoreOptions(index, { optionSetId: "choice" });
    expect(
      result.ranking.map((option) => [option.id, option.vetoedBy.map((failed) => failed.score)]),
    ).toEqual([
      ["edge", []],
      ["dear", [60]],
      ["unpriced", [null]],
    ]);
    expect(result.vetoedOptionIds).toEqual(["dear", "unpriced"]);
  });

  it("ranks by total and weighs sensitivity among all options when every option is vetoed", () => {
    const index = indexTheatre(
      theatreWithChoice(
        { a: { weight: 0.5, veto: 8 }, b: { weight: 0.5 } },
        { low: { a: 1, b: 9 }, high: { a: 7, b: 8 } },
      ),
    );
    const result = scoreOptions(index, { optionSetId: "choice" });
    expect(result).toMatchObject({ allVetoed: true, topOptionId: "high", vetoedOptionIds: ["high", "low"] });
    expect(result.sensitivity[0]).toMatchObject({ takesOverBelow: "low", takesOverAbove: null });
  });

  it("breaks ties by id", () => {
    const index = indexTheatre(theatreWithChoice({ a: { weight: 1 } }, { zulu: { a: 5 }, alpha: { a: 5 } }));
    const result = scoreOptions(index, { optionSetId: "choice" });
    expect(result.ranking.map((option) => option.id)).toEqual(["alpha", "zulu"]);
    expect(result.sensitivity[0]).toMatchObject({ holds: { from: 0, to: 1 }, flips: [] });
  });

  it("refuses bad input with an AnalysisError naming the field", () => {
    const index = indexTheatre(smallTheatre());
    const refuse = (query: unknown, field: string, message?: RegExp) => {
      const error = thrownBy(() => scoreOptions(index, query as never));
      expect(error).toBeInstanceOf(AnalysisError);
      expect((error as AnalysisError).field).toBe(field);
      if (message) expect((error as Error).message).toMatch(message);
    };
    refuse({ optionSetId: "talks-venu" }, "optionSetId", /did you mean "talks-venue"/);
    refuse({ optionSetId: "talks-venue", weights: { acess: 0.5 } }, "weights.acess", /did you mean "access"/);
    refuse({ optionSetId: "talks-venue", weights: { access: 1.5 } }, "weights.access");
    refuse({ optionSetId: "talks-venue", weights: { access: -0.1 } }, "weights.access");
    refuse({ optionSetId: "talks-venue", weights: { access: Number.NaN } }, "weights.access");
    refuse({ optionSetId: "talks-venue", weights: { access: 0, neutrality: 0 } }, "weights", /weighs 0/);
    refuse({ optionSetId: "talks-venue", weights: [0.5] }, "weights");
    refuse({ optionSetId: 7 }, "optionSetId");
    refuse(undefined, "query");

    const bare = smallTheatre();
    bare.options[0]!.criteria = [];
    const error = thrownBy(() => scoreOptions(indexTheatre(bare), { optionSetId: "talks-venue" }));
    expect(error).toEqual(
      new AnalysisError(
        "optionSetId",
        'option set "talks-venue" has no criteria to score its options against',
      ),
    );
  });
});

const criterionIds = ["c1", "c2", "c3", "c4"];
const choiceArbitrary = fc
  .record({
    criteria: fc.uniqueArray(fc.constantFrom(...criterionIds), { minLength: 1, maxLength: 4 }),
    weights: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }),
    lowerIsBetter: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    vetoes: fc.array(fc.option(fc.integer({ min: 0, max: 10 }), { freq: 2 }), { minLength: 4, maxLength: 4 }),
    options: fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 10 })), { minLength: 4, maxLength: 4 }), {
      minLength: 1,
      maxLength: 5,
    }),
  })
  .filter(({ criteria, weights }) => criteria.some((_, k) => weights[k]! > 0));

function choiceTheatre({ criteria, weights, lowerIsBetter, vetoes, options }: Choice) {
  return theatreWithChoice(
    Object.fromEntries(
      criteria.map((id, k) => [
        id,
        { weight: weights[k]! / 10, higherIsBetter: !lowerIsBetter[k], veto: vetoes[k] ?? undefined },
      ]),
    ),
    Object.fromEntries(
      options.map((scores, o) => [
        `option-${o}`,
        Object.fromEntries(
          criteria.flatMap((id, k) =>
            scores[k] === null || scores[k] === undefined ? [] : [[id, scores[k]]],
          ),
        ),
      ]),
    ),
  );
}
type Choice = typeof choiceArbitrary extends fc.Arbitrary<infer T> ? T : never;

describe("scoreOptions properties", () => {
  it("is bounded, deterministic and cites only the theatre's sources", () => {
    fc.assert(
      fc.property(choiceArbitrary, (choice) => {
        const document = choiceTheatre(choice);
        const index = indexTheatre(document);
        const result = scoreOptions(index, { optionSetId: "choice" });
        expect(JSON.stringify(scoreOptions(index, { optionSetId: "choice" }))).toBe(JSON.stringify(result));
        for (const option of result.ranking) {
          expect(option.total).toBeGreaterThanOrEqual(0);
          expect(option.total).toBeLessThanOrEqual(1 + 1e-12);
          const parts = option.contributions.reduce((sum, part) => sum + part.contribution, 0);
          expect(parts).toBeCloseTo(option.total, 12);
        }
        const sources = new Set(document.sources.map((source) => source.id));
        forEachCitation(result, [], (citation) => expect(sources).toContain(citation.sourceId));
      }),
    );
  });

  it("never ranks a vetoed option above one that passes, whatever the weights", () => {
    fc.assert(
      fc.property(choiceArbitrary, (choice) => {
        const result = scoreOptions(indexTheatre(choiceTheatre(choice)), { optionSetId: "choice" });
        const vetoed = result.ranking.map((option) => option.vetoedBy.length > 0);
        expect(vetoed).toEqual([...vetoed].sort((x, y) => Number(x) - Number(y)));
        expect(result.vetoedOptionIds).toEqual(
          result.ranking.filter((option) => option.vetoedBy.length > 0).map((option) => option.id),
        );
        expect(result.allVetoed).toBe(vetoed.every(Boolean));
        for (const option of result.ranking)
          for (const failed of option.vetoedBy) {
            const criterion = result.criteria.find((entry) => entry.id === failed.criterionId)!;
            expect(failed.veto).toBe(criterion.veto);
            if (failed.score !== null)
              expect(
                criterion.higherIsBetter
                  ? failed.score < failed.veto.value
                  : failed.score > failed.veto.value,
              ).toBe(true);
          }
        if (!result.allVetoed)
          for (const entry of result.sensitivity)
            for (const id of [
              ...entry.leaders.map((span) => span.optionId),
              ...entry.flips.flatMap((flip) => [flip.aheadBelow, flip.aheadAbove]),
            ])
              expect(result.vetoedOptionIds).not.toContain(id);
      }),
    );
  });

  it("keeps the top option on top inside each sensitivity interval, and hands it over outside", () => {
    fc.assert(
      fc.property(choiceArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (choice, at) => {
        const index = indexTheatre(choiceTheatre(choice));
        const result = scoreOptions(index, { optionSetId: "choice" });
        const weights = Object.fromEntries(
          result.criteria.map((criterion) => [criterion.id, criterion.weight]),
        );
        for (const sensitivity of result.sensitivity) {
          const { from, to } = sensitivity.holds;
          expect(from).toBeLessThanOrEqual(sensitivity.weight);
          expect(to).toBeGreaterThanOrEqual(sensitivity.weight);
          const topWhen = (weight: number) =>
            scoreOptions(index, {
              optionSetId: "choice",
              weights: { ...weights, [sensitivity.criterionId]: weight },
            }).topOptionId;
          const inside = from + at * (to - from);
          if (
            Math.min(inside - from, to - inside) > 1e-6 &&
            hasWeight({ ...weights, [sensitivity.criterionId]: inside })
          )
            expect(topWhen(inside)).toBe(result.topOptionId);
          if (sensitivity.takesOverBelow !== null && from > 1e-6)
            expect(topWhen(from * (1 - 1e-6) - 1e-9)).toBe(sensitivity.takesOverBelow);
          if (sensitivity.takesOverAbove !== null && to < 1 - 1e-6)
            expect(topWhen(to + (1 - to) * 1e-6 + 1e-9)).toBe(sensitivity.takesOverAbove);
          const totalsWhen = (weight: number) =>
            new Map(
              scoreOptions(index, {
                optionSetId: "choice",
                weights: { ...weights, [sensitivity.criterionId]: weight },
              }).ranking.map((option) => [option.id, option.total]),
            );
          for (const flip of sensitivity.flips.filter(
            (point) => point.weight > 1e-6 && point.weight < 1 - 1e-6,
          )) {
            const below = totalsWhen(flip.weight - 1e-7);
            const above = totalsWhen(flip.weight + 1e-7);
            expect(below.get(flip.aheadBelow)).toBeGreaterThan(below.get(flip.aheadAbove)!);
            expect(above.get(flip.aheadAbove)).toBeGreaterThan(above.get(flip.aheadBelow)!);
          }
        }
      }),
    );
  });

  it("answers any weights with a result or an AnalysisError, never another exception", () => {
    const index = indexTheatre(smallTheatre());
    fc.assert(
      fc.property(
        fc.oneof(
          fc.dictionary(
            fc.constantFrom("access", "neutrality", "other"),
            fc.oneof(fc.double(), fc.anything()),
          ),
          fc.anything(),
        ),
        fc.constantFrom("talks-venue", "talks", ""),
        (weights, optionSetId) => {
          const error = thrownBy(() => scoreOptions(index, { optionSetId, weights } as never));
          if (error !== undefined) expect(error).toBeInstanceOf(AnalysisError);
        },
      ),
    );
  });
});

function hasWeight(weights: Record<string, number>): boolean {
  return Object.values(weights).some((weight) => weight > 0);
}
