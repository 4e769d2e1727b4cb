import type { BargainingTable } from "./bargaining-table";
import { descendingOrder } from "./descending-order";
import { utility, type StateAssessment } from "./state-assessment";

/** Module transforms (tsx, vitest) turn imported bindings into getters, too slow for hot code. */
const utilityOf = utility;

/** KTAB's floor under both sides' coalitions in a challenge. */
const COALITION_FLOOR = 1e-10;
/** KTAB's smallest expected gain worth a challenge. */
const SMALLEST_GAIN = 1e-5;
/** Slack when ruling out targets by an upper bound, so that rounding never rules out the best one. */
const BOUND_SLACK = 1e-12;
/** How many third parties are counted between checks whether a target can still be the best. */
const CHECK_EVERY = 32;

export interface Challenge {
  initiator: number;
  target: number;
  /** The initiator's estimate that it would prevail. */
  probability: number;
  /** The initiator's expected gain in utility over the status quo. */
  gain: number;
}

/**
 * One actor's estimates, as KTAB's actor h makes them: everyone's risk attitudes as h perceives them
 * (KTAB's "BigRAdjust OneThird": two thirds h's own attitude, one third the other's), and from them
 * everyone's utilities and the odds of any challenge.
 */
export class Estimates {
  /** Everyone's risk attitude as h perceives it. */
  readonly risk: Float64Array;
  private readonly thirdParties: ThirdParties;
  /** The initiator the third parties are ordered for (-1: none yet, for this h). */
  private preparedFor = -1;

  /** Estimates for the actors of one state; `of(h)` chooses whose (its memory is reused). */
  constructor(
    private readonly table: BargainingTable,
    private readonly state: StateAssessment,
  ) {
    this.risk = new Float64Array(table.actors);
    this.thirdParties = new ThirdParties(table, state, this);
  }

  of(h: number): this {
    const own = this.state.risk[h]!;
    this.state.risk.forEach((other, a) => (this.risk[a] = (2 * own + other) / 3));
    this.preparedFor = -1;
    return this;
  }

  /** a's utility for b's position. */
  utility(a: number, b: number): number {
    return utilityOf(this.state.distance[a * this.table.actors + b]!, this.risk[a]!);
  }

  /**
   * The probability that i prevails when it challenges j. Each principal backs its own side with its
   * power; every third party weighs the little contest of i, j and itself and joins the side it expects
   * more from, committing only part-way if it wins with i (KTAB's "ThirdPartyCommit SemiCommit"); the
   * coalitions' strengths give the odds (the linear victory model). With `atLeast`, gives up (returns
   * undefined) as soon as the probability is certain to fall short of it.
   */
  victoryProbability(i: number, j: number, atLeast = -Infinity): number | undefined {
    if (this.preparedFor !== i) this.thirdParties.prepare(i);
    this.preparedFor = i;
    return this.thirdParties.victoryProbability(j, atLeast);
  }

  /**
   * k's expected gain over the status quo when i challenges j and prevails with `probability`: the
   * target resists (and the contest is fought) only as far as it cares, by its share of attention; a
   * won contest moves j to i's position, a lost one moves i to j's.
   */
  expectedGain(k: number, i: number, j: number, probability: number): number {
    const forI = this.utility(k, i);
    const forJ = this.utility(k, j);
    const resistance = this.table.attention[j]!;
    const contest = probability * 2 * forI + (1 - probability) * 2 * forJ;
    return (1 - resistance) * 2 * forI + resistance * contest - (forI + forJ);
  }
}

/**
 * The actors that could join a challenge by i, weightiest first (so that a target that cannot win
 * enough support is ruled out after counting few of them), with what i's position would cost each.
 */
class ThirdParties {
  private i = -1;
  private count = 0;
  private readonly order: Int32Array;
  private readonly weight: Float64Array;
  private readonly risk: Float64Array;
  /** Each one's loss of utility (1 − utility) should it have to adopt i's position. */
  private readonly lossToI: Float64Array;
  /** `reach[k]`: the most that the parties from the k-th on could add to i's side. */
  private readonly reach: Float64Array;
  /** The target's column of distances, copied: reading it in the parties' order is then cheap. */
  private readonly toTarget: Float64Array;
  /** On one dimension, the parties' positions: distances are then cheaper to compute than to look up. */
  private readonly position: Float64Array;
  /** Every actor with power, weightiest first. */
  private readonly byPower: Int32Array;

  constructor(
    private readonly table: BargainingTable,
    private readonly state: StateAssessment,
    private readonly estimates: Estimates,
  ) {
    const n = table.actors;
    this.order = new Int32Array(n);
    this.weight = new Float64Array(n);
    this.risk = new Float64Array(n);
    this.lossToI = new Float64Array(n);
    this.reach = new Float64Array(n + 1);
    this.toTarget = new Float64Array(n);
    this.position = new Float64Array(n);
    this.byPower = descendingOrder(table.power).filter((m) => table.power[m]! > 0);
  }

