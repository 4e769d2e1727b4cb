import type { Citation } from "../../model/citation";
import type { Judged } from "../../model/judgement";
import type { Criterion, OptionSet } from "../../model/option";
import type { Scale } from "../../model/scale";
import { compareIds } from "../compare-ids";
import { AnalysisError } from "../analysis-error";
import { type TheatreIndex, lookup } from "../theatre-index";
import {
  type CriterionSensitivity,
  type OptionLine,
  TIE_TOLERANCE,
  criterionSensitivity,
} from "./weight-sensitivity";

export interface OptionScoringQuery {
  optionSetId: string;
  /** Weights (0 to 1) by criterion id, replacing the theatre's judged weights of those criteria. */
  weights?: Record<string, number>;
}

export interface ScoredCriterion {
  id: string;
  name: string;
  description: string;
  scale: Scale;
  higherIsBetter: boolean;
  /**
   * The level, on the criterion's scale, an option must not score worse than (below it when higher is
   * better, above it when lower is better); null when the criterion has none.
   */
  veto: Judged<number> | null;
  /** The weight the theatre gives it, 0 to 1. */
  judgedWeight: Judged<number>;
  /** The weight used, 0 to 1: the caller's override, or the judged weight. */
  weight: number;
  overridden: boolean;
  citations: Citation[];
}

/** One criterion's part in an option's total. */
export interface CriterionContribution {
  criterionId: string;
  /** The score the theatre gives, on the criterion's scale; null when the option has none. */
  score: Judged<number> | null;
  /** The score on 0 (worst end of the scale) to 1 (best end), inverted when lower is better; 0 when missing. */
  normalised: number;
  /** weight × normalised / Σ weights, 0 to 1: the contributions add up to the total. */
  contribution: number;
}

/** A criterion's veto an option fails. */
export interface FailedVeto {
  criterionId: string;
  /** The option's score, on the criterion's scale; null when it has none (a missing score fails a veto). */
  score: number | null;
  /** The criterion's veto level, with its basis and rationale or citations. */
  veto: Judged<number>;
}

export interface RankedOption {
  id: string;
  name: string;
  description: string;
  actorIds: string[];
  /** 1 for the best: options that pass every veto first, then vetoed ones; ties are ordered by id. */
  rank: number;
  /** Σ weight × normalised score / Σ weights, 0 to 1. */
  total: number;
  /** In the order of the criteria. */
  contributions: CriterionContribution[];
  /** Criteria the option has no score on (each counted as 0, the worst end of its scale). */
  missingCriterionIds: string[];
  /** The vetoes it fails, in the order of the criteria; empty when it passes them all. */
  vetoedBy: FailedVeto[];
  citations: Citation[];
}

export interface OptionScoring {
  optionSet: Pick<OptionSet, "id" | "name" | "question" | "decisionMakerIds" | "citations">;
  criteria: ScoredCriterion[];
  /** Σ of the weights used; greater than 0. */
  totalWeight: number;
  /** Best first: the options that pass every veto by total, then the vetoed ones by total. */
  ranking: RankedOption[];
  /** The first of the ranking: the best option that passes every veto, if any does. */
  topOptionId: string;
  /** The options that fail some veto, in ranking order (why: each one's `vetoedBy`). */
  vetoedOptionIds: string[];
  /**
   * True when every option fails some veto: the ranking is then by total alone, and the sensitivity is
   * computed among all the options.
   */
  allVetoed: boolean;
  /** False when some option lacks a score: the ranking then counts each missing score as 0. */
  complete: boolean;
  /**
   * One entry per criterion, in the order of the criteria. Weights cannot lift a veto, so the intervals
   * and flip points are among the options that pass every veto (among all of them when `allVetoed`).
   */
  sensitivity: CriterionSensitivity[];
}

/**
 * Scores an option set's options against its weighted criteria (each score normalised to [0, 1] on its
 * criterion's scale), ranks them (those that fail a criterion's veto after those that pass, whatever their
 * totals), and finds for each criterion the weights over which the top option stays on top and where any
 * two options swap places.
 */
