import {
  type ActorPairAlignment,
  type Alignment,
  DEFAULT_BLOC_THRESHOLD,
  DEFAULT_MINIMUM_ISSUES,
  MAX_ALIGNED_ACTORS,
  alignActors,
  resolveActors,
} from "@parley/domain";
import { type AnalysisCommand, integer, list, number } from "./analysis-command";

/** How many of the most and of the least aligned pairs the text shows. */
const SHOWN_PAIRS = 10;

export const alignmentAnalysis: AnalysisCommand = {
  usage: `alignment [--actors NAME,...] [--issues ID,...] [--threshold 0.75] [--min-issues 2]
  How closely each pair of actors agrees (0 opposed to 1 aligned) over the issues both hold positions on,
  each issue weighted by √(salience × salience), with how many issues each score rests on; then the blocs
  (average-linkage clusters of pairs sharing at least --min-issues issues, merged while their average
  alignment is at least --threshold). Without --actors: every actor with a position (at most
  ${MAX_ALIGNED_ACTORS}).`,
  options: {
    actors: { type: "string" },
    issues: { type: "string" },
    threshold: { type: "string" },
    "min-issues": { type: "string" },
  },
  run(index, values) {
    const names = list(values, "actors");
    const issueIds = list(values, "issues");
    const blocThreshold = number(values, "threshold", 0, 1);
    const minimumIssues = integer(values, "min-issues", 1, Number.MAX_SAFE_INTEGER);
    const result = alignActors(index, {
      ...(names ? { actorIds: resolveActors(index, names, "--actors", 2).map((actor) => actor.id) } : {}),
      ...(issueIds ? { issueIds } : {}),
      ...(blocThreshold !== undefined ? { blocThreshold } : {}),
      ...(minimumIssues !== undefined ? { minimumIssues } : {}),
    });
    return { result, text: renderAlignment(result) };
  },
};

function renderAlignment(alignment: Alignment): string {
  const names = new Map(alignment.actors.map((actor) => [actor.id, actor.name]));
  const issueNames = new Map(alignment.issues.map((issue) => [issue.id, issue.name]));
  const { minimumIssues } = alignment;
  const scored = alignment.pairs.filter((pair) => pair.score !== null);
  const ranked = scored
    .filter((pair) => pair.issueCount >= minimumIssues)
    .sort((x, y) => y.score! - x.score! || y.issueCount - x.issueCount);
  const issues = (count: number) => `${count} issue${count === 1 ? "" : "s"}`;
  const lines = [
    `Alignment of ${alignment.actors.length} actors on ${issues(alignment.issues.length)}: ` +
      `${alignment.pairs.length} pairs, ${scored.length} sharing at least one issue ` +
      `(the others have no score), ${ranked.length} sharing at least ${issues(minimumIssues)}`,
    "score = Σ √(salience×salience) × agreement / Σ √(salience×salience): 0 opposed … 1 aligned",
  ];
  const pairLine = (pair: ActorPairAlignment) => {
    const [a, b] = pair.actorIds;
    const detail = pair.issues
      .map((issue) => `${issueNames.get(issue.issueId)} ${issue.agreement.toFixed(2)}`)
      .join(", ");
    return (
      `  ${pair.score!.toFixed(2)}  ${issues(pair.issueCount).padEnd(9)}  ${names.get(a)} ~ ${names.get(b)}` +
      (pair.issueCount <= 3 ? `  (${detail})` : "")
    );
  };
  const sharing = `sharing at least ${issues(minimumIssues)}`;
  if (ranked.length <= 2 * SHOWN_PAIRS)
    lines.push("", `Pairs ${sharing}, most aligned first:`, ...ranked.map(pairLine));
  else
    lines.push(
      "",
      `Most aligned pairs ${sharing}:`,
      ...ranked.slice(0, SHOWN_PAIRS).map(pairLine),
      "",
      `Least aligned pairs ${sharing}:`,
      ...ranked.slice(-SHOWN_PAIRS).map(pairLine),
    );
  if (ranked.length < scored.length)
    lines.push(
      `  (${scored.length - ranked.length} more pairs share fewer issues: --min-issues 1 or --json)`,
    );

  const defaults =
    alignment.blocThreshold === DEFAULT_BLOC_THRESHOLD && minimumIssues === DEFAULT_MINIMUM_ISSUES
      ? ", the defaults"
      : "";
  lines.push(
    "",
    `Blocs (average alignment ≥ ${alignment.blocThreshold}, pairs ${sharing}${defaults}): ` +
      (alignment.blocs.length === 0 ? "none" : String(alignment.blocs.length)),
  );
  alignment.blocs.forEach((bloc, i) => {
    lines.push(
      `${i + 1}. cohesion ${bloc.cohesion.toFixed(2)} over ${bloc.pairCount} pair${bloc.pairCount === 1 ? "" : "s"}: ` +
        bloc.actorIds.map((id) => names.get(id)).join(", "),
      "   rests on:",
      ...bloc.issues.map(
        (issue) =>
          `     ${issue.agreement.toFixed(2)}  ${issueNames.get(issue.issueId)} ` +
          `(${issue.actorIds.map((id) => names.get(id)).join(", ")})`,
      ),
    );
  });
  return lines.join("\n");
}
