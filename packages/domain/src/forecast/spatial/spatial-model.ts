import { SeededRandom } from "../../seeded-random";
import { checkScenario, type BargainingScenario } from "../bargaining-scenario";
import { requireInRange } from "../forecast-options";
import type { StopReason } from "../forecast-result";
import { actorPosition, bargainingTable, scenarioPosition, type BargainingTable } from "./bargaining-table";
import { proposeBargain, resolveBargains, type Bargain } from "./bargains";
import { bestChallenges, type Challenge } from "./challenges";
import type { SpatialForecast, SpatialOptions, SpatialRound } from "./spatial-forecast";
import { assessState, type StateAssessment } from "./state-assessment";

export type * from "./spatial-forecast";

/** KTAB judges convergence from the second turn on. */
const MIN_TURNS = 2;
/** Added to the first turn's movement so that a first turn with no movement does not divide by zero. */
const FIRST_MOVE_FLOOR = 1e-4;

/**
 * The Spatial Model of Politics of KAPSARC's KTAB, with KTAB's default parameters (VictoryProbModel
 * Linear, VotingRule Prop, PCEModel Conditional, StateTransitions Deterministic, BigRRange Mid,
 * BigRAdjust OneThird, ThirdPartyCommit SemiCommit, InterVecBrgn S2P2, BargnModel InitOnlyInterp).
 * Each turn every actor infers risk attitudes from a probabilistic Condorcet election over the current
 * positions, picks the challenge it expects most from, and proposes a bargain to its target; each actor
 * then adopts whichever bargain it is party to (or its own position) is most likely to prevail. It stops
 * when a turn moves the actors less than `tolerance` of what the first turn did.
 */
export function runSpatialModel(input: BargainingScenario, options: SpatialOptions = {}): SpatialForecast {
  const scenario = checkScenario(input);
  const settings = spatialSettings(options);
  const table = bargainingTable(scenario);
  const random = new SeededRandom(settings.seed);
  const pick =
    settings.transitions === "stochastic"
      ? (probabilities: Float64Array) => draw(probabilities, random.next())
      : undefined;

  let state = assessState(table, table.start);
  const rounds: SpatialRound[] = [describeRound(table, state, 0, [], [], [])];
  let firstMove = 0;
  let stop: SpatialForecast["stop"] = { reason: "round-limit", rounds: settings.maxTurns };
  for (let turn = 1; turn <= settings.maxTurns; turn++) {
    const challenges = bestChallenges(table, state);
    const bargains = challenges.map((challenge) => proposeBargain(table, state.positions, challenge));
    const { positions, adopted } = resolveBargains(table, state, bargains, pick);
    const moved = movement(table, state.positions, positions);
    const previous = state;
    state = assessState(table, positions);
    const moves = describeMoves(table, previous, state, adopted);
    rounds.push(describeRound(table, state, turn, challenges, bargains, moves));
    if (turn === 1) firstMove = moved + FIRST_MOVE_FLOOR;
    const still = moved === 0 && settings.transitions === "deterministic";
    if (turn >= MIN_TURNS && (moved / firstMove < settings.tolerance || still)) {
      const reason: StopReason = moved === 0 ? "stable" : "converged";
      stop = { reason, rounds: turn };
      break;
    }
  }
  return { model: "spatial", rounds, ...expectedOutcome(table, state), stop, options: settings };
}

function spatialSettings(options: SpatialOptions): Required<SpatialOptions> {
  const transitions = options.transitions ?? "deterministic";
  if (transitions !== "deterministic" && transitions !== "stochastic")
    throw new RangeError(`transitions must be "deterministic" or "stochastic"; got ${String(transitions)}`);
  return {
    maxTurns: requireInRange("maxTurns", options.maxTurns ?? 100, 0, 10_000, true),
    tolerance: requireInRange("tolerance", options.tolerance ?? 0.02, 0, 1),
    transitions,
    seed: requireInRange("seed", options.seed ?? 1, 0, 2 ** 32 - 1, true),
  };
}

function draw(probabilities: Float64Array, uniform: number): number {
  let remaining = uniform;
  for (let o = 0; o < probabilities.length; o++) {
    remaining -= probabilities[o]!;
    if (remaining < 0) return o;
  }
  return probabilities.length - 1;
}

/** The sum over actors of the (Euclidean, 0-1 scale) distance each moved: KTAB's measure of a turn. */
function movement(table: BargainingTable, before: Float64Array, after: Float64Array): number {
  let total = 0;
  for (let i = 0; i < table.actors; i++) {
    let sum = 0;
    for (let d = 0; d < table.dimensions; d++) {
      const gap = after[i * table.dimensions + d]! - before[i * table.dimensions + d]!;
      sum += gap * gap;
    }
    total += Math.sqrt(sum);
  }
  return total;
}

function describeRound(
  table: BargainingTable,
  state: StateAssessment,
  round: number,
  challenges: Challenge[],
  bargains: Bargain[],
  moves: SpatialRound["moves"],
): SpatialRound {
  return {
    round,
    positions: Array.from({ length: table.actors }, (_, i) => actorPosition(table, state.positions, i)),
    prevailing: Array.from(state.prevailing),
    risk: Array.from(state.risk),
    challenges: challenges.map((challenge, c) => ({
      ...challenge,
      initiatorPosition: scenarioPosition(table, bargains[c]!.initiatorPosition),
      targetPosition: scenarioPosition(table, bargains[c]!.receiverPosition),
    })),
    moves,
  };
}

function describeMoves(
  table: BargainingTable,
  before: StateAssessment,
  after: StateAssessment,
  adopted: (Bargain | undefined)[],
): SpatialRound["moves"] {
  const moves: SpatialRound["moves"] = [];
  adopted.forEach((bargain, actor) => {
    if (!bargain) return;
    const at = actor * table.dimensions;
    const changed = before.positions
      .subarray(at, at + table.dimensions)
      .some((value, d) => value !== after.positions[at + d]);
    if (changed)
      moves.push({
        actor,
        towards: bargain.initiator === actor ? bargain.receiver : bargain.initiator,
        to: actorPosition(table, after.positions, actor),
      });
  });
  return moves;
}

function expectedOutcome(table: BargainingTable, state: StateAssessment) {
  const outcome = new Float64Array(table.dimensions);
  let likeliest = state.distinct[0]!;
  for (const option of state.distinct) {
    for (let d = 0; d < table.dimensions; d++)
      outcome[d] = outcome[d]! + option.probability * state.positions[option.holder * table.dimensions + d]!;
    if (option.probability > likeliest.probability) likeliest = option;
  }
  const index = state.distinct.indexOf(likeliest);
  return {
    outcome: scenarioPosition(table, outcome),
    mostLikely: {
      position: actorPosition(table, state.positions, likeliest.holder),
      probability: likeliest.probability,
      actors: Array.from(state.distinctOf.keys()).filter((i) => state.distinctOf[i] === index),
    },
  };
}