export function scoreOptions(index: TheatreIndex, query: OptionScoringQuery): OptionScoring {
  if (typeof query !== "object" || query === null) throw new AnalysisError("query", "must be an object");
  if (typeof query.optionSetId !== "string") throw new AnalysisError("optionSetId", "must be an id");
  const set = lookup(index.optionSets, query.optionSetId, "optionSetId", "option set");
  if (set.criteria.length === 0)
    throw new AnalysisError(
      "optionSetId",
      `option set "${set.id}" has no criteria to score its options against`,
    );
  const weights = weightsUsed(set, query.weights);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(totalWeight > 0))
    throw new AnalysisError("weights", "every criterion weighs 0: give at least one a weight above 0");

  const scored = set.options.map((option) => {
    const byCriterion = new Map(option.scores.map((score) => [score.criterionId, score.value]));
    const normalised = set.criteria.map((criterion) => {
      const score = byCriterion.get(criterion.id);
      return score === undefined ? 0 : normalise(criterion, score.value);
    });
    const weighted = normalised.map((value, k) => weights[k]! * value);
    return {
      option,
      normalised,
      total: weighted.reduce((sum, value) => sum + value, 0) / totalWeight,
      contributions: set.criteria.map((criterion, k): CriterionContribution => ({
        criterionId: criterion.id,
        score: byCriterion.get(criterion.id) ?? null,
        normalised: normalised[k]!,
        contribution: weighted[k]! / totalWeight,
      })),
      missingCriterionIds: set.criteria
        .filter((criterion) => !byCriterion.has(criterion.id))
        .map((criterion) => criterion.id),
      vetoedBy: set.criteria.flatMap((criterion): FailedVeto[] => {
        if (criterion.veto === undefined) return [];
        const score = byCriterion.get(criterion.id)?.value ?? null;
        return score !== null && passes(criterion, score, criterion.veto.value)
          ? []
          : [{ criterionId: criterion.id, score, veto: criterion.veto }];
      }),
    };
  });
  scored.sort(
    (x, y) =>
      Number(x.vetoedBy.length > 0) - Number(y.vetoedBy.length > 0) ||
      (Math.abs(x.total - y.total) <= TIE_TOLERANCE ? 0 : y.total - x.total) ||
      compareIds(x.option.id, y.option.id),
  );
  const topOptionId = scored[0]!.option.id;
  const passing = scored.filter((entry) => entry.vetoedBy.length === 0);
  const allVetoed = passing.length === 0;
  const contenders = allVetoed ? scored : passing;

  return {
    optionSet: {
      id: set.id,
      name: set.name,
      question: set.question,
      decisionMakerIds: set.decisionMakerIds,
      citations: set.citations,
    },
    criteria: set.criteria.map((criterion, k) => ({
      id: criterion.id,
      name: criterion.name,
      description: criterion.description,
      scale: criterion.scale,
      higherIsBetter: criterion.higherIsBetter,
      veto: criterion.veto ?? null,
      judgedWeight: criterion.weight,
      weight: weights[k]!,
      overridden: query.weights !== undefined && Object.hasOwn(query.weights, criterion.id),
      citations: criterion.citations,
    })),
    totalWeight,
    ranking: scored.map(({ option, total, contributions, missingCriterionIds, vetoedBy }, i) => ({
      id: option.id,
      name: option.name,
      description: option.description,
      actorIds: option.actorIds,
      rank: i + 1,
      total,
      contributions,
      missingCriterionIds,
      vetoedBy,
      citations: option.citations,
    })),
    topOptionId,
    vetoedOptionIds: scored.filter((entry) => entry.vetoedBy.length > 0).map((entry) => entry.option.id),
    allVetoed,
    complete: scored.every((entry) => entry.missingCriterionIds.length === 0),
    sensitivity: set.criteria.map((criterion, k) => {
      const lines: OptionLine[] = contenders.map((entry) => ({
        optionId: entry.option.id,
        others: entry.normalised.reduce((sum, value, j) => (j === k ? sum : sum + weights[j]! * value), 0),
        own: entry.normalised[k]!,
      }));
      const otherWeight = weights.reduce((sum, weight, j) => (j === k ? sum : sum + weight), 0);
      return criterionSensitivity(criterion.id, weights[k]!, otherWeight, lines, topOptionId);
    }),
  };
}

/** Each criterion's weight: the override if the caller gives one, else the theatre's judgement. */
function weightsUsed(set: OptionSet, overrides: unknown): number[] {
  if (overrides === undefined) return set.criteria.map((criterion) => criterion.weight.value);
  if (typeof overrides !== "object" || overrides === null || Array.isArray(overrides))
    throw new AnalysisError("weights", "must map criterion ids to weights from 0 to 1");
  const criteria = new Map(set.criteria.map((criterion) => [criterion.id, criterion]));
  for (const [id, weight] of Object.entries(overrides)) {
    lookup(criteria, id, `weights.${id}`, "criterion");
    if (typeof weight !== "number" || !(weight >= 0 && weight <= 1))
      throw new AnalysisError(`weights.${id}`, `must be a number from 0 to 1, not ${String(weight)}`);
  }
  const given = overrides as Record<string, number>;
  return set.criteria.map((criterion) =>
    Object.hasOwn(given, criterion.id) ? given[criterion.id]! : criterion.weight.value,
  );
}

/** Whether a score is no worse than the criterion's veto level. */
function passes(criterion: Criterion, score: number, veto: number): boolean {
  return criterion.higherIsBetter ? score >= veto : score <= veto;
}

function normalise(criterion: Criterion, value: number): number {
  const { min, max } = criterion.scale;
  const share = (value - min) / (max - min);
  return criterion.higherIsBetter ? share : 1 - share;
}
