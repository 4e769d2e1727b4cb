import {
  AnalysisError,
  forEachCitation,
  indexTheatre,
  type ScenarioWatch,
  type WatchedScenario,
  watchScenarios,
} from "@parley/domain";
import { describe, expect, it } from "vitest";
import { afghanistanTheatre } from "./shipped-theatres";

const index = indexTheatre(afghanistanTheatre());
const watch = watchScenarios(index, {});
const theatreCitations = new Set<string>();
forEachCitation(index.document, [], (citation) =>
  theatreCitations.add(`${citation.sourceId} ${citation.quote}`),
);

const scenario = (result: ScenarioWatch, id: string): WatchedScenario =>
  result.scenarios.find((entry) => entry.scenarioId === id)!;
const driver = (entry: WatchedScenario, indicatorId: string) =>
  entry.baseline.drivers.find((candidate) => candidate.indicatorId === indicatorId)!;

describe("scenario watch (Afghanistan theatre)", () => {
  it("watches the four destabilisation scenarios, none of them gaining ground", () => {
    // Crisis Group: "unlikely for now but possible over the medium term".
    expect(watch.scenarios.map((entry) => entry.scenarioId).sort()).toEqual([
      "external-support-for-insurgents",
      "jihadist-insurrection",
      "opposition-unification",
      "taliban-fragmentation",
    ]);
    for (const entry of watch.scenarios) {
      expect(entry.baseline.reading).not.toBe("gaining ground");
      expect(entry.likelihoodStated?.text).toMatch(/unlikely for now/);
    }
  });

  it("ranks the jihadist insurrection first, as the likelihood judgement calls it the likeliest", () => {
    // Crisis Group: "at least some risk of external operations"; the TTP campaign is already under way.
    const [first] = watch.scenarios;
    expect(first!.scenarioId).toBe("jihadist-insurrection");
    const likeliest = Math.max(...watch.scenarios.map((entry) => entry.likelihood.value));
    expect(first!.likelihood.value).toBe(likeliest);
    expect(first!.baseline.standing).toBeGreaterThan(0);
    expect(first!.baseline.drivers.slice(0, 2).map((d) => d.indicatorId)).toEqual([
      "ttp-external-operations",
      "pakistani-strikes-in-afghanistan",
    ]);
  });

  it("leaves al-Qaeda's rejuvenation out of the roll-up while its status is unknown", () => {
    const insurrection = scenario(watch, "jihadist-insurrection");
    expect(driver(insurrection, "al-qaeda-rejuvenation")).toMatchObject({ signal: null, contribution: 0 });
    expect(insurrection.baseline.coverage).toBeLessThan(1);
    expect(insurrection.baseline.drivers.at(-1)!.indicatorId).toBe("al-qaeda-rejuvenation");
  });

  it("holds fragmentation down: no resignations or major defections, and an ingrained unity", () => {
    // Crisis Group finds no high-profile resignations or major defections; unity is deeply ingrained.
    const fragmentation = scenario(watch, "taliban-fragmentation");
    expect(fragmentation.baseline.standing).toBeLessThanOrEqual(0);
    expect(driver(fragmentation, "high-profile-resignations").contribution).toBe(0);
    expect(driver(fragmentation, "major-commander-defections").contribution).toBe(0);
    expect(fragmentation.baseline.drivers[0]!.indicatorId).toBe("unity-ingrained");
    expect(fragmentation.baseline.drivers[0]!.contribution).toBeLessThan(0);
  });

  it("sees scant prospect of opposition unity, rivalry driving it down", () => {
    // Crisis Group: "In the short term, there appears to be scant prospect of unity among the disparate groups."
    const unification = scenario(watch, "opposition-unification");
    expect(unification.baseline.standing).toBeLessThanOrEqual(0);
    expect(unification.baseline.drivers[0]!.indicatorId).toBe("rivalry-among-opposition");
    expect(unification.baseline.drivers[0]!.contribution).toBeLessThan(0);
  });

  it("finds external support receding, and shows what large-scale support would change", () => {
    // Crisis Group: "little evidence ... providing large-scale support to opposition groups."
    const external = scenario(watch, "external-support-for-insurgents");
    expect(external.baseline.reading).toBe("receding");
    expect(driver(external, "large-scale-foreign-support").statusUsed).toBe("not-observed");
    const whatIf = watchScenarios(index, { overrides: { "large-scale-foreign-support": "observed" } });
    const changed = scenario(whatIf, "external-support-for-insurgents").whatIf!;
    expect(changed.delta).toBeGreaterThan(0);
    expect(changed.changes.map((change) => [change.indicatorId, change.from, change.to])).toEqual([
      ["large-scale-foreign-support", "not-observed", "observed"],
    ]);
    expect(changed.drivers[0]!.indicatorId).toBe("large-scale-foreign-support");
    for (const other of whatIf.scenarios.filter(
      (entry) => entry.scenarioId !== "external-support-for-insurgents",
    ))
      expect(other.whatIf!).toMatchObject({ delta: 0, changes: [] });
  });

  it("names the key of a bad override", () => {
    expect(() => watchScenarios(index, { overrides: { "large-scale-foreign-suport": "observed" } })).toThrow(
      /overrides\.large-scale-foreign-suport: .*did you mean "large-scale-foreign-support"/,
    );
    expect(() => watchScenarios(index, { overrides: { "unity-ingrained": "likely" as never } })).toThrow(
      AnalysisError,
    );
  });

  it("keeps its promises on the real theatre: bounded, deterministic, monotone, cited", () => {
    expect(JSON.stringify(watchScenarios(index, {}))).toBe(JSON.stringify(watch));
    for (const entry of index.document.scenarios) {
      const baseline = scenario(watch, entry.id).baseline;
      expect(Math.abs(baseline.standing)).toBeLessThanOrEqual(1);
      const same = Object.fromEntries(entry.indicators.map((i) => [i.id, i.status.value]));
      const unchanged = watchScenarios(index, { scenarioIds: [entry.id], overrides: same }).scenarios[0]!;
      expect(unchanged.whatIf!.standing).toBe(baseline.standing);
      expect(unchanged.whatIf!.changes).toEqual([]);
      for (const indicator of entry.indicators.filter(
        (i) => i.direction === "raises" && i.status.value === "not-observed",
      )) {
        const flipped = watchScenarios(index, {
          scenarioIds: [entry.id],
          overrides: { [indicator.id]: "observed" },
        }).scenarios[0]!;
        expect(flipped.whatIf!.standing).toBeGreaterThan(baseline.standing);
      }
    }
    forEachCitation(watch, [], (citation) =>
      expect(theatreCitations.has(`${citation.sourceId} ${citation.quote}`)).toBe(true),
    );
  });
});
