import { ChallengeOdds } from "./challenge-odds";
import { chooseOffer, classifyOffer, type OfferKind } from "./offers";

/** The fixed terms of a one-dimensional bargaining game. */
export interface Game {
  capability: Float64Array;
  salience: Float64Array;
  /** c·s: the weight of each actor's vote. */
  weight: Float64Array;
  /** The range of the actors' starting positions: distances are measured as a share of it. */
  range: number;
  /** Q: the probability each actor gives that, unchallenged, the other keeps its position. */
  statusQuo: number;
  /** T: the probability that, if the other does move, it moves in the actor's favour. */
  improvement: number;
}

export interface Move {
  actor: number;
  kind: OfferKind;
  /** The actor whose offer it took. */
  towards: number;
  from: number;
  to: number;
}

export interface RoundOutcome {
  positions: Float64Array;
  /** The risk exponents r (0.5 to 2) the actors played the round with. */
  risk: Float64Array;
  moves: Move[];
}

/**
 * One round of Scholz et al.'s (2011) reading of Bueno de Mesquita's model: each actor's risk exponent
 * from how exposed its position is (its danger level against the others', all computed risk-neutral),
 * then every actor weighs the challenges it may face and accepts the best offer; all move at once.
 * `median` is the weighted median of `positions`, which the caller already holds.
 */
export function playRound(game: Game, positions: Float64Array, median: number): RoundOutcome {
  const n = positions.length;
  const neutral = new Float64Array(n).fill(1);
  const neutralOdds = oddsAt(game, positions, neutral);
  const danger = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      if (i === j) continue;
      const [success, failure] = outcomeUtilities(game, positions, i, j, 1);
      danger[j]! += expectedGain(game, positions, neutralOdds, median, i, j, 1, success, failure);
    }
  }
  const risk = riskExponents(danger);
  const odds = oddsAt(game, positions, risk);
  const next = Float64Array.from(positions);
  const moves: Move[] = [];
  for (let i = 0; i < n; i++) {
    const xi = positions[i]!;
    const r = risk[i]!;
    const offers = [];
    for (let j = 0; j < n; j++) {
      const xj = positions[j]!;
      if (xj === xi) continue;
      const [success, failure] = outcomeUtilities(game, positions, i, j, r);
      const eij = expectedGain(game, positions, odds, median, i, j, r, success, failure);
      const eji = expectedGain(game, positions, odds, median, j, i, r, success, failure);
      const offer = classifyOffer(j, xi, xj, eij, eji);
      if (offer) offers.push(offer);
    }
    const chosen = chooseOffer(offers, xi, (j) => positions[j]!);
    if (chosen) {
      next[i] = chosen.position;
      moves.push({ actor: i, kind: chosen.kind, towards: chosen.from, from: xi, to: chosen.position });
    }
  }
  return { positions: next, risk, moves };
}

/**
 * E(U_ab) as an actor with risk exponent r sees it: what a gains by challenging b, who resists with
 * probability s_b, against the status quo (Q) or a change that may favour a (T) or not.
 */
function expectedGain(
  game: Game,
  positions: Float64Array,
  odds: ChallengeOdds,
  median: number,
  a: number,
  b: number,
  r: number,
  success: number,
  failure: number,
): number {
  const p = odds.probability(a, b);
  const sb = game.salience[b]!;
  const statusQuo = r === 1 ? 0 : 2 - 4 * 0.5 ** r;
  let gain = sb * (p * success + (1 - p) * failure) + (1 - sb) * success - game.statusQuo * statusQuo;
  if (game.statusQuo < 1) {
    const gap = Math.abs(positions[a]! - positions[b]!) / game.range;
    const shift = (Math.abs(positions[a]! - median) / game.range + gap) / 4;
    const better = 2 - 4 * power(0.5 - shift, r);
    const worse = 2 - 4 * power(0.5 + shift, r);
    gain -= (1 - game.statusQuo) * (game.improvement * better + (1 - game.improvement) * worse);
  }
  return gain;
}

/** The utility of winning and of losing a challenge between a and b, to an actor with risk exponent r: the same for either side. */
function outcomeUtilities(
  game: Game,
  positions: Float64Array,
  a: number,
  b: number,
  r: number,
): [number, number] {
  const gap = Math.abs(positions[a]! - positions[b]!) / game.range;
  return [2 - 4 * power(0.5 - 0.5 * gap, r), 2 - 4 * power(0.5 + 0.5 * gap, r)];
}

function power(base: number, exponent: number): number {
  return exponent === 1 ? base : base ** exponent;
}

function oddsAt(game: Game, positions: Float64Array, risk: Float64Array): ChallengeOdds {
  const n = positions.length;
  const distance = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const xk = positions[k]!;
    const r = risk[k]!;
    for (let j = 0; j < n; j++) {
      const gap = Math.abs(xk - positions[j]!) / game.range;
      distance[k * n + j] = power(gap, r);
    }
  }
  return new ChallengeOdds(positions, game.weight, distance);
}

/** r_i from R_i = (2 danger_i − max − min) / (max − min): 0.5 for the most exposed, 2 for the safest. */
function riskExponents(danger: Float64Array): Float64Array {
  let max = -Infinity;
  let min = Infinity;
  for (const value of danger) {
    if (value > max) max = value;
    if (value < min) min = value;
  }
  return danger.map((value) => {
    const acceptance = max > min ? (2 * value - max - min) / (max - min) : 0;
    return (1 - acceptance / 3) / (1 + acceptance / 3);
  });
}
