import type { BargainingTable } from "./bargaining-table";
import { condorcetProbabilities } from "./condorcet-election";
import { condorcetOnALine } from "./condorcet-on-a-line";

/** Positions closer than this (Euclidean, on the 0-1 scales) count as one position, as in KTAB. */
const SAME_POSITION = 1e-3;

/**
 * What every actor makes of one state (a set of positions): the model's per-turn groundwork.
 * Matrices are n × n, row-major. Each actor's ideal is its current position (KTAB's default: the
 * accommodation matrix is the identity).
 */
export interface StateAssessment {
  positions: Float64Array;
  /** `distance[a * n + b]`: how far b's position lies from a's, weighting dimensions by a's saliences (0-1). */
  distance: Float64Array;
  /** The transpose: `distanceTo[b * n + a]` is `distance[a * n + b]`. */
  distanceTo: Float64Array;
  /** Per actor, its risk aversion, inferred from the probability that its position prevails if all were risk neutral. */
  risk: Float64Array;
  /** `utility[a * n + b]`: a's risk-aware utility for b's position. */
  utility: Float64Array;
  /** Per actor, the sum of its row of `utility`. */
  utilityTotal: Float64Array;
  /** The distinct positions: for each, the first actor holding it, and its probability of prevailing. */
  distinct: { holder: number; probability: number }[];
  /** Per actor, the distinct position whose probability it takes: KTAB's last one within reach. */
  distinctOf: Int32Array;
  /** Per actor, the probability that its position prevails. */
  prevailing: Float64Array;
}

/**
 * KTAB's utility of a position at distance `distance` (0-1) to an actor of risk attitude `risk`: 1 at
 * its own position, 0 at the far end; concave in the distance for the risk averse (risk > 0, down to
 * 1 − d² at 1) and convex for the risk acceptant (risk < 0).
 */
export function utility(distance: number, risk: number): number {
  return distance <= 1 ? (1 - distance) * (1 + distance * risk) : (1 - distance) * (1 + risk);
}

/**
 * KTAB's risk attitudes from the probability that each position prevails ("BigRRange Mid"): the holder
 * of the likeliest position, with the most to lose, is the most risk averse (+1), the holder of the least
 * likely the most risk acceptant (-0.5); the others lie between, in proportion. All risk neutral when
 * every position is equally likely. KTAB writes it
 * (3p − (max + 2 min)) / (2 (max − min)); the same written as below stays within [-0.5, 1] even when
 * max − min is down to rounding.
 */
export function riskAttitudes(probabilities: Float64Array): Float64Array {
  let least = Infinity;
  let most = -Infinity;
  for (const p of probabilities) {
    least = Math.min(least, p);
    most = Math.max(most, p);
  }
  if (!(most > least)) return new Float64Array(probabilities.length);
  return probabilities.map((p) => -0.5 + (1.5 * (p - least)) / (most - least));
}

/** Everything the actors make of `positions` (0-1 scales) before they choose their challenges. */
export function assessState(table: BargainingTable, positions: Float64Array): StateAssessment {
  const n = table.actors;
  const { distance, distanceTo } = distances(table, positions);
  const onALine = table.dimensions === 1;
  // Voters that care about no dimension find all positions alike: they take no side.
  const voting = table.capability.map((c, a) => (table.salienceSquares[a]! > 0 ? c : 0));
  const risk = riskAttitudes(
    onALine
      ? condorcetOnALine(positions, new Float64Array(n), voting, positions)
      : condorcetProbabilities(
          distanceTo.map((d) => 1 - d),
          n,
          table.capability,
        ),
  );
  const utilityMatrix = new Float64Array(n * n);
  const utilityTotal = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let total = 0;
    for (let b = 0; b < n; b++) {
      const u = utility(distance[a * n + b]!, risk[a]!);
      utilityMatrix[a * n + b] = u;
      total += u;
    }
    utilityTotal[a] = total;
  }
  const { holders, distinctOf } = distinctPositions(table, positions);
  const probabilities = onALine
    ? condorcetOnALine(
        positions,
        risk,
        voting,
        Float64Array.from(holders, (holder) => positions[holder]!),
      )
    : condorcetProbabilities(optionUtilities(utilityMatrix, holders, n), holders.length, table.capability);
  return {
    positions,
    distance,
    distanceTo,
    risk,
    utility: utilityMatrix,
    utilityTotal,
    distinct: holders.map((holder, o) => ({ holder, probability: probabilities[o]! })),
    distinctOf,
    prevailing: Float64Array.from(distinctOf, (o) => probabilities[o]!),
  };
}

/** Every actor's utility for each option (a holder's position), option-major. */
function optionUtilities(utilityMatrix: Float64Array, holders: number[], n: number): Float64Array {
  const options = new Float64Array(holders.length * n);
  holders.forEach((holder, o) => {
    for (let a = 0; a < n; a++) options[o * n + a] = utilityMatrix[a * n + holder]!;
  });
  return options;
}

function distances(table: BargainingTable, positions: Float64Array) {
  const n = table.actors;
  const distance = new Float64Array(n * n);
  const distanceTo = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const value = weightedDistance(table, positions, a, positions, b);
      distance[a * n + b] = value;
      distanceTo[b * n + a] = value;
    }
  }
  return { distance, distanceTo };
}

/**
 * How far position `b` of `to` lies from actor a's position in `from`, KTAB's way: the Euclidean
 * distance with each dimension weighted by a's salience, divided by the root of a's summed squared
 * saliences (0-1 on the 0-1 scales). On one dimension that is the plain distance. An actor that cares
 * about no dimension finds every position as good as its own (distance 0).
 */
export function weightedDistance(
  table: BargainingTable,
  from: Float64Array,
  a: number,
  to: ArrayLike<number>,
  b: number,
): number {
  const squares = table.salienceSquares[a]!;
  if (squares === 0) return 0;
  const dimensions = table.dimensions;
  if (dimensions === 1) return Math.abs(from[a]! - to[b]!);
  let sum = 0;
  for (let d = 0; d < dimensions; d++) {
    const weighted =
      (from[a * dimensions + d]! - to[b * dimensions + d]!) * table.salience[a * dimensions + d]!;
    sum += weighted * weighted;
  }
  return Math.sqrt(sum / squares);
}

/**
 * KTAB's distinct positions: each actor in turn joins the first distinct position within reach, or
 * starts a new one. An actor's probability of prevailing is that of the last distinct position within
 * its reach (reach is not transitive, so it can differ from the one it joined).
 */
function distinctPositions(table: BargainingTable, positions: Float64Array) {
  const { actors: n, dimensions } = table;
  const holders: number[] = [];
  const near = (a: number, b: number) => {
    let sum = 0;
    for (let d = 0; d < dimensions; d++) {
      const gap = positions[a * dimensions + d]! - positions[b * dimensions + d]!;
      sum += gap * gap;
    }
    return Math.sqrt(sum) < SAME_POSITION;
  };
  for (let a = 0; a < n; a++) if (!holders.some((holder) => near(a, holder))) holders.push(a);
  const distinctOf = new Int32Array(n);
  for (let a = 0; a < n; a++) distinctOf[a] = holders.findLastIndex((holder) => near(a, holder));
  return { holders, distinctOf };
}
