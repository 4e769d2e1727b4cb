/**
 * The probability that one position prevails over another when challenged, in the variant of Scholz et
 * al. (2011) that their published code computes: every actor k votes for the position it prefers with
 * weight c_k s_k times its gain in (risk-adjusted) utility, and the support for a over b is divided by
 * the total |vote| over every ordered pair of actors' positions, not by the votes on (a, b) alone.
 *
 * Computed in O(n² log n) rather than the O(n³) of the definition: an actor prefers a to b exactly when
 * it lies on a's side of their midpoint, which in actors sorted by position is a prefix or a suffix, so
 * the support is a difference of prefix sums over the sorted actors.
 */
export class ChallengeOdds {
  private readonly n: number;
  /** Actors in order of position, and their positions in that order. */
  private readonly order: Int32Array;
  private readonly sorted: Float64Array;
  /** prefix[m * n + j]: the sum over the first m sorted actors k of c_k s_k d_k(x_j). */
  private readonly prefix: Float64Array;
  private readonly total: number;

  /**
   * `distance[k * n + j]` = (|x_k − x_j| / range)^r_k: how far actor j's position lies from actor k's, in
   * k's risk-adjusted terms; `weight[k]` = c_k s_k.
   */
  constructor(
    private readonly positions: Float64Array,
    weight: Float64Array,
    distance: Float64Array,
  ) {
    const n = positions.length;
    this.n = n;
    this.order = Int32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => positions[a]! - positions[b]! || a - b,
    );
    this.sorted = Float64Array.from(this.order, (k) => positions[k]!);
    this.prefix = new Float64Array((n + 1) * n);
    for (let m = 0; m < n; m++) {
      const k = this.order[m]!;
      const w = weight[k]!;
      const row = m * n;
      const next = row + n;
      const distances = k * n;
      for (let j = 0; j < n; j++)
        this.prefix[next + j] = this.prefix[row + j]! + w * distance[distances + j]!;
    }
    let total = 0;
    const column = new Float64Array(n);
    for (let m = 0; m < n; m++) {
      const k = this.order[m]!;
      this.nearestFirst(m, k, distance, column);
      total += weight[k]! * sumOfPairwiseGaps(column);
    }
    this.total = total;
  }

  /**
   * Actor k's distances to every actor, smallest first, into `into`: k's distances grow with the gap in
   * position, so the sorted actors are merged outwards from k's place rather than sorted again.
   */
  private nearestFirst(place: number, k: number, distance: Float64Array, into: Float64Array): void {
    const { order, sorted, n } = this;
    const x = sorted[place]!;
    let left = place - 1;
    let right = place + 1;
    into[0] = distance[k * n + k]!;
    for (let filled = 1; filled < n; filled++) {
      const takeLeft = right >= n || (left >= 0 && x - sorted[left]! <= sorted[right]! - x);
      const j = order[takeLeft ? left-- : right++]!;
      into[filled] = distance[k * n + j]!;
    }
  }

  /** The probability that a's position prevails over b's; 0 when they stand together. */
  probability(a: number, b: number): number {
    const xa = this.positions[a]!;
    const xb = this.positions[b]!;
    if (xa === xb || this.total === 0) return 0;
    const split = this.firstNotCloserTo(xa, xb);
    const n = this.n;
    let support: number;
    if (xa < xb) support = this.prefix[split * n + b]! - this.prefix[split * n + a]!;
    else {
      const all = n * n;
      const cut = split * n;
      support =
        this.prefix[all + b]! - this.prefix[cut + b]! - (this.prefix[all + a]! - this.prefix[cut + a]!);
    }
    return Math.max(0, support) / this.total;
  }

  /**
   * In sorted order, the number of actors before the first that does not lie on the left position's side
   * (when a is left of b: those strictly closer to a; otherwise, those not strictly closer to a).
   */
  private firstNotCloserTo(xa: number, xb: number): number {
    const left = xa < xb;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = this.sorted[mid]!;
      const closerToA = Math.abs(x - xa) < Math.abs(x - xb);
      if (closerToA === left) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The sum of |v_i − v_j| over every ordered pair (i, j) of `values`, given in ascending order. */
function sumOfPairwiseGaps(values: Float64Array): number {
  let sum = 0;
  let before = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]! * i - before;
    before += values[i]!;
  }
  return 2 * sum;
}
