/** KTAB's floor under every coalition's strength, so that no contest is zero against zero. */
const COALITION_FLOOR = 1e-8;

/**
 * The probability that each option prevails in KTAB's probabilistic Condorcet election, with KTAB's
 * default sub-models: in every pairwise contest each voter backs the option it prefers with its weight
 * times the difference in utility (proportional voting); an option beats another with probability
 * proportional to the strength of its coalition (linear victory probability); and an option prevails
 * with the probability that it beats every other, conditional on exactly one doing so (conditional PCE).
 *
 * `utilities` is option-major: `utilities[option * voters + voter]`, voters as many as `weight`.
 * The products are taken as sums of logarithms, so that hundreds of options do not underflow to zero
 * where KTAB (limited to 250 actors) multiplies directly; the results agree to rounding.
 */
export function condorcetProbabilities(
  utilities: Float64Array,
  options: number,
  weight: Float64Array,
): Float64Array {
  const logWins = new Float64Array(options);
  for (let a = 1; a < options; a++) {
    for (let b = 0; b < a; b++) {
      const [winA, winB] = contest(utilities, weight, a, b);
      logWins[a] = logWins[a]! + winA;
      logWins[b] = logWins[b]! + winB;
    }
  }
  return normalizedWins(logWins);
}

/**
 * The option `condorcetProbabilities` gives the highest probability (the first, on a tie), found
 * without holding every contest: an option's probability is the product of its chances in its
 * contests, so the sum of the logarithms of the contests held so far bounds it from above, and an
 * option is dropped as soon as that falls below the best complete one.
 */
export function mostProbableOption(utilities: Float64Array, options: number, weight: Float64Array): number {
  const logWins = new Float64Array(options);
  const held = new Uint8Array(options * options);
  const hold = (a: number, b: number) => {
    const [winA, winB] = contest(utilities, weight, a, b);
    logWins[a] = logWins[a]! + winA;
    logWins[b] = logWins[b]! + winB;
    held[a * options + b] = held[b * options + a] = 1;
  };
  for (let o = 1; o < options; o++) hold(0, o);
  // The strongest options so far are tried first, and each option meets them first.
  const order = Array.from({ length: options }, (_, o) => o).sort(
    (a, b) => logWins[b]! - logWins[a]! || a - b,
  );
  let best = -1;
  for (const candidate of order) {
    const alive = () => best < 0 || logWins[candidate]! >= logWins[best]!;
    for (let k = 0; k < options && alive(); k++) {
      const o = order[k]!;
      if (o !== candidate && held[candidate * options + o] === 0) hold(candidate, o);
    }
    if (!alive()) continue;
    if (best < 0 || logWins[candidate]! > logWins[best]! || candidate < best) best = candidate;
  }
  return best;
}

/** The logarithms of each option's probability of winning the contest between options a and b. */
function contest(utilities: Float64Array, weight: Float64Array, a: number, b: number): [number, number] {
  const voters = weight.length;
  const rowA = a * voters;
  const rowB = b * voters;
  // Twice the coalition strengths: |v| + v is 2v for a vote for a and 0 otherwise, exactly. Two running
  // sums each keep the additions independent, which lets the processor overlap them.
  let forA = 0;
  let forB = 0;
  let forA2 = 0;
  let forB2 = 0;
  let k = 0;
  for (; k + 1 < voters; k += 2) {
    const vote = weight[k]! * (utilities[rowA + k]! - utilities[rowB + k]!);
    const vote2 = weight[k + 1]! * (utilities[rowA + k + 1]! - utilities[rowB + k + 1]!);
    const size = Math.abs(vote);
    const size2 = Math.abs(vote2);
    forA += size + vote;
    forB += size - vote;
    forA2 += size2 + vote2;
    forB2 += size2 - vote2;
  }
  if (k < voters) {
    const vote = weight[k]! * (utilities[rowA + k]! - utilities[rowB + k]!);
    forA += Math.abs(vote) + vote;
    forB += Math.abs(vote) - vote;
  }
  return pairwiseLogWin((forA + forA2) / 2, (forB + forB2) / 2);
}

/** The logarithms of each side's probability of winning a contest, from the sides' support. */
export function pairwiseLogWin(forA: number, forB: number): [number, number] {
  const coalitionA = COALITION_FLOOR + forA;
  const coalitionB = COALITION_FLOOR + forB;
  const contest = coalitionA + coalitionB;
  return [Math.log(coalitionA / contest), Math.log(coalitionB / contest)];
}

/** Each option's probability of beating all others, conditional on one doing so, from the logarithms. */
export function normalizedWins(logWins: Float64Array): Float64Array {
  let best = -Infinity;
  for (const value of logWins) best = Math.max(best, value);
  const probabilities = logWins.map((value) => Math.exp(value - best));
  let total = 0;
  for (const value of probabilities) total += value;
  return probabilities.map((value) => value / total);
}
