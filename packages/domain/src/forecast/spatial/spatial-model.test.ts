import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidScenario, type BargainingScenario } from "../bargaining-scenario";
import { parseScenarioCsv } from "../scenario-csv";
import { runSpatialModel, type SpatialForecast } from "./spatial-model";

const example = (file: string) =>
  parseScenarioCsv(readFileSync(new URL(`fixtures/${file}`, import.meta.url), "utf8"));

const threeDimensions = example("dummyData_3Dim.csv");
const policyAndCompetition = example("SOE-Pol-Comp.csv");

function expectWithinScales(scenario: BargainingScenario, forecast: SpatialForecast) {
  for (const round of forecast.rounds)
    for (const position of round.positions)
      position.forEach((value, d) => {
        expect(value).toBeGreaterThanOrEqual(scenario.dimensions[d]!.min);
        expect(value).toBeLessThanOrEqual(scenario.dimensions[d]!.max);
      });
  forecast.outcome.forEach((value, d) => {
    expect(value).toBeGreaterThanOrEqual(scenario.dimensions[d]!.min);
    expect(value).toBeLessThanOrEqual(scenario.dimensions[d]!.max);
  });
}

describe("runSpatialModel on KTAB's shipped examples", () => {
  it.each([
    "dummyData_3Dim.csv",
    "dummyData_6Dim.csv",
    "dummyData-a040.csv",
    "dummyData-a080.csv",
    "dummyData-a160.csv",
    "SOE-Policy.csv",
    "SOE-Competitive.csv",
    "SOE-Pol-Comp.csv",
  ])("converges on %s, within the scales", (file) => {
    const scenario = example(file);
    const forecast = runSpatialModel(scenario);
    expect(forecast.stop.reason).toBe("converged");
    expect(forecast.stop.rounds).toBeLessThan(100);
    expect(forecast.rounds).toHaveLength(forecast.stop.rounds + 1);
    expectWithinScales(scenario, forecast);
  });

  it("forecasts the probability-weighted position of the last round, and names its likeliest position", () => {
    const forecast = runSpatialModel(threeDimensions);
    const last = forecast.rounds.at(-1)!;
    const best = Math.max(...last.prevailing);
    expect(forecast.mostLikely.probability).toBe(best);
    expect(forecast.mostLikely.actors.length).toBeGreaterThan(0);
    for (const actor of forecast.mostLikely.actors) {
      expect(last.prevailing[actor]).toBe(best);
      expect(last.positions[actor]).toEqual(forecast.mostLikely.position);
    }
    // KTAB's final state: actors 0, 1 and 6 share 78.6/31.8/74.1 at 0.3340, actor 5 holds 79.9/34.4/75.2 at 0.4009.
    expect(forecast.mostLikely.position.map((x) => x.toFixed(1))).toEqual(["79.9", "34.4", "75.2"]);
    expect(forecast.outcome.map((x) => x.toFixed(1))).toEqual(["78.1", "35.6", "72.2"]);
  });

  it("records each turn's challenges and who moved, every move being a bargain the mover was party to", () => {
    const forecast = runSpatialModel(policyAndCompetition);
    expect(forecast.rounds[0]!.challenges).toEqual([]);
    expect(forecast.rounds[0]!.moves).toEqual([]);
    let moves = 0;
    forecast.rounds.slice(1).forEach((round, t) => {
      const before = forecast.rounds[t]!;
      for (const move of round.moves) {
        moves++;
        expect(move.to).toEqual(round.positions[move.actor]);
        expect(move.to).not.toEqual(before.positions[move.actor]);
        // The pair may have challenged each other: two bargains, either of which the mover may take.
        const offers = round.challenges
          .filter(
            (c) =>
              (c.initiator === move.actor && c.target === move.towards) ||
              (c.target === move.actor && c.initiator === move.towards),
          )
          .map((c) => (c.initiator === move.actor ? c.initiatorPosition : c.targetPosition));
        expect(offers).toContainEqual(move.to);
      }
      for (const challenge of round.challenges) {
        expect(challenge.gain).toBeGreaterThan(0);
        expect(challenge.probability).toBeGreaterThan(0);
        expect(challenge.probability).toBeLessThan(1);
      }
    });
    expect(moves).toBeGreaterThan(20);
  });
});

