import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidScenario, type BargainingScenario } from "../bargaining-scenario";
import { parseScenarioCsv } from "../scenario-csv";
import { runExpectedUtilityModel } from "./expected-utility-model";

const euExample = parseScenarioCsv(
  readFileSync(new URL("../fixtures/eu-emission-standards.csv", import.meta.url), "utf8"),
  {
    name: "EU emission standards",
  },
);

/**
 * Round by round, the weighted median and mean of Scholz et al.'s code on their EU example, as reproduced
 * by the public Python replication whose author reports it matches their results for ten rounds
 * (github.com/jmckib/bdm-scholz-expected-utility-model).
 */
const publishedRounds: [median: number, mean: number][] = [
  [7, 7.389955686853767],
  [8.415932315426764, 7.461314378277189],
  [9.610859134120188, 7.552500865855845],
  [9.961979590401311, 7.590144997451547],
  [9.961979590401311, 7.358130531334201],
  [9.961979590401311, 7.3491739896752115],
  [7.47204636191629, 7.414877545372958],
  [8.824593855262423, 7.510457183677219],
  [9.671129769802048, 7.5724470975503],
  [9.671129769802048, 7.324989065683666],
  [7, 7.242130958473938],
];

/** The paper's per-round mean positions to one decimal, as its figure shows them (digitised by Masad's replication). */
const paperFigureMeans = [7.4, 7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6, 7.3, 7.2];

describe("expected-utility model on Scholz et al.'s EU emission-standards example", () => {
  const forecast = runExpectedUtilityModel(euExample);

  it("starts from the published weighted median 7 and mean 7.39", () => {
    expect(forecast.rounds[0]!.median).toEqual([7]);
    expect(forecast.rounds[0]!.mean[0]).toBeCloseTo(7.39, 2);
  });

  it("reproduces the published code's median and mean in each of ten rounds", () => {
    expect(forecast.rounds).toHaveLength(11);
    forecast.rounds.forEach((round, index) => {
      const [median, mean] = publishedRounds[index]!;
      expect(round.median[0]).toBeCloseTo(median, 9);
      expect(round.mean[0]).toBeCloseTo(mean, 9);
      expect(Math.abs(round.mean[0]! - paperFigureMeans[index]!)).toBeLessThan(0.1);
    });
    expect(forecast.stop).toEqual({ reason: "round-limit", rounds: 10 });
    expect(forecast.outcome).toEqual([7]);
  });

  it("plays round 1 as the published code: Belgium compromises with France, Luxembourg and Ireland lose confrontations", () => {
    const names = euExample.actors.map((actor) => actor.name);
    const moves = forecast.rounds[1]!.moves.map((move) => [
      names[move.actor],
      move.kind,
      names[move.towards],
      move.to,
    ]);
    expect(moves).toEqual([
      ["Belgium", "compromise", "France", expect.closeTo(8.415932315426764, 12)],
      ["Luxembourg", "confrontation", "Belgium", 7],
      ["Ireland", "confrontation", "Luxembourg", 4],
    ]);
    const risk = forecast.rounds[1]!.risk!.map((row) => row[0]!);
    expect(risk.map((r) => Number(r.toFixed(4)))).toEqual([
      1.4057, 0.7542, 0.5089, 1.4057, 1.0465, 1.0465, 1.9649, 0.5, 2, 1.1121,
    ]);
  });

  it("gives the same result whatever the unit of capability", () => {
    const scaled = {
      ...euExample,
      actors: euExample.actors.map((actor) => ({ ...actor, capability: actor.capability * 250 })),
    };
    const again = runExpectedUtilityModel(scaled);
    again.rounds.forEach((round, index) =>
      expect(round.mean[0]).toBeCloseTo(forecast.rounds[index]!.mean[0]!, 9),
    );
  });

  it("stops as soon as no actor moves, or moves less than the tolerance", () => {
    const agreed = runExpectedUtilityModel({
      ...euExample,
      actors: euExample.actors.map((actor) => ({ ...actor, position: [7] })),
    });
    expect(agreed.stop).toEqual({ reason: "stable", rounds: 0 });
    expect(agreed.outcome).toEqual([7]);
    expect(runExpectedUtilityModel(euExample, { tolerance: 1 }).stop).toEqual({
      reason: "converged",
      rounds: 1,
    });
    expect(runExpectedUtilityModel(euExample, { maxRounds: 3 }).stop).toEqual({
      reason: "round-limit",
      rounds: 3,
    });
  });

  it("runs each dimension of a multi-dimensional scenario on its own", () => {
    const twice: BargainingScenario = {
      ...euExample,
      dimensions: [euExample.dimensions[0]!, { name: "Shifted", min: 14, max: 20 }],
      actors: euExample.actors.map((actor) => ({
        ...actor,
        position: [actor.position[0]!, actor.position[0]! + 10],
        salience: [actor.salience[0]!, actor.salience[0]!],
      })),
    };
    const both = runExpectedUtilityModel(twice);
    both.rounds.forEach((round, index) => {
      expect(round.mean[0]).toBeCloseTo(publishedRounds[index]![1], 9);
      expect(round.mean[1]).toBeCloseTo(publishedRounds[index]![1] + 10, 9);
    });
  });

  it("refuses bad options and scenarios, naming what is wrong", () => {
    expect(() => runExpectedUtilityModel(euExample, { maxRounds: -1 })).toThrow(/maxRounds/);
    expect(() => runExpectedUtilityModel(euExample, { statusQuo: 2 })).toThrow(/statusQuo/);
    const bad = {
      ...euExample,
      actors: [{ ...euExample.actors[0]!, salience: [1.5] }, euExample.actors[1]!],
    };
    expect(() => runExpectedUtilityModel(bad)).toThrow(InvalidScenario);
    expect(() => runExpectedUtilityModel(bad)).toThrow(/actors\[0\]\.salience\[0\]: must be between 0 and 1/);
  });
});

