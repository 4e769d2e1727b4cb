import { checkScenario, type BargainingScenario } from "../bargaining-scenario";
import type { Forecast, ForecastRound, StopReason } from "../forecast-result";
import { requireInRange } from "../forecast-options";
import { playRound, type Game, type Move } from "./expected-utility-round";
import { weightedMean, weightedMedian } from "./weighted-centre";

export interface ExpectedUtilityOptions {
  /** At most this many rounds; default 10, as in Scholz et al.'s example. */
  maxRounds?: number;
  /** Q, 0-1: default 1, as in the published example (then T plays no part). */
  statusQuo?: number;
  /** T, 0-1: default 1. */
  improvement?: number;
  /** Converged when no actor moves more than this share of the range in a round; default 0.001. */
  tolerance?: number;
}

export interface ExpectedUtilityRound extends ForecastRound {
  /** Per dimension: the weighted median (BDM's forecast) and the weighted mean of the positions. */
  median: number[];
  mean: number[];
  /** Per actor and dimension, the risk exponent it played the round with (none for round 0). */
  risk?: number[][];
  /** Who moved in the round, on which dimension, towards whom and how. */
  moves: (Move & { dimension: number })[];
}

export interface ExpectedUtilityForecast extends Forecast<ExpectedUtilityRound> {
  model: "eu";
  /** Per dimension: the round it stopped after and why. */
  dimensionStops: { reason: StopReason; rounds: number }[];
}

/**
 * Bueno de Mesquita's expected-utility model as specified and replicated by Scholz, Calbert & Smith
 * (2011), one dimension at a time (each dimension is bargained on its own, with the actors' saliences on
 * it). The outcome is the weighted median after the last round.
 */
export function runExpectedUtilityModel(
  input: BargainingScenario,
  options: ExpectedUtilityOptions = {},
): ExpectedUtilityForecast {
  const scenario = checkScenario(input);
  const maxRounds = requireInRange("maxRounds", options.maxRounds ?? 10, 0, 10_000, true);
  const statusQuo = requireInRange("statusQuo", options.statusQuo ?? 1, 0, 1);
  const improvement = requireInRange("improvement", options.improvement ?? 1, 0, 1);
  const tolerance = requireInRange("tolerance", options.tolerance ?? 0.001, 0, 1);
  const n = scenario.actors.length;
  const capability = Float64Array.from(scenario.actors, (actor) => actor.capability);

  const paths = scenario.dimensions.map((_, d) => {
    const salience = Float64Array.from(scenario.actors, (actor) => actor.salience[d]!);
    const start = Float64Array.from(scenario.actors, (actor) => actor.position[d]!);
    const weight = capability.map((c, i) => c * salience[i]!);
    const range = Math.max(...start) - Math.min(...start);
    const game: Game = { capability, salience, weight, range, statusQuo, improvement };
    return bargainOneDimension(game, start, maxRounds, tolerance);
  });

  const roundCount = Math.max(...paths.map((path) => path.states.length));
  const rounds: ExpectedUtilityRound[] = [];
  for (let round = 0; round < roundCount; round++) {
    const states = paths.map((path) => path.states[Math.min(round, path.states.length - 1)]!);
    rounds.push({
      round,
      positions: Array.from({ length: n }, (_, i) => states.map((state) => state.positions[i]!)),
      median: states.map((state) => state.median),
      mean: states.map((state) => state.mean),
      ...(round > 0 && {
        risk: Array.from({ length: n }, (_, i) => states.map((state) => state.risk?.[i] ?? 1)),
      }),
      moves: paths.flatMap((path, dimension) =>
        round < path.states.length
          ? (path.states[round]!.moves ?? []).map((move) => ({ ...move, dimension }))
          : [],
      ),
    });
  }
  const dimensionStops = paths.map((path) => path.stop);
  const reason: StopReason = dimensionStops.some((stop) => stop.reason === "round-limit")
    ? "round-limit"
    : dimensionStops.some((stop) => stop.reason === "converged")
      ? "converged"
      : "stable";
  return {
    model: "eu",
    rounds,
    outcome: rounds.at(-1)!.median,
    stop: { reason, rounds: roundCount - 1 },
    dimensionStops,
  };
}

interface State {
  positions: Float64Array;
  median: number;
  mean: number;
  risk?: Float64Array;
  moves?: Move[];
}

function bargainOneDimension(game: Game, start: Float64Array, maxRounds: number, tolerance: number) {
  const describe = (positions: Float64Array): State => ({
    positions,
    median: weightedMedian(positions, game.weight),
    mean: weightedMean(positions, game.weight),
  });
  const states: State[] = [describe(start)];
  if (game.range === 0) return { states, stop: { reason: "stable" as StopReason, rounds: 0 } };
  let positions = start;
  for (let round = 1; round <= maxRounds; round++) {
    const outcome = playRound(game, positions, states.at(-1)!.median);
    let largestMove = 0;
    for (let i = 0; i < positions.length; i++)
      largestMove = Math.max(largestMove, Math.abs(outcome.positions[i]! - positions[i]!));
    positions = outcome.positions;
    states.push({ ...describe(positions), risk: outcome.risk, moves: outcome.moves });
    if (largestMove === 0) return { states, stop: { reason: "stable" as StopReason, rounds: round } };
    if (largestMove <= tolerance * game.range)
      return { states, stop: { reason: "converged" as StopReason, rounds: round } };
  }
  return { states, stop: { reason: "round-limit" as StopReason, rounds: maxRounds } };
}
