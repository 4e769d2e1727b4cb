import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenarioCsv } from "../scenario-csv";
import { bargainingTable, scenarioPosition } from "./bargaining-table";
import { proposeBargain, stateValues } from "./bargains";
import { bestChallenges, Estimates } from "./challenges";
import { condorcetProbabilities } from "./condorcet-election";
import { runSpatialModel } from "./spatial-model";
import { assessState } from "./state-assessment";

/** What KTAB's reference runs print; see fixtures/README.md for how it was taken from the logs. */
interface Reference {
  firstTurn: {
    neutralUtility: number[][];
    risk: number[];
    utility: number[][];
    estimates?: number[][][];
    challenges?: {
      initiator: number;
      target: number;
      worth: number;
      estimates: { by: number; probability: number; to: number; gain: number }[];
      initiatorPosition: number[];
      targetPosition: number[];
    }[];
    elections?: {
      actor: number;
      bargains: [number, number][];
      values: number[][];
      probabilities: number[];
      chosen: number;
    }[];
  };
  /** `positions[actor][dimension][state]` on 0-100, to one decimal. */
  positions: number[][][];
  /** `prevailing[actor][state]`, to four decimals. */
  prevailing: number[][];
  turns: number;
}

const fixture = (file: string) => readFileSync(new URL(`fixtures/${file}`, import.meta.url), "utf8");
const reference = (file: string) => JSON.parse(fixture(file)) as Reference;

/** `actual` printed with `decimals` decimals would read `printed` (or lie on the rounding boundary). */
function expectPrinted(actual: number, printed: number, decimals: number): void {
  expect(Math.abs(actual - printed)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
}

function expectMatrixPrinted(
  actual: (a: number, b: number) => number,
  printed: number[][],
  decimals: number,
) {
  printed.forEach((row, a) => row.forEach((value, b) => expectPrinted(actual(a, b), value, decimals)));
}

describe("KTAB's reference run on dummyData_3Dim (7 actors, 3 dimensions)", () => {
  const scenario = parseScenarioCsv(fixture("dummyData_3Dim.csv"));
  const expected = reference("ktab-reference-dummyData_3Dim.json");
  const table = bargainingTable(scenario);
  const state = assessState(table, table.start);
  const n = table.actors;
  const first = expected.firstTurn;

  it("values the positions as KTAB does before inferring risk (3 decimals)", () => {
    expectMatrixPrinted((a, b) => 1 - state.distance[a * n + b]!, first.neutralUtility, 3);
  });

  it("infers the same risk attitudes (3 decimals)", () => {
    first.risk.forEach((risk, a) => expectPrinted(state.risk[a]!, risk, 3));
  });

  it("gives the same risk-aware utilities, and every actor's estimate of them (4 decimals)", () => {
    expectMatrixPrinted((a, b) => state.utility[a * n + b]!, first.utility, 4);
    first.estimates!.forEach((matrix, h) => {
      const estimates = new Estimates(table, state).of(h);
      expectMatrixPrinted((a, b) => estimates.utility(a, b), matrix, 4);
    });
  });

  it("has each actor choose the same target, with the same odds, gains and proposed bargain", () => {
    const challenges = bestChallenges(table, state);
    const byInitiator = new Map(challenges.map((challenge) => [challenge.initiator, challenge]));
    expect(challenges).toHaveLength(first.challenges!.length);
    for (const printed of first.challenges!) {
      const ours = byInitiator.get(printed.initiator)!;
      expect(ours.target).toBe(printed.target);
      expectPrinted(ours.gain, printed.worth, 3);
      for (const estimate of printed.estimates) {
        const estimates = new Estimates(table, state).of(estimate.by);
        const probability = estimates.victoryProbability(printed.initiator, printed.target)!;
        expectPrinted(probability, estimate.probability, 4);
        const gain = estimates.expectedGain(estimate.to, printed.initiator, printed.target, probability);
        expectPrinted(gain, estimate.gain, 4);
      }
      const bargain = proposeBargain(table, state.positions, ours);
      scenarioPosition(table, bargain.initiatorPosition).forEach((x, d) =>
        expectPrinted(x, printed.initiatorPosition[d]!, 3),
      );
      scenarioPosition(table, bargain.receiverPosition).forEach((x, d) =>
        expectPrinted(x, printed.targetPosition[d]!, 3),
      );
    }
  });

  it("has every actor value the bargains it is party to alike (5 decimals) and choose the same one", () => {
    const bargains = bestChallenges(table, state).map((challenge) =>
      proposeBargain(table, state.positions, challenge),
    );
    for (const election of first.elections!) {
      const options = election.bargains.map(([initiator, receiver]) => {
        if (initiator === receiver) return state.utilityTotal.map((total) => total / n);
        const bargain = bargains.find((b) => b.initiator === initiator && b.receiver === receiver)!;
        return stateValues(table, state, bargain);
      });
      election.values.forEach((row, a) =>
        row.forEach((value, o) => expectPrinted(options[o]![a]!, value, 5)),
      );
      const values = new Float64Array(options.length * n);
      options.forEach((option, o) => values.set(option, o * n));
      const probabilities = condorcetProbabilities(values, options.length, table.capability);
      election.probabilities.forEach((p, o) => expectPrinted(probabilities[o]!, p, 4));
      expect(probabilities.indexOf(Math.max(...probabilities))).toBe(election.chosen);
    }
  });

  it("follows KTAB's path turn by turn and stops after the same 10 turns", () => {
    expectSamePath(runSpatialModel(scenario), expected);
  });
});

describe("KTAB's reference run on SOE-Pol-Comp (13 actors, 2 dimensions)", () => {
  const scenario = parseScenarioCsv(fixture("SOE-Pol-Comp.csv"));
  const expected = reference("ktab-reference-SOE-Pol-Comp.json");

  it("agrees on the first turn's valuations, risk attitudes and utilities", () => {
    const table = bargainingTable(scenario);
    const state = assessState(table, table.start);
    const n = table.actors;
    expectMatrixPrinted((a, b) => 1 - state.distance[a * n + b]!, expected.firstTurn.neutralUtility, 3);
    expected.firstTurn.risk.forEach((risk, a) => expectPrinted(state.risk[a]!, risk, 3));
    expectMatrixPrinted((a, b) => state.utility[a * n + b]!, expected.firstTurn.utility, 4);
  });

  it("follows KTAB's path for all 27 turns", () => {
    expectSamePath(runSpatialModel(scenario), expected);
  });
});

function expectSamePath(forecast: ReturnType<typeof runSpatialModel>, expected: Reference) {
  expect(forecast.stop).toEqual({ reason: "converged", rounds: expected.turns });
  expect(forecast.rounds).toHaveLength(expected.turns + 1);
  expected.positions.forEach((byDimension, actor) =>
    byDimension.forEach((path, d) =>
      path.forEach((value, round) => expectPrinted(forecast.rounds[round]!.positions[actor]![d]!, value, 1)),
    ),
  );
  expected.prevailing.forEach((path, actor) =>
    path.forEach((p, round) => expectPrinted(forecast.rounds[round]!.prevailing[actor]!, p, 4)),
  );
}
