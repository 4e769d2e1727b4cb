import {
  AnalysisError,
  type FailedVeto,
  type Judged,
  type OptionScoring,
  type ScoredCriterion,
  scoreOptions,
} from "@parley/domain";
import { UsageError } from "../io";
import { type AnalysisCommand, type OptionValues, pairs, required } from "./analysis-command";

export const optionsAnalysis: AnalysisCommand = {
  usage: `options --set OPTION-SET [--weights CRITERION=WEIGHT,...]
  Ranks an option set's options by Σ weight × score / Σ weights (scores normalised to 0-1 on each
  criterion's scale, inverted where lower is better), with each criterion's contribution; an option scoring
  worse than a criterion's veto ranks after every option that passes. Then, for each criterion, the weights
  (0-1, the others fixed) over which the top option stays on top and who takes over, and every weight where
  two options swap places, among the options that pass. --weights overrides the theatre's judged weights.`,
  options: {
    set: { type: "string" },
    weights: { type: "string" },
  },
  run(index, values) {
    const optionSetId = required(values, "set");
    if (!index.optionSets.has(optionSetId)) {
      const ids = [...index.optionSets.keys()];
      throw new AnalysisError(
        "--set",
        `unknown option set "${optionSetId}"; option sets: ${ids.join(", ")}`,
        ids,
      );
    }
    const weights = parseWeights(values);
    const result = scoreOptions(index, { optionSetId, ...(weights ? { weights } : {}) });
    return { result, text: renderOptionScoring(result) };
  },
};

function parseWeights(values: OptionValues): Record<string, number> | undefined {
  const form = "CRITERION=WEIGHT pairs (e.g. proximity=0.5)";
  const given = pairs(values, "weights", form, "criterion");
  if (!given) return undefined;
  const weights: Record<string, number> = {};
  for (const [id, text] of Object.entries(given)) {
    const weight = Number(text);
    if (!Number.isFinite(weight)) throw new UsageError(`--weights takes ${form}, not "${id}=${text}"`);
    weights[id] = weight;
  }
  return weights;
}

function renderOptionScoring(scoring: OptionScoring): string {
  const { optionSet, criteria, ranking, sensitivity } = scoring;
  const code = new Map(criteria.map((criterion, k) => [criterion.id, `C${k + 1}`]));
  const criterionById = new Map(criteria.map((criterion) => [criterion.id, criterion]));
  const optionNames = new Map(ranking.map((option) => [option.id, option.name]));
  const nameWidth = Math.max(...ranking.map((option) => option.name.length), "option".length);
  const lines = [
    `${optionSet.name} (${optionSet.id})`,
    optionSet.question,
    "",
    "Criteria (weight 0-1; scores normalised to 0 worst … 1 best on each scale):",
    ...criteria.map(
      (criterion) =>
        `  ${code.get(criterion.id)}  ${criterion.weight.toFixed(2)}${criterion.overridden ? "*" : " "}  ` +
        `${criterion.name}${criterion.higherIsBetter ? "" : " (lower is better)"}`,
    ),
  ];
  if (criteria.some((criterion) => criterion.overridden)) lines.push("  * your weight, not the theatre's");
  const vetoes = criteria.flatMap((criterion) =>
    criterion.veto ? [{ criterion, veto: criterion.veto }] : [],
  );
  if (vetoes.length > 0)
    lines.push(
      "",
      "Vetoes (an option scoring worse is ranked after every option that passes, whatever its total):",
      ...vetoes.map(
        ({ criterion, veto }) =>
          `  ${code.get(criterion.id)}  ${criterion.higherIsBetter ? "below" : "above"} ${veto.value}: ` +
          reasonFor(veto),
      ),
    );

  lines.push(
    "",
    `Ranking: total = Σ weight × score / Σ weights, then each criterion's contribution to it` +
      (vetoes.length > 0 ? "; vetoed options last" : ""),
    `  #  total  ${"option".padEnd(nameWidth)}  ${criteria.map((criterion) => code.get(criterion.id)!.padStart(5)).join(" ")}`,
    ...ranking.flatMap((option) => [
      `${String(option.rank).padStart(3)}  ${option.total.toFixed(3)}  ${option.name.padEnd(nameWidth)}  ` +
        option.contributions
          .map((part) => (part.score === null ? "    –" : part.contribution.toFixed(3).padStart(5)))
          .join(" "),
      ...option.vetoedBy.map(
        (failed) => `            vetoed: ${describeFailure(criterionById.get(failed.criterionId)!, failed)}`,
      ),
    ]),
  );
  if (!scoring.complete)
    lines.push("  – no score: counted as 0 (the worst end of the scale), so this ranking is incomplete");
  if (scoring.allVetoed)
    lines.push(
      "  every option fails a veto: ranked by total alone, and the sensitivity is among all of them",
    );

  const top = optionNames.get(scoring.topOptionId);
  const among =
    scoring.vetoedOptionIds.length > 0 && !scoring.allVetoed ? ", among the options that pass" : "";
  lines.push(
    "",
    `Sensitivity: one criterion's weight varied over 0-1, the others fixed${among}; ${top} on top while …`,
  );
  const belowWidth = Math.max(
    "takes over below".length,
    ...sensitivity.map((entry) => (entry.takesOverBelow ? optionNames.get(entry.takesOverBelow)!.length : 1)),
  );
  lines.push(`  criterion  weight  top holds    ${"takes over below".padEnd(belowWidth)}  takes over above`);
  for (const entry of sensitivity)
    lines.push(
      `  ${code.get(entry.criterionId)!.padEnd(9)}  ${entry.weight.toFixed(2).padStart(6)}  ` +
        `${`${entry.holds.from.toFixed(3)}–${entry.holds.to.toFixed(3)}`.padEnd(11)}  ` +
        `${(entry.takesOverBelow ? optionNames.get(entry.takesOverBelow)! : "–").padEnd(belowWidth)}  ` +
        (entry.takesOverAbove ? optionNames.get(entry.takesOverAbove)! : "–"),
    );

  const flips = sensitivity.flatMap((entry) =>
    entry.flips.map((flip) => ({ ...flip, criterionId: entry.criterionId })),
  );
  lines.push(
    "",
    `Flip points (where two options swap places as a weight rises)${flips.length === 0 ? ": none" : ":"}`,
  );
  for (const flip of flips)
    lines.push(
      `  ${code.get(flip.criterionId)} at ${flip.weight.toFixed(3)}: ${optionNames.get(flip.aheadAbove)} passes ` +
        `${optionNames.get(flip.aheadBelow)}${flip.changesTop ? "  (takes the lead)" : ""}`,
    );
  return lines.join("\n");
}

/** "Political reliability 2 below 3", or "… no score (veto 3)" when the option has none. */
function describeFailure(criterion: ScoredCriterion, failed: FailedVeto): string {
  if (failed.score === null) return `${criterion.name} no score (veto ${failed.veto.value})`;
  return `${criterion.name} ${failed.score} ${criterion.higherIsBetter ? "below" : "above"} ${failed.veto.value}`;
}

function reasonFor(value: Judged<number>): string {
  if (value.basis === "judgement") return value.rationale;
  return value.citations.map((citation) => `"${citation.quote}" (${citation.sourceId})`).join("; ");
}
