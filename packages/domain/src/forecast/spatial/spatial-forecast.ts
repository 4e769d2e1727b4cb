import type { Forecast, ForecastRound } from "../forecast-result";

export interface SpatialOptions {
  /** At most this many turns; default 100, as in KTAB. */
  maxTurns?: number;
  /**
   * Converged when a turn moves the actors less than this fraction of what the first turn moved them
   * (the sum over actors of the distance each moved); default 0.02, as in KTAB. Checked from turn 2.
   */
  tolerance?: number;
  /**
   * How each actor's new position is chosen among the bargains it is party to: the one most likely to
   * prevail (default, KTAB's "Deterministic"), or one drawn in proportion to those probabilities
   * (KTAB's "Stochastic", drawn from `seed`).
   */
  transitions?: "deterministic" | "stochastic";
  /** Seed of the draws when `transitions` is "stochastic"; default 1. */
  seed?: number;
}

/** An actor's best challenge in a turn and the bargain it proposes. Actors are scenario indices. */
export interface SpatialChallenge {
  initiator: number;
  target: number;
  /** The initiator's estimate that it would prevail over the target. */
  probability: number;
  /** The initiator's expected gain in utility from the challenge, over the status quo. */
  gain: number;
  /** The positions the bargain gives each of them, per dimension, on the scenario's scales. */
  initiatorPosition: number[];
  targetPosition: number[];
}

/** An actor that moved in a turn: it adopted the bargain between it and `towards`. */
export interface SpatialMove {
  actor: number;
  towards: number;
  to: number[];
}

export interface SpatialRound extends ForecastRound {
  /** Per actor: the probability that its position prevails (actors sharing a position share it). */
  prevailing: number[];
  /**
   * Per actor: its risk aversion as inferred from this round's positions, from -0.5 (risk acceptant,
   * the least likely position) to 1 (risk averse, the likeliest position).
   */
  risk: number[];
  /** The challenges made in the turn that led to this round (none for round 0). */
  challenges: SpatialChallenge[];
  /** Who moved in that turn, and with whom. */
  moves: SpatialMove[];
}

export interface SpatialForecast extends Forecast<SpatialRound> {
  model: "spatial";
  /**
   * The expected outcome: per dimension, the mean of the last round's distinct positions weighted by
   * each one's probability of prevailing.
   */
  outcome: number[];
  /** The last round's single most probable position, with its probability and the actors holding it. */
  mostLikely: { position: number[]; probability: number; actors: number[] };
  /** The options the run used, defaults filled in. */
  options: Required<SpatialOptions>;
}
