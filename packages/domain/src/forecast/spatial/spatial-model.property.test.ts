import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BargainingScenario } from "../bargaining-scenario";
import { runSpatialModel, type SpatialOptions } from "./spatial-model";

/** A share of a scale: anywhere, or on a few common points so that actors often coincide. */
const place = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.25, 0.5, 1));
const salience = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1));
const capability = fc.oneof(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.constant(0));

const scenarios = fc.integer({ min: 1, max: 3 }).chain((dimensions) =>
  fc
    .record({
      scales: fc.array(
        fc.record({
          min: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
          span: fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        }),
        { minLength: dimensions, maxLength: dimensions },
      ),
      actors: fc.array(
        fc.record({
          capability,
          places: fc.array(place, { minLength: dimensions, maxLength: dimensions }),
          saliences: fc.array(salience, { minLength: dimensions, maxLength: dimensions }),
        }),
        { minLength: 2, maxLength: 8 },
      ),
    })
    .map(({ scales, actors }): BargainingScenario => {
      const dimensions = scales.map(({ min, span }, d) => ({ name: `D${d}`, min, max: min + span }));
      return {
        name: "random",
        description: "",
        dimensions,
        actors: actors.map((actor, i) => ({
          id: `a${i}`,
          name: `A${i}`,
          description: "",
          capability: i === 0 && actors.every((a) => a.capability === 0) ? 1 : actor.capability,
          position: actor.places.map((share, d) =>
            Math.min(dimensions[d]!.max, dimensions[d]!.min + share * scales[d]!.span),
          ),
          salience: actor.saliences,
        })),
      };
    }),
);

const options = fc.record(
  {
    maxTurns: fc.integer({ min: 0, max: 60 }),
    tolerance: fc.double({ min: 0, max: 1, noNaN: true }),
    transitions: fc.constantFrom("deterministic" as const, "stochastic" as const),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  },
  { requiredKeys: [] },
);

describe("runSpatialModel on random scenarios", () => {
  it("never fails, never yields NaN, keeps positions on their scales and stops within maxTurns", () => {
    fc.assert(
      fc.property(scenarios, options, (scenario, settings: SpatialOptions) => {
        const forecast = runSpatialModel(scenario, settings);
        const limit = settings.maxTurns ?? 100;
        expect(forecast.stop.rounds).toBeLessThanOrEqual(limit);
        expect(forecast.rounds).toHaveLength(forecast.stop.rounds + 1);
        for (const round of forecast.rounds) {
          round.positions.forEach((position) =>
            position.forEach((x, d) => {
              expect(x).toBeGreaterThanOrEqual(scenario.dimensions[d]!.min);
              expect(x).toBeLessThanOrEqual(scenario.dimensions[d]!.max);
            }),
          );
          for (const p of round.prevailing) expect(p >= 0 && p <= 1).toBe(true);
          for (const r of round.risk) expect(r >= -0.5 - 1e-12 && r <= 1 + 1e-12).toBe(true);
          for (const challenge of round.challenges)
            expect(Number.isFinite(challenge.gain) && Number.isFinite(challenge.probability)).toBe(true);
        }
        forecast.outcome.forEach((x, d) => {
          expect(x).toBeGreaterThanOrEqual(scenario.dimensions[d]!.min);
          expect(x).toBeLessThanOrEqual(scenario.dimensions[d]!.max);
        });
        expect(forecast.mostLikely.probability).toBeGreaterThan(0);
        expect(runSpatialModel(scenario, settings)).toEqual(forecast);
      }),
      { numRuns: 150 },
    );
  });
});
