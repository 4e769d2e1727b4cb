import { alignActors } from "../alignment/align-actors";
import type { CooperationObstacle, CooperationOpportunity } from "../cooperation-finder/cooperation-finding";
import { findCooperation } from "../cooperation-finder/find-cooperation";
import { watchScenarios } from "../scenario-watch";
import { AnalysisError } from "../analysis-error";
import { type TheatreIndex, lookup } from "../theatre-index";
import { type Brief, assembleBrief, scenarioIdsNaming } from "./brief";
import { BriefLines, JUDGEMENT_LEGEND } from "./brief-lines";
import { scenarioLines } from "./brief-sections";
import { Footnotes } from "./footnotes";
import { escapeMarkdown, section, table } from "./markdown";

const OPPORTUNITIES_SHOWN = 8;

/**
 * A brief on two actors: how far they align, their ties, where they can cooperate and what stands in
 * the way, the leverage between them, and the scenarios that concern them.
 */
export function pairBrief(index: TheatreIndex, actorIds: readonly string[]): Brief {
  if (actorIds.length !== 2) throw new AnalysisError("actorIds", "a pair brief needs exactly two actors");
  const [first, second] = actorIds.map((id, i) => lookup(index.actors, id, `actorIds[${i}]`, "actor")) as [
    NonNullable<ReturnType<typeof index.actors.get>>,
    NonNullable<ReturnType<typeof index.actors.get>>,
  ];
  if (first.id === second.id) throw new AnalysisError("actorIds[1]", "name two different actors");
  const lines = new BriefLines(index, new Footnotes());
  const ids = [first.id, second.id];
  const finding = findCooperation(index, { actorIds: ids });
  const pair = alignActors(index, { actorIds: ids, minimumIssues: 1 }).pairs[0];
  const ties = (index.relationshipsByActor.get(first.id) ?? []).filter((tie) =>
    [tie.from, tie.to, tie.otherPartyId].includes(second.id),
  );
  const scenarioIds = scenarioIdsNaming(index, ids);
  const scenarios = scenarioIds.length > 0 ? watchScenarios(index, { scenarioIds }).scenarios : [];

  const summary = [
    `- **${escapeMarkdown(first.name)}** (${first.kind.replace(/-/g, " ")}): ${escapeMarkdown(first.description)}${lines.notes.mark(first.citations)}`,
    `- **${escapeMarkdown(second.name)}** (${second.kind.replace(/-/g, " ")}): ${escapeMarkdown(second.description)}${lines.notes.mark(second.citations)}`,
    "",
    pair && pair.score !== null
      ? `Salience-weighted alignment ${pair.score.toFixed(2)} (0 = opposite ends of every scale, 1 = identical positions) over ${pair.issueCount} issue${pair.issueCount === 1 ? "" : "s"} both hold positions on.`
      : "They hold positions on no common issue, so their alignment cannot be measured.",
  ];
  const positions = (pair?.issues ?? []).map((agreement) => {
    const issue = index.issues.get(agreement.issueId);
    const [a, b] = agreement.sides;
    return [
      escapeMarkdown(issue?.name ?? agreement.issueId),
      `${lines.judgedMark(a.position)} (salience ${lines.judgedMark(a.salience)})`,
      `${lines.judgedMark(b.position)} (salience ${lines.judgedMark(b.salience)})`,
      agreement.agreement.toFixed(2),
    ];
  });

  const body = [
    ...section("Summary", summary),
    ...section(
      "Positions",
      positions.length > 0
        ? [
            ...table(
              ["Issue", escapeMarkdown(first.name), escapeMarkdown(second.name), "Agreement"],
              positions,
            ),
            "",
            JUDGEMENT_LEGEND,
          ]
        : [],
    ),
    ...section(
      "Ties",
      ties.map((tie) => lines.tie(tie)),
      "The theatre records no direct tie between them.",
    ),
    ...section(
      "Opportunities",
      finding.opportunities
        .slice(0, OPPORTUNITIES_SHOWN)
        .map((opportunity) => opportunityLine(lines, opportunity)),
      "The theatre shows no cooperation area or close position they share.",
    ),
    ...section("Obstacles", obstacleLines(lines, finding.opportunities.slice(0, OPPORTUNITIES_SHOWN))),
    ...section(
      "Leverage",
      finding.leverage.map(
        (lever) =>
          `- **${escapeMarkdown(lever.holder.name)}** over ${escapeMarkdown(lever.target.name)}: ${escapeMarkdown(lever.instrument)} (${lever.instrumentKind}, ${lever.status})${lines.notes.mark(lever.citations)}`,
      ),
      "Neither holds a recorded instrument over the other.",
    ),
    ...section(
      "Scenarios",
      scenarios.flatMap((watched) => scenarioLines(lines, watched, ids)),
    ),
  ];
  return assembleBrief(lines, "pair", ids, `${first.name} and ${second.name}`, body);
}

function opportunityLine(lines: BriefLines, opportunity: CooperationOpportunity): string {
  const what =
    opportunity.kind === "area"
      ? `${opportunity.status}; feasibility ${lines.judged(opportunity.feasibility, "/100")}`
      : `positions within ${Math.round((1 - opportunity.proximity) * 100)}% of the scale`;
  const reasons = opportunity.why.interests
    .map(
      (interest) =>
        `${escapeMarkdown(interest.actor.name)}: ${escapeMarkdown(interest.objective)}${lines.notes.mark(interest.citations)}`,
    )
    .join("; ");
  return (
    `- **${escapeMarkdown(opportunity.name)}** — score ${opportunity.score.toFixed(2)} (${opportunity.kind}; ${what})` +
    (reasons ? `. Why: ${reasons}` : "")
  );
}

/** The obstacles of the opportunities shown, each once. */
function obstacleLines(lines: BriefLines, opportunities: readonly CooperationOpportunity[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const opportunity of opportunities)
    for (const obstacle of opportunity.obstacles) {
      const key = `${obstacle.entity.type}:${obstacle.entity.id}:${obstacle.entity.index ?? ""}:${obstacle.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(`- *${escapeMarkdown(opportunity.name)}*: ${obstacleLine(lines, obstacle)}`);
    }
  return out;
}

function obstacleLine(lines: BriefLines, obstacle: CooperationObstacle): string {
  return `${escapeMarkdown(obstacle.text)} (${obstacle.kind.replace(/-/g, " ")})${lines.notes.mark(obstacle.citations)}`;
}