describe("runSpatialModel invariants", () => {
  it("gives identical output for identical input, and for the same seed when transitions are drawn", () => {
    expect(runSpatialModel(policyAndCompetition)).toEqual(runSpatialModel(policyAndCompetition));
    const drawn = { transitions: "stochastic", seed: 7 } as const;
    const first = runSpatialModel(policyAndCompetition, drawn);
    expect(runSpatialModel(policyAndCompetition, drawn)).toEqual(first);
    expect(first.options).toEqual({ maxTurns: 100, tolerance: 0.02, transitions: "stochastic", seed: 7 });
    const other = runSpatialModel(policyAndCompetition, { ...drawn, seed: 8 });
    expect(other.rounds.map((round) => round.positions)).not.toEqual(
      first.rounds.map((round) => round.positions),
    );
    expectWithinScales(policyAndCompetition, first);
  });

  it("does not depend on the units of the scales or of capability", () => {
    const base = runSpatialModel(policyAndCompetition);
    const rescaled = runSpatialModel({
      ...policyAndCompetition,
      dimensions: policyAndCompetition.dimensions.map((dimension) => ({ ...dimension, min: -1, max: 1 })),
      actors: policyAndCompetition.actors.map((actor) => ({
        ...actor,
        position: actor.position.map((x) => -1 + x / 50),
      })),
    });
    expect(rescaled.stop).toEqual(base.stop);
    base.rounds.forEach((round, t) =>
      round.positions.forEach((position, i) =>
        position.forEach((x, d) => expect(rescaled.rounds[t]!.positions[i]![d]).toBeCloseTo(-1 + x / 50, 12)),
      ),
    );
    const heavier = runSpatialModel({
      ...policyAndCompetition,
      actors: policyAndCompetition.actors.map((actor) => ({ ...actor, capability: actor.capability * 1000 })),
    });
    expect(heavier.rounds.map((round) => round.positions)).toEqual(
      base.rounds.map((round) => round.positions),
    );
  });

  it("stops as stable at KTAB's minimum of two turns when everyone already agrees", () => {
    const agreed: BargainingScenario = {
      ...threeDimensions,
      actors: threeDimensions.actors.map((actor) => ({ ...actor, position: [50, 50, 50] })),
    };
    const forecast = runSpatialModel(agreed);
    expect(forecast.stop).toEqual({ reason: "stable", rounds: 2 });
    expect(forecast.rounds.at(-1)!.positions).toEqual(agreed.actors.map(() => [50, 50, 50]));
    expect(forecast.outcome).toEqual([50, 50, 50]);
    expect(forecast.mostLikely).toEqual({
      position: [50, 50, 50],
      probability: 1,
      actors: [0, 1, 2, 3, 4, 5, 6],
    });
  });

  it("plays at most maxTurns turns", () => {
    expect(runSpatialModel(policyAndCompetition, { maxTurns: 0 }).stop).toEqual({
      reason: "round-limit",
      rounds: 0,
    });
    const one = runSpatialModel(policyAndCompetition, { maxTurns: 1 });
    expect(one.rounds).toHaveLength(2);
    expect(one.stop).toEqual({ reason: "round-limit", rounds: 1 });
    const strict = runSpatialModel(policyAndCompetition, { tolerance: 0.001 });
    expect(strict.stop.rounds).toBeGreaterThan(27);
  });

  it("rejects invalid options with a RangeError naming the option", () => {
    const cases: [Parameters<typeof runSpatialModel>[1], string][] = [
      [{ maxTurns: -1 }, "maxTurns"],
      [{ maxTurns: 2.5 }, "maxTurns"],
      [{ tolerance: 1.5 }, "tolerance"],
      [{ tolerance: Number.NaN }, "tolerance"],
      [{ transitions: "random" as "stochastic" }, "transitions"],
      [{ seed: -1 }, "seed"],
    ];
    for (const [options, name] of cases) {
      expect(() => runSpatialModel(threeDimensions, options)).toThrow(RangeError);
      expect(() => runSpatialModel(threeDimensions, options)).toThrow(name);
    }
  });

  it("rejects an invalid scenario with every problem named", () => {
    const broken = {
      ...threeDimensions,
      actors: threeDimensions.actors.map((actor, i) =>
        i === 2 ? { ...actor, position: [50, 150, 50] } : actor,
      ),
    };
    expect(() => runSpatialModel(broken)).toThrow(InvalidScenario);
    expect(() => runSpatialModel(broken)).toThrow("actors[2].position[1]");
  });
});