const randomScenario = fc
  .record({
    actors: fc.array(
      fc.record({
        capability: fc.double({ min: 0, max: 100, noNaN: true }),
        position: fc.double({ min: 0, max: 100, noNaN: true }),
        salience: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { minLength: 2, maxLength: 25 },
    ),
    statusQuo: fc.double({ min: 0, max: 1, noNaN: true }),
    improvement: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .filter(({ actors }) => actors.some((actor) => actor.capability > 0));

describe("expected-utility model on random scenarios", () => {
  it("never crashes, never yields NaN, keeps positions within the starting range and stops", () => {
    fc.assert(
      fc.property(randomScenario, ({ actors, statusQuo, improvement }) => {
        const scenario: BargainingScenario = {
          name: "random",
          description: "",
          dimensions: [{ name: "issue", min: 0, max: 100 }],
          actors: actors.map((actor, index) => ({
            id: `a${index}`,
            name: `A${index}`,
            description: "",
            capability: actor.capability,
            position: [actor.position],
            salience: [actor.salience],
          })),
        };
        const forecast = runExpectedUtilityModel(scenario, { maxRounds: 15, statusQuo, improvement });
        const lowest = Math.min(...actors.map((actor) => actor.position));
        const highest = Math.max(...actors.map((actor) => actor.position));
        expect(forecast.rounds.length).toBeLessThanOrEqual(16);
        for (const round of forecast.rounds) {
          for (const [x] of round.positions) {
            expect(Number.isNaN(x)).toBe(false);
            expect(x).toBeGreaterThanOrEqual(lowest - 1e-9);
            expect(x).toBeLessThanOrEqual(highest + 1e-9);
          }
          expect(Number.isFinite(round.mean[0])).toBe(true);
        }
        expect(runExpectedUtilityModel(scenario, { maxRounds: 15, statusQuo, improvement })).toEqual(
          forecast,
        );
      }),
      { numRuns: 200 },
    );
  });
});
