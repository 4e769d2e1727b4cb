/** Where every actor stands after one round: `positions[actor][dimension]`, actors in scenario order. */
export interface ForecastRound {
  /** 0 is the starting state; round k is the state after k rounds of bargaining. */
  round: number;
  positions: number[][];
}

/** Why a run stopped. */
export type StopReason = "converged" | "stable" | "round-limit";

/** What both bargaining models return: the path of positions and where it ends. */
export interface Forecast<Round extends ForecastRound = ForecastRound> {
  model: "eu" | "spatial";
  rounds: Round[];
  /** The forecast outcome, one value per dimension. */
  outcome: number[];
  stop: { reason: StopReason; rounds: number };
}
