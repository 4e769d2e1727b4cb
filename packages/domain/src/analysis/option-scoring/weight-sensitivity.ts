import { compareIds } from "../compare-ids";

/** Weights and totals closer than this are treated as equal, so that rounding never decides a rank. */
export const TIE_TOLERANCE = 1e-12;

/** Where two options swap places as one criterion's weight moves, the other weights fixed. */
export interface FlipPoint {
  /** The criterion's weight at the swap, strictly between 0 and 1. */
  weight: number;
  /** Ahead just below that weight. */
  aheadBelow: string;
  /** Ahead just above that weight. */
  aheadAbove: string;
  /** Whether the two are the top options there, so the lead changes hands. */
  changesTop: boolean;
}

/** A stretch of a criterion's weight over which one option leads. */
export interface LeaderSpan {
  from: number;
  to: number;
  optionId: string;
}

/**
 * How the ranking responds to one criterion's weight, the other weights fixed at their values. Only the
 * options that pass every veto take part (all of them when every option is vetoed): no weight can lift a
 * veto, so a vetoed option never takes over or swaps places with a passing one.
 */
export interface CriterionSensitivity {
  criterionId: string;
  /** The weight used, 0 to 1. */
  weight: number;
  /**
   * The range of this weight, within [0, 1], over which the top option stays on top; it contains the
   * weight used. At an end inside (0, 1) the top option ties with the one that takes over.
   */
  holds: { from: number; to: number };
  /** The option on top just below `holds.from`; null when the top holds down to 0. */
  takesOverBelow: string | null;
  /** The option on top just above `holds.to`; null when the top holds up to 1. */
  takesOverAbove: string | null;
  /** Who leads over each stretch of [0, 1] among the options taking part, in order. */
  leaders: LeaderSpan[];
  /** Every weight in (0, 1) where two options taking part swap places, lowest first (then by option ids). */
  flips: FlipPoint[];
}

/** One option seen from one criterion: Σ over the other criteria of weight × normalised score, and its own. */
export interface OptionLine {
  optionId: string;
  /** Σ over the other criteria of weight × normalised score. */
  others: number;
  /** Its normalised score on the criterion that varies, 0 to 1. */
  own: number;
}

/**
 * With the weight w of one criterion free, an option's total is (others + w·own) / (otherWeight + w),
 * so whether one option is ahead of another depends on the sign of a line in w: swaps happen at its
 * root, and the leader over each stretch of [0, 1] is found between consecutive roots.
 */
export function criterionSensitivity(
  criterionId: string,
  weight: number,
  otherWeight: number,
  lines: readonly OptionLine[],
  topOptionId: string,
): CriterionSensitivity {
  const crossings: FlipPoint[] = [];
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i]!;
      const b = lines[j]!;
      const slope = a.own - b.own;
      if (slope === 0) continue;
      const root = (b.others - a.others) / slope;
      if (!(root > TIE_TOLERANCE && root < 1 - TIE_TOLERANCE)) continue;
      const [aheadBelow, aheadAbove] = slope > 0 ? [b.optionId, a.optionId] : [a.optionId, b.optionId];
      crossings.push({ weight: root, aheadBelow, aheadAbove, changesTop: false });
    }
  crossings.sort(
    (x, y) =>
      x.weight - y.weight || compareIds(x.aheadBelow, y.aheadBelow) || compareIds(x.aheadAbove, y.aheadAbove),
  );

  const bounds = [0];
  for (const { weight: at } of crossings)
    if (at - bounds[bounds.length - 1]! > TIE_TOLERANCE) bounds.push(at);
  bounds.push(1);
  const leaders: LeaderSpan[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k]!;
    const to = bounds[k + 1]!;
    const optionId = leaderAt((from + to) / 2, otherWeight, lines);
    const last = leaders[leaders.length - 1];
    if (last?.optionId === optionId) last.to = to;
    else leaders.push({ from, to, optionId });
  }
  for (const flip of crossings)
    flip.changesTop = leaders.some(
      (span, k) =>
        k > 0 &&
        Math.abs(span.from - flip.weight) <= TIE_TOLERANCE &&
        span.optionId === flip.aheadAbove &&
        leaders[k - 1]!.optionId === flip.aheadBelow,
    );

  const at = leaders.findIndex(
    (span) =>
      span.optionId === topOptionId &&
      span.from - TIE_TOLERANCE <= weight &&
      weight <= span.to + TIE_TOLERANCE,
  );
  if (at < 0)
    return {
      criterionId,
      weight,
      holds: { from: weight, to: weight },
      takesOverBelow: weight > 0 ? leaderAt(weight / 2, otherWeight, lines) : null,
      takesOverAbove: weight < 1 ? leaderAt((weight + 1) / 2, otherWeight, lines) : null,
      leaders,
      flips: crossings,
    };
  const holds = leaders[at]!;
  return {
    criterionId,
    weight,
    holds: { from: Math.min(holds.from, weight), to: Math.max(holds.to, weight) },
    takesOverBelow: leaders[at - 1]?.optionId ?? null,
    takesOverAbove: leaders[at + 1]?.optionId ?? null,
    leaders,
    flips: crossings,
  };
}

/** The option with the highest total when the varying criterion weighs `w` (> 0); ties by id. */
function leaderAt(w: number, otherWeight: number, lines: readonly OptionLine[]): string {
  let best = lines[0]!;
  let bestTotal = (best.others + w * best.own) / (otherWeight + w);
  for (const line of lines.slice(1)) {
    const total = (line.others + w * line.own) / (otherWeight + w);
    if (
      total > bestTotal + TIE_TOLERANCE ||
      (Math.abs(total - bestTotal) <= TIE_TOLERANCE && compareIds(line.optionId, best.optionId) < 0)
    ) {
      best = line;
      bestTotal = total;
    }
  }
  return best.optionId;
}
