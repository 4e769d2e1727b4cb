import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smallTheatre } from "../../test/fixtures";
import { forEachCitation } from "../model/for-each-citation";
import type { Indicator, IndicatorStatus, Scenario } from "../model/scenario";
import type { TheatreDocument } from "../model/theatre-document";
import { AnalysisError } from "./analysis-error";
import { INDICATOR_SIGNALS, SCENARIO_READINGS, watchScenarios } from "./scenario-watch";
import { indexTheatre } from "./theatre-index";

const statuses: IndicatorStatus[] = ["not-observed", "emerging", "observed", "receding", "unknown"];

function indicator(
  id: string,
  status: IndicatorStatus,
  weight: number,
  direction: "raises" | "lowers" = "raises",
) {
  return {
    id,
    text: `Indicator ${id}`,
    direction,
    weight: { basis: "judgement" as const, value: weight, rationale: "r" },
    status: { basis: "judgement" as const, value: status, rationale: "r" },
    evidence: [],
    citations: [{ sourceId: "report", quote: `Watch ${id}.` }],
  } satisfies Indicator;
}

function theatreWith(...scenarios: Scenario[]): TheatreDocument {
  return { ...smallTheatre(), scenarios };
}

function scenario(id: string, indicators: Indicator[], likelihood = 20): Scenario {
  return {
    ...smallTheatre().scenarios[0]!,
    id,
    name: `Scenario ${id}`,
    indicators,
    likelihood: { basis: "judgement", value: likelihood, rationale: "r" },
  };
}

describe("watchScenarios", () => {
  const index = indexTheatre(
    theatreWith(
      scenario("coup", [
        indicator("troops-move", "observed", 0.8),
        indicator("talks-hold", "observed", 0.4, "lowers"),
        indicator("rumours", "emerging", 0.2),
        indicator("purge", "unknown", 0.6),
      ]),
      scenario("calm", [
        indicator("trade-grows", "not-observed", 1),
        indicator("troops-move", "receding", 0.5),
      ]),
    ),
  );

  it("rolls statuses and weights up into a standing, with its coverage and reading", () => {
    const coup = watchScenarios(index, {}).scenarios[0]!;
    expect(coup.scenarioId).toBe("coup");
    // (0.8 - 0.4 + 0.2 × 0.5) / (0.8 + 0.4 + 0.2); the unknown purge counts only against coverage.
    expect(coup.baseline.standing).toBeCloseTo(0.5 / 1.4, 12);
    expect(coup.baseline.coverage).toBeCloseTo(1.4 / 2, 12);
    expect(coup.baseline.unknownWeight).toBeCloseTo(0.6, 12);
    expect(coup.baseline.reading).toBe("some signs");
    expect(coup.baseline.drivers.map((driver) => [driver.indicatorId, driver.contribution])).toEqual([
      ["troops-move", 0.8],
      ["talks-hold", -0.4],
      ["rumours", 0.1],
      ["purge", 0],
    ]);
    expect(coup.baseline.drivers[3]!.signal).toBeNull();
  });

  it("ranks by standing and carries the signal table, the thresholds and the assessed likelihood", () => {
    const watch = watchScenarios(index, {});
    expect(watch.scenarios.map((entry) => [entry.rank, entry.scenarioId, entry.baseline.reading])).toEqual([
      [1, "coup", "some signs"],
      [2, "calm", "receding"],
    ]);
    expect(watch.signals).toEqual(INDICATOR_SIGNALS);
    expect(watch.readings).toEqual(SCENARIO_READINGS);
    expect(watch.scenarios[0]!.likelihood).toEqual({ basis: "judgement", value: 20, rationale: "r" });
    expect(watch.scenarios[0]!.whatIf).toBeUndefined();
  });

  it("shows the what-if standing, the delta and what changed, in every watched scenario with that indicator", () => {
    const watch = watchScenarios(index, { overrides: { "troops-move": "not-observed" } });
    const coup = watch.scenarios.find((entry) => entry.scenarioId === "coup")!;
    expect(coup.whatIf!.standing).toBeCloseTo(-0.3 / 1.4, 12);
    expect(coup.whatIf!.delta).toBeCloseTo(-0.8 / 1.4, 12);
    expect(coup.whatIf!.changes).toEqual([
      {
        indicatorId: "troops-move",
        text: "Indicator troops-move",
        from: "observed",
        to: "not-observed",
        contributionBefore: 0.8,
        contributionAfter: 0,
      },
    ]);
    expect(coup.whatIf!.drivers.find((driver) => driver.indicatorId === "troops-move")).toMatchObject({
      statusUsed: "not-observed",
      overridden: true,
      status: { value: "observed" },
    });
    const calm = watch.scenarios.find((entry) => entry.scenarioId === "calm")!;
    expect(calm.whatIf!.changes.map((change) => [change.from, change.to])).toEqual([
      ["receding", "not-observed"],
    ]);
    expect(watch.scenarios.map((entry) => entry.scenarioId)).toEqual(["calm", "coup"]);
  });

  it("reads no evidence when nothing with weight is known", () => {
    const only = indexTheatre(theatreWith(scenario("dark", [indicator("a", "unknown", 0.5)])));
    const { baseline } = watchScenarios(only, {}).scenarios[0]!;
    expect(baseline).toMatchObject({ standing: 0, coverage: 0, reading: "no evidence" });
  });

  it("watches only the scenarios asked for", () => {
    expect(
      watchScenarios(index, { scenarioIds: ["calm"] }).scenarios.map((entry) => entry.scenarioId),
    ).toEqual(["calm"]);
  });

  it.each([
    [
      { scenarioIds: ["cuop"] },
      new AnalysisError("scenarioIds[0]", 'unknown scenario "cuop" (did you mean "coup"?)', ["coup"]),
    ],
    [{ scenarioIds: [] }, new AnalysisError("scenarioIds", "name at least one scenario, or omit the list")],
    [
      { scenarioIds: ["coup", "coup"] },
      new AnalysisError("scenarioIds[1]", 'scenario "coup" is named twice'),
    ],
    [
      { overrides: { rumour: "observed" } },
      new AnalysisError(
        "overrides.rumour",
        'no watched scenario has an indicator "rumour" (did you mean "rumours"?)',
        ["rumours"],
      ),
    ],
    [
      { scenarioIds: ["calm"], overrides: { rumours: "observed" } },
      new AnalysisError("overrides.rumours", 'no watched scenario has an indicator "rumours"'),
    ],
    [
      { overrides: { rumours: "seen" } },
      new AnalysisError(
        "overrides.rumours",
        '"seen" is not an indicator status (not-observed, emerging, observed, receding, unknown)',
        statuses,
      ),
    ],
  ])("rejects bad input %j naming the field", (query, error) => {
    expect(() => watchScenarios(index, query as never)).toThrow(error);
  });
});