  prepare(i: number): void {
    const { table, byPower } = this;
    const n = table.actors;
    const distanceTo = this.state.distanceTo;
    const perceived = this.estimates.risk;
    const utilityAt = utilityOf;
    let count = 0;
    for (const m of byPower) {
      if (m === i) continue;
      this.order[count] = m;
      this.weight[count] = table.power[m]!;
      this.risk[count] = perceived[m]!;
      this.lossToI[count] = 1 - utilityAt(distanceTo[i * n + m]!, perceived[m]!);
      this.position[count] = this.state.positions[m]!;
      count++;
    }
    this.reach[count] = 0;
    for (let k = count - 1; k >= 0; k--)
      this.reach[k] = this.reach[k + 1]! + this.weight[k]! * this.lossToI[k]!;
    this.count = count;
    this.i = i;
  }

  victoryProbability(j: number, atLeast: number): number | undefined {
    const { table, estimates, i } = this;
    const power = table.power;
    const ownI = power[i]! * (estimates.utility(i, i) - estimates.utility(i, j));
    const ownJ = power[j]! * (estimates.utility(j, i) - estimates.utility(j, j));
    const principalsI = COALITION_FLOOR + Math.max(0, ownI) + Math.max(0, ownJ);
    const principalsJ = COALITION_FLOOR + Math.max(0, -ownI) + Math.max(0, -ownJ);
    // Twice the third parties' support for each side: |x| ± x is 2x or 0, exactly, and keeps this loop
    // free of unpredictable branches.
    let thirdI = 0;
    let thirdJ = 0;
    const { order, weight, risk, lossToI, reach, toTarget, position, count } = this;
    const n = table.actors;
    const onALine = table.dimensions === 1;
    const at = this.state.positions[j]!;
    if (!onALine) toTarget.set(this.state.distanceTo.subarray(j * n, j * n + n));
    const utilityAt = utilityOf;
    for (let k = 0; k < count; k++) {
      if (k % CHECK_EVERY === 0 && atLeast > 0 && k > 0) {
        const mostForI = principalsI + thirdI / 2 + reach[k]!;
        const leastForJ = principalsJ + thirdJ / 2;
        if (mostForI / (mostForI + leastForJ) < atLeast) return undefined;
      }
      const m = order[k]!;
      if (m === j) continue;
      const w = weight[k]!;
      const lossI = lossToI[k]!;
      // Every party here cares about some dimension (it has power), so on a line its distance is plain.
      const lossJ = 1 - utilityAt(onALine ? Math.abs(position[k]! - at) : toTarget[m]!, risk[k]!);
      const own = w * (lossJ - lossI);
      const size = Math.abs(own);
      const littleI = principalsI + (size + own) / 2;
      const littleJ = principalsJ + (size - own) / 2;
      const withI = littleI / (littleI + littleJ);
      // What m expects from joining i rather than j: it keeps its own position where the side it
      // joined wins, and adopts the winner's where the other side wins.
      const vote = w * (withI * lossI - (1 - withI) * lossJ);
      const strength = Math.abs(vote);
      thirdI += strength + vote;
      thirdJ += strength - vote;
    }
    const forI = principalsI + thirdI / 2;
    const forJ = principalsJ + thirdJ / 2;
    return forI / (forI + forJ);
  }
}

/**
 * Each actor's most valuable challenge by its own estimates, where one is worth more than KTAB's
 * threshold; ties go to the target listed first. With U(i, i) = 1 the gain is
 * (1 − U(i, j)) · (1 − 2 · attention_j · (1 − probability)), so targets are tried in decreasing order of
 * 1 − U(i, j), the most each could bring, skipping those where that cannot beat the best found; and a
 * target whose odds cannot reach what beating the best would take is given up early.
 */
export function bestChallenges(table: BargainingTable, state: StateAssessment): Challenge[] {
  const n = table.actors;
  const challenges: Challenge[] = [];
  const ceiling = new Float64Array(n);
  const estimates = new Estimates(table, state);
  const scratch = { codes: new Uint32Array(n), order: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    estimates.of(i);
    for (let j = 0; j < n; j++) ceiling[j] = j === i ? 0 : 1 - estimates.utility(i, j);
    let best: Challenge | undefined;
    for (const j of descendingOrder(ceiling, scratch)) {
      const most = ceiling[j]!;
      const toBeat = best?.gain ?? SMALLEST_GAIN;
      if (j === i || most <= SMALLEST_GAIN || most < toBeat - BOUND_SLACK) continue;
      const resistance = table.attention[j]!;
      const atLeast = resistance > 0 ? 1 - (1 - toBeat / most) / (2 * resistance) - BOUND_SLACK : -Infinity;
      const probability = estimates.victoryProbability(i, j, atLeast);
      if (probability === undefined) continue;
      const gain = estimates.expectedGain(i, i, j, probability);
      if (gain > SMALLEST_GAIN && (!best || gain > best.gain || (gain === best.gain && j < best.target)))
        best = { initiator: i, target: j, probability, gain };
    }
    if (best) challenges.push(best);
  }
  return challenges;
}
