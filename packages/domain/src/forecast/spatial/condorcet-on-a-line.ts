import { normalizedWins, pairwiseLogWin } from "./condorcet-election";

/**
 * `condorcetProbabilities` for positions on one dimension, where a voter's utility for an option is
 * KTAB's `(1 − d)(1 + r·d)` at distance `d = |x − option|` (and every voter prefers the nearer option).
 * In a contest between options a < b, the voters left of their midpoint back a and the others b, and
 * each side's total support is a polynomial in the voters' positions and risk attitudes: running sums
 * of w, w·x, w·r and w·r·x over the voters sorted by position give it without visiting each voter.
 * Options at the same position are contested once. Voters of weight 0 (and those that care about no
 * dimension, who find all options alike) count for nothing. Agrees with the direct sums to rounding.
 */
export function condorcetOnALine(
  voterPosition: Float64Array,
  voterRisk: Float64Array,
  weight: Float64Array,
  optionPosition: Float64Array,
): Float64Array {
  const voters = new SortedVoters(voterPosition, voterRisk, weight);
  const { places, groupOf, size } = samePositions(optionPosition);
  const count = places.length;
  const [tie] = pairwiseLogWin(0, 0);
  const logWins = size.map((members) => (members - 1) * tie);
  for (let g = 0; g < count; g++) {
    const sweep = new Sweep(voters, places[g]!);
    for (let h = g + 1; h < count; h++) {
      const [forLeft, forRight] = sweep.against(places[h]!);
      const [winLeft, winRight] = pairwiseLogWin(forLeft, forRight);
      logWins[g] = logWins[g]! + size[h]! * winLeft;
      logWins[h] = logWins[h]! + size[g]! * winRight;
    }
  }
  return normalizedWins(Float64Array.from(groupOf, (g) => logWins[g]!));
}

/** The distinct option positions in increasing order, each option's index among them, and how many share each. */
function samePositions(optionPosition: Float64Array) {
  const sorted = Float64Array.from(optionPosition).sort();
  const places: number[] = [];
  for (const value of sorted) if (places.length === 0 || places.at(-1) !== value) places.push(value);
  const index = new Map(places.map((value, g) => [value, g]));
  const groupOf = Int32Array.from(optionPosition, (value) => index.get(value)!);
  const size = new Float64Array(places.length);
  for (const g of groupOf) size[g] = size[g]! + 1;
  return { places: Float64Array.from(places), groupOf, size };
}

/** Voters sorted by position, with running sums: entry k sums the first k voters. */
class SortedVoters {
  readonly x: Float64Array;
  readonly w: Float64Array;
  readonly wx: Float64Array;
  readonly wr: Float64Array;
  readonly wrx: Float64Array;

  constructor(position: Float64Array, risk: Float64Array, weight: Float64Array) {
    const order = Array.from(position.keys())
      .filter((k) => weight[k]! > 0)
      .sort((p, q) => position[p]! - position[q]!);
    const count = order.length;
    this.x = Float64Array.from(order, (k) => position[k]!);
    this.w = new Float64Array(count + 1);
    this.wx = new Float64Array(count + 1);
    this.wr = new Float64Array(count + 1);
    this.wrx = new Float64Array(count + 1);
    order.forEach((k, s) => {
      const w = weight[k]!;
      const x = position[k]!;
      const r = risk[k]!;
      this.w[s + 1] = this.w[s]! + w;
      this.wx[s + 1] = this.wx[s]! + w * x;
      this.wr[s + 1] = this.wr[s]! + w * r;
      this.wrx[s + 1] = this.wrx[s]! + w * r * x;
    });
  }

  /** How many voters stand left of `value` (or at it, with `orAt`), searching on from `from`. */
  countBefore(value: number, from: number, orAt: boolean): number {
    const x = this.x;
    let k = from;
    if (orAt) while (k < x.length && x[k]! <= value) k++;
    else while (k < x.length && x[k]! < value) k++;
    return k;
  }
}

/**
 * The contests of the option at `a` against options further right, in increasing order: the
 * boundaries between the voters' groups only move right, so each is found by walking on.
 */
class Sweep {
  private readonly atA: number;
  private belowMid: number;
  private aboveMid = 0;
  private belowB = 0;

  constructor(
    private readonly voters: SortedVoters,
    private readonly a: number,
  ) {
    this.atA = voters.countBefore(a, 0, true);
    this.belowMid = this.atA;
  }

  /**
   * The support for the left option (at a) and the right one (at b > a): each voter's weight times its
   * gain in utility from its side's option over the other's. Voters beyond an option gain the gap from
   * it; those between gain twice their distance from the midpoint; a risk attitude r adds
   * r × (the difference of distances − the difference of squared distances).
   */
  against(b: number): [forLeft: number, forRight: number] {
    const { voters, a, atA } = this;
    const mid = (a + b) / 2;
    this.belowMid = voters.countBefore(mid, this.belowMid, false);
    this.aboveMid = voters.countBefore(mid, Math.max(this.aboveMid, this.belowMid), true);
    this.belowB = voters.countBefore(b, Math.max(this.belowB, this.aboveMid), false);
    const { belowMid, aboveMid, belowB } = this;
    const count = voters.x.length;
    const { w, wx, wr, wrx } = voters;
    const gap = b - a;
    const squares = b * b - a * a;
    const sum = a + b;
    const forLeft =
      gap * (range(w, 0, atA) - range(wr, 0, atA)) -
      2 * gap * range(wrx, 0, atA) +
      squares * range(wr, 0, atA) +
      2 * (range(wrx, atA, belowMid) - range(wx, atA, belowMid)) +
      sum * (range(w, atA, belowMid) - range(wr, atA, belowMid)) -
      2 * gap * range(wrx, atA, belowMid) +
      squares * range(wr, atA, belowMid);
    const forRight =
      gap * (range(w, belowB, count) - range(wr, belowB, count)) +
      2 * gap * range(wrx, belowB, count) -
      squares * range(wr, belowB, count) +
      2 * (range(wx, aboveMid, belowB) - range(wrx, aboveMid, belowB)) -
      sum * (range(w, aboveMid, belowB) - range(wr, aboveMid, belowB)) +
      2 * gap * range(wrx, aboveMid, belowB) -
      squares * range(wr, aboveMid, belowB);
    return [Math.max(0, forLeft), Math.max(0, forRight)];
  }
}

/** The sum of entries from (inclusive) to (exclusive), from running sums. */
function range(sums: Float64Array, from: number, to: number): number {
  return to > from ? sums[to]! - sums[from]! : 0;
}