/**
 * What an actor that cares about no dimension does in KTAB's model. It has no say: it values every
 * position alike, so it never challenges and its votes are all zero (its capability is irrelevant),
 * and a bargain with it leaves its partner where it stood. But its presence is felt: its position is
 * a candidate in the Condorcet election from which everyone's risk attitude is inferred, and, offering
 * no resistance, it is the most rewarding target, so other actors challenge it instead of each other.
 */
describe("an actor with zero salience", () => {
  const bystander = {
    id: "Z",
    name: "Z",
    description: "",
    capability: 80,
    position: [10, 90, 50],
    salience: [0, 0, 0],
  };
  const withBystander = { ...threeDimensions, actors: [...threeDimensions.actors, bystander] };
  const z = threeDimensions.actors.length;
  const forecast = runSpatialModel(withBystander);

  it("never challenges, and no bargain with it moves its partner", () => {
    let bargains = 0;
    forecast.rounds.slice(1).forEach((round, t) => {
      const before = forecast.rounds[t]!.positions;
      expect(round.challenges.some((challenge) => challenge.initiator === z)).toBe(false);
      for (const challenge of round.challenges.filter((c) => c.target === z)) {
        bargains++;
        // KTAB rounds bargains to 1/10,000 of the scale: the partner stays, up to that rounding.
        challenge.initiatorPosition.forEach((x, d) =>
          expect(Math.abs(x - before[challenge.initiator]![d]!)).toBeLessThanOrEqual(0.005 + 1e-9),
        );
      }
      for (const move of round.moves.filter((m) => m.towards === z))
        move.to.forEach((x, d) =>
          expect(Math.abs(x - before[move.actor]![d]!)).toBeLessThanOrEqual(0.005 + 1e-9),
        );
    });
    expect(bargains).toBeGreaterThan(10);
  });

  it("has no say: its capability changes nothing", () => {
    for (const capability of [0, 0.001, 1e6]) {
      const other = runSpatialModel({
        ...withBystander,
        actors: [...threeDimensions.actors, { ...bystander, capability }],
      });
      expect(other.rounds.map((round) => round.positions)).toEqual(
        forecast.rounds.map((round) => round.positions),
      );
      expect(other.rounds.map((round) => round.prevailing)).toEqual(
        forecast.rounds.map((round) => round.prevailing),
      );
    }
  });

  it("still changes the others' paths: its position is a candidate, and it draws challenges", () => {
    const without = runSpatialModel(threeDimensions);
    expect(forecast.rounds[0]!.risk.slice(0, z)).not.toEqual(without.rounds[0]!.risk);
    expect(forecast.rounds[1]!.challenges.every((challenge) => challenge.target === z)).toBe(true);
    expect(forecast.rounds[1]!.positions.slice(0, z)).not.toEqual(without.rounds[1]!.positions);
  });
});