const randomIndicators = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom("a", "b", "c", "d", "e", "f"),
    status: fc.constantFrom(...statuses),
    weight: fc.double({ min: 0, max: 1, noNaN: true }),
    direction: fc.constantFrom("raises" as const, "lowers" as const),
  }),
  { minLength: 1, maxLength: 6, selector: (entry) => entry.id },
);

const randomIndex = fc.array(randomIndicators, { minLength: 1, maxLength: 3 }).map((lists) =>
  indexTheatre(
    theatreWith(
      ...lists.map((list, i) =>
        scenario(
          `s${i}`,
          list.map((entry) => indicator(entry.id, entry.status, entry.weight, entry.direction)),
        ),
      ),
    ),
  ),
);

const randomOverrides = fc.dictionary(
  fc.constantFrom("a", "b", "c", "d", "e", "f"),
  fc.constantFrom(...statuses),
);

/** Overrides restricted to indicators some scenario of the index has. */
function applicable(index: ReturnType<typeof indexTheatre>, overrides: Record<string, IndicatorStatus>) {
  const ids = new Set(index.document.scenarios.flatMap((s) => s.indicators.map((i) => i.id)));
  return Object.fromEntries(Object.entries(overrides).filter(([id]) => ids.has(id)));
}

describe("watchScenarios properties", () => {
  it("keeps standing in [-1, 1] and coverage in [0, 1], deterministically", () => {
    fc.assert(
      fc.property(randomIndex, randomOverrides, (index, overrides) => {
        const query = { overrides: applicable(index, overrides) };
        const watch = watchScenarios(index, query);
        expect(JSON.stringify(watchScenarios(index, query))).toBe(JSON.stringify(watch));
        for (const entry of watch.scenarios)
          for (const standing of [entry.baseline, entry.whatIf!]) {
            expect(Math.abs(standing.standing)).toBeLessThanOrEqual(1);
            expect(standing.coverage).toBeGreaterThanOrEqual(0);
            expect(standing.coverage).toBeLessThanOrEqual(1);
          }
        forEachCitation(watch, [], (citation) => expect(index.sources.has(citation.sourceId)).toBe(true));
      }),
    );
  });

  it("never lowers a standing when a raising indicator goes from not-observed to observed", () => {
    fc.assert(
      fc.property(randomIndex, (index) => {
        for (const { id, indicators } of index.document.scenarios)
          for (const flipped of indicators.filter(
            (i) => i.direction === "raises" && i.status.value === "not-observed",
          )) {
            const entry = watchScenarios(index, {
              scenarioIds: [id],
              overrides: { [flipped.id]: "observed" },
            }).scenarios[0]!;
            expect(entry.whatIf!.standing).toBeGreaterThanOrEqual(entry.baseline.standing);
          }
      }),
    );
  });

  it("changes nothing when the overrides repeat the recorded statuses", () => {
    fc.assert(
      fc.property(randomIndex, (index) => {
        const [first] = index.document.scenarios;
        const overrides = Object.fromEntries(first!.indicators.map((i) => [i.id, i.status.value]));
        const entry = watchScenarios(index, { scenarioIds: [first!.id], overrides }).scenarios[0]!;
        expect(entry.whatIf!.changes).toEqual([]);
        expect(entry.whatIf!.delta).toBe(0);
        expect(entry.whatIf!.standing).toBe(entry.baseline.standing);
      }),
    );
  });

  it("answers any malformed override with an AnalysisError", () => {
    fc.assert(
      fc.property(randomIndex, fc.dictionary(fc.string(), fc.anything()), (index, overrides) => {
        try {
          watchScenarios(index, { overrides: overrides as Record<string, IndicatorStatus> });
        } catch (error) {
          expect(error).toBeInstanceOf(AnalysisError);
        }
      }),
    );
  });
});
