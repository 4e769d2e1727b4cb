import {
  type Citation,
  type CooperationFinding,
  type CooperationInterest,
  type CooperationObstacle,
  type CooperationOpportunity,
  findCooperation,
  type Judged,
  resolveActors,
} from "@parley/domain";
import { plural } from "../print-problems";
import { type AnalysisCommand, integer, list, required } from "./analysis-command";
import { excerpt } from "./excerpt";

const EXCERPT = 100;

export const cooperationAnalysis: AnalysisCommand = {
  usage: `cooperation --actors "A,B[,...]" [--issues ID,...] [--areas ID,...] [--limit N]
  Where two or more actors can cooperate, best first: the cooperation areas they share or could join and
  the issues on which their positions lie close, each with its score and breakdown, why (shared interests,
  saliences, positions) and what stands in the way (conflicting and core interests, hostile ties,
  leverage, the area's own obstacles), with a cited passage for each.`,
  options: {
    actors: { type: "string" },
    issues: { type: "string" },
    areas: { type: "string" },
    limit: { type: "string" },
  },
  run(index, values) {
    const names = list(values, "actors") ?? [required(values, "actors")];
    const actors = resolveActors(index, names, "--actors", 2);
    const issueIds = list(values, "issues");
    const areaIds = list(values, "areas");
    const limit = integer(values, "limit", 1, Number.MAX_SAFE_INTEGER);
    const result = findCooperation(index, {
      actorIds: actors.map((actor) => actor.id),
      ...(issueIds ? { issueIds } : {}),
      ...(areaIds ? { areaIds } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
    return { result, text: renderFinding(result) };
  },
};

function renderFinding(finding: CooperationFinding): string {
  const names = finding.actors.map((actor) => actor.name);
  const shown = finding.opportunities.length;
  const lines = [
    `Cooperation between ${names.slice(0, -1).join(", ")} and ${names.at(-1)} (${finding.theatreId}, as of ${finding.asOf})`,
    `  ${finding.total} ${finding.total === 1 ? "opportunity" : "opportunities"}` +
      (shown < finding.total ? `, the best ${shown} shown` : "") +
      "; score = base × (1 − penalty), in [0, 1]",
  ];
  for (const opportunity of finding.opportunities) lines.push("", ...renderOpportunity(opportunity));
  if (finding.opportunities.length === 0)
    lines.push("", "  (no shared area and no issue on which they stand close)");
  lines.push("", "Between them", ...renderBetween(finding));
  return lines.join("\n");
}

function renderOpportunity(opportunity: CooperationOpportunity): string[] {
  const { breakdown } = opportunity;
  const head =
    `${String(opportunity.rank).padStart(2)}. ${breakdown.score.toFixed(2)}  ${opportunity.kind.padEnd(5)}  ` +
    `${opportunity.name} (${opportunity.id})`;
  const combine = breakdown.combine === "sum" ? " + " : " × ";
  const parts = breakdown.components.map((component) =>
    breakdown.combine === "sum"
      ? `${component.name} ${fixed(component.value)}×${component.weight}`
      : `${component.name} ${fixed(component.value)}`,
  );
  const lines = [
    head,
    `    ${parts.join(combine)} = ${fixed(breakdown.base)}; penalty ${fixed(breakdown.penalty)} from ` +
      plural(opportunity.obstacles.length, "obstacle"),
  ];
  if (opportunity.kind === "area") {
    lines.push(
      `    ${opportunity.status}, feasibility ${opportunity.feasibility.value} ${basis(opportunity.feasibility)}; ` +
        opportunity.involvement
          .map(
            (entry) =>
              `${entry.actor.name} ${entry.involvement === "participant" ? `(${entry.role})` : `(${entry.involvement})`}`,
          )
          .join(", "),
    );
  }
  lines.push("    Why");
  if (opportunity.why.interests.length === 0) lines.push("      (none of their interests is cited)");
  for (const interest of opportunity.why.interests) lines.push(...renderInterest(interest, opportunity.kind));
  lines.push("    In the way");
  const particular = opportunity.obstacles.filter((obstacle) => !obstacle.general);
  const general = opportunity.obstacles.filter((obstacle) => obstacle.general);
  for (const obstacle of particular) lines.push(...renderObstacle(obstacle));
  if (general.length > 0)
    lines.push(
      `      • and what stands between them (see below): ` +
        general.map((obstacle) => `${obstacle.kind} −${fixed(obstacle.weight)}`).join(", "),
    );
  if (opportunity.obstacles.length === 0) lines.push("      (nothing recorded)");
  return lines;
}

function renderInterest(interest: CooperationInterest, kind: CooperationOpportunity["kind"]): string[] {
  const position = interest.position
    ? `, position ${interest.position.value.value} ${basis(interest.position.value)}`
    : "";
  return [
    `      • ${interest.actor.name}: ${interest.objective}`,
    `        salience ${interest.salience.value} ${basis(interest.salience)}${position}` +
      `${interest.core ? ", core" : ""}` +
      `${kind === "area" && interest.via === "position" ? ", close to the participants' positions" : ""}`,
    ...citationLine(interest.citations[0]),
  ];
}

function renderObstacle(obstacle: CooperationObstacle): string[] {
  const origin = obstacle.origin === "area" ? "stated by the area" : "derived";
  return [
    `      • ${obstacle.kind} (${origin}, −${fixed(obstacle.weight)}): ${obstacle.text}`,
    ...citationLine(obstacle.citations[0]),
  ];
}

function renderBetween(finding: CooperationFinding): string[] {
  const lines = [
    ...finding.hostileTies.flatMap((tie) => [
      `  • hostile tie: ${tie.from.name} ${tie.kind} ${tie.to.name}` +
        `${tie.start ? ` since ${tie.start}` : ""} (−${fixed(tie.weight)} on every opportunity they share)`,
      ...citationLine(tie.citations[0], "    "),
    ]),
    ...[...finding.leverage]
      .sort(
        (a, b) =>
          holderOrder(finding, a) - holderOrder(finding, b) ||
          (b.strength?.value ?? 0) - (a.strength?.value ?? 0),
      )
      .map(
        (instrument) =>
          `  • leverage: ${instrument.holder.name} over ${instrument.target.name}: ${excerpt(instrument.instrument, 80)}` +
          ` (${instrument.status}${instrument.strength ? `, strength ${instrument.strength.value}` : ""})`,
      ),
    ...finding.divergences.map(
      (divergence) =>
        `  • far apart on ${divergence.name}: ` +
        divergence.interests
          .map((interest) => `${interest.actor.name} ${interest.position?.value.value ?? "?"}`)
          .join(", ") +
        ` (${Math.round(divergence.spread * 100)}% of the scale)`,
    ),
  ];
  return lines.length > 0 ? lines : ["  (no hostile tie, leverage or divergence recorded)"];
}

function holderOrder(
  finding: CooperationFinding,
  instrument: CooperationFinding["leverage"][number],
): number {
  return finding.actors.findIndex((actor) => actor.id === instrument.holder.id);
}

function citationLine(citation: Citation | undefined, indent = "        "): string[] {
  return citation ? [`${indent}“${excerpt(citation.quote, EXCERPT)}” [${citation.sourceId}]`] : [];
}

function basis(value: Judged<number>): string {
  return value.basis === "judgement" ? "(judgement)" : "(sourced)";
}

function fixed(value: number): string {
  return value.toFixed(2);
}
