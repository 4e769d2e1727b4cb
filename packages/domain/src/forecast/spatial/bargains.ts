import type { BargainingTable } from "./bargaining-table";
import type { Challenge } from "./challenges";
import { condorcetProbabilities, mostProbableOption } from "./condorcet-election";
import { utility, weightedDistance, type StateAssessment } from "./state-assessment";

/** Module transforms (tsx, vitest) turn imported bindings into getters, too slow for hot code. */
const utilityOf = utility;
const distanceOf = weightedDistance;

/** KTAB's weight each party keeps on its own position, so that where neither cares, both stay put. */
const OWN_WEIGHT = 1e-6;

export interface Bargain {
  initiator: number;
  receiver: number;
  /** Where each would stand, per dimension, on the 0-1 scales. */
  initiatorPosition: Float64Array;
  receiverPosition: Float64Array;
}

/**
 * The bargain an initiator proposes after choosing its challenge (KTAB's "BargnModel InitOnlyInterp":
 * both parties get the initiator's proposal). On each dimension both move to (almost) the same point
 * between their positions, weighted towards each by its salience squared times its probability of
 * prevailing squared ("InterVecBrgn S2P2"), each keeping a tiny extra weight on its own position. KTAB
 * rounds the result to 1/10,000 of the scale.
 */
export function proposeBargain(
  table: BargainingTable,
  positions: Float64Array,
  challenge: Challenge,
): Bargain {
  const { initiator: i, target: j, probability } = challenge;
  const dimensions = table.dimensions;
  const initiatorPosition = new Float64Array(dimensions);
  const receiverPosition = new Float64Array(dimensions);
  for (let d = 0; d < dimensions; d++) {
    const atI = positions[i * dimensions + d]!;
    const atJ = positions[j * dimensions + d]!;
    const salienceI = table.salience[i * dimensions + d]!;
    const salienceJ = table.salience[j * dimensions + d]!;
    const weightI = salienceI * salienceI * (probability * probability);
    const weightJ = salienceJ * salienceJ * ((1 - probability) * (1 - probability));
    const total = weightI + OWN_WEIGHT + weightJ;
    initiatorPosition[d] = toTenThousandths(((weightI + OWN_WEIGHT) * atI + weightJ * atJ) / total);
    receiverPosition[d] = toTenThousandths((weightI * atI + (OWN_WEIGHT + weightJ) * atJ) / total);
  }
  return { initiator: i, receiver: j, initiatorPosition, receiverPosition };
}

function toTenThousandths(value: number): number {
  return Math.floor(0.5 + value * 10_000) / 10_000;
}

/**
 * Each actor's choice among the bargains it is party to and its own position (the status quo): every
 * actor votes with its capability on the state each would bring about, valued as its mean utility
 * over all positions, and the probabilistic Condorcet election over those states gives each its
 * probability. Each actor takes the most probable (KTAB's "Deterministic" transitions), or, given
 * `draw`, one drawn from those probabilities ("Stochastic"). Returns the new positions and, per
 * actor, the bargain it adopted (undefined for the status quo).
 */
export function resolveBargains(
  table: BargainingTable,
  state: StateAssessment,
  bargains: Bargain[],
  draw?: (probabilities: Float64Array) => number,
): { positions: Float64Array; adopted: (Bargain | undefined)[] } {
  const n = table.actors;
  const dimensions = table.dimensions;
  const positions = state.positions.slice();
  const adopted: (Bargain | undefined)[] = new Array<Bargain | undefined>(n).fill(undefined);
  const involving: number[][] = Array.from({ length: n }, () => []);
  bargains.forEach((bargain, b) => {
    involving[bargain.initiator]!.push(b);
    involving[bargain.receiver]!.push(b);
  });
  const valueOf = bargains.map((bargain) => stateValues(table, state, bargain));
  for (let k = 0; k < n; k++) {
    const options = involving[k]!;
    if (options.length === 0) continue;
    const values = new Float64Array((options.length + 1) * n);
    for (let a = 0; a < n; a++) values[a] = state.utilityTotal[a]! / n;
    options.forEach((b, o) => values.set(valueOf[b]!, (o + 1) * n));
    const chosen = draw
      ? draw(condorcetProbabilities(values, options.length + 1, table.capability))
      : mostProbableOption(values, options.length + 1, table.capability);
    if (chosen === 0) continue;
    const bargain = bargains[options[chosen - 1]!]!;
    const position = bargain.initiator === k ? bargain.initiatorPosition : bargain.receiverPosition;
    positions.set(position, k * dimensions);
    adopted[k] = bargain;
  }
  return { positions, adopted };
}

/** Per actor, its mean utility over all positions if the bargain were carried out. */
export function stateValues(table: BargainingTable, state: StateAssessment, bargain: Bargain): Float64Array {
  const n = table.actors;
  const { initiator: i, receiver: j } = bargain;
  return Float64Array.from({ length: n }, (_, a) => {
    const unchanged = state.utilityTotal[a]! - state.utility[a * n + i]! - state.utility[a * n + j]!;
    const moved =
      positionUtility(table, state, a, bargain.initiatorPosition) +
      positionUtility(table, state, a, bargain.receiverPosition);
    return (unchanged + moved) / n;
  });
}

/** Actor a's risk-aware utility for a position that no actor holds yet. */
function positionUtility(
  table: BargainingTable,
  state: StateAssessment,
  a: number,
  position: Float64Array,
): number {
  return utilityOf(distanceOf(table, state.positions, a, position, 0), state.risk[a]!);
}
