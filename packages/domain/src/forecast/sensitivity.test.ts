import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BargainingScenario } from "./bargaining-scenario";
import { runExpectedUtilityModel } from "./expected-utility/expected-utility-model";
import { parseScenarioCsv } from "./scenario-csv";
import { forecastSensitivity } from "./sensitivity";

const euExample = parseScenarioCsv(
  readFileSync(new URL("./fixtures/eu-emission-standards.csv", import.meta.url), "utf8"),
);
const model = (scenario: BargainingScenario) => runExpectedUtilityModel(scenario);

describe("forecastSensitivity", () => {
  it("with no spread, every run gives the baseline outcome", () => {
    const result = forecastSensitivity(euExample, model, {
      runs: 5,
      capabilitySpread: 0,
      salienceSpread: 0,
      removals: 0,
    });
    const [distribution] = result.distribution;
    expect(distribution).toMatchObject({ baseline: 7, min: 7, max: 7, mean: 7, standardDeviation: 0 });
    expect(result.removals).toEqual([]);
  });

  it("spreads the outcome over the perturbed runs, the same for the same seed", () => {
    const options = { runs: 40, seed: 7, capabilitySpread: 0.5, salienceSpread: 0.3, removals: 3 };
    const result = forecastSensitivity(euExample, model, options);
    const [d] = result.distribution;
    expect(d!.min).toBeLessThan(d!.max);
    expect(d!.min).toBeGreaterThanOrEqual(4);
    expect(d!.max).toBeLessThanOrEqual(10);
    for (const [low, high] of [
      [d!.min, d!.p5],
      [d!.p5, d!.p25],
      [d!.p25, d!.median],
      [d!.median, d!.p75],
      [d!.p75, d!.p95],
      [d!.p95, d!.max],
    ])
      expect(low).toBeLessThanOrEqual(high!);
    expect(forecastSensitivity(euExample, model, options)).toEqual(result);
    expect(forecastSensitivity(euExample, model, { ...options, seed: 8 }).distribution).not.toEqual(
      result.distribution,
    );
  });

  it("takes out the weightiest actors one at a time and reports each shift", () => {
    const result = forecastSensitivity(euExample, model, { runs: 1, removals: 3 });
    expect(result.removals.map((removal) => removal.actorId).sort()).toEqual(["France", "Germany", "UK"]);
    for (const removal of result.removals) {
      const without = runExpectedUtilityModel({
        ...euExample,
        actors: euExample.actors.filter((actor) => actor.id !== removal.actorId),
      });
      expect(removal.outcome).toEqual(without.outcome);
      expect(removal.shift[0]).toBeCloseTo(without.outcome[0]! - 7, 12);
    }
    const shifts = result.removals.map((removal) => Math.abs(removal.shift[0]!));
    expect(shifts).toEqual([...shifts].sort((a, b) => b - a));
  });

  it("refuses options out of range, naming them", () => {
    expect(() => forecastSensitivity(euExample, model, { runs: 0 })).toThrow(/runs/);
    expect(() => forecastSensitivity(euExample, model, { capabilitySpread: 1.5 })).toThrow(
      /capabilitySpread/,
    );
    expect(() => forecastSensitivity(euExample, model, { salienceSpread: -0.1 })).toThrow(/salienceSpread/);
  });
});
