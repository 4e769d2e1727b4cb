/**
 * The weighted median: the actor position that beats every other in a pairwise vote where each actor
 * votes with weight c·s in proportion to how much closer the position lies to its own (risk-neutral).
 * On one dimension that is the position minimising the weighted distance to all actors; a tie goes to
 * the lower position.
 */
export function weightedMedian(positions: Float64Array, weight: Float64Array): number {
  let best = NaN;
  let bestCost = Infinity;
  for (let i = 0; i < positions.length; i++) {
    const candidate = positions[i]!;
    let cost = 0;
    for (let k = 0; k < positions.length; k++) cost += weight[k]! * Math.abs(positions[k]! - candidate);
    const tie = Math.abs(cost - bestCost) <= 1e-12 * cost;
    if ((cost < bestCost && !tie) || (tie && candidate < best)) {
      best = candidate;
      bestCost = cost;
    }
  }
  return best;
}

/** The mean of the positions weighted by c·s. */
export function weightedMean(positions: Float64Array, weight: Float64Array): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < positions.length; i++) {
    sum += weight[i]! * positions[i]!;
    total += weight[i]!;
  }
  return total === 0 ? positions[0]! : sum / total;
}
