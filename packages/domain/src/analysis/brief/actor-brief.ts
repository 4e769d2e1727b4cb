import type { Actor } from "../../model/actor";
import { mapLeverage } from "../leverage-map/map-leverage";
import { watchScenarios } from "../scenario-watch";
import { type TheatreIndex, lookup } from "../theatre-index";
import { type Brief, assembleBrief, scenarioIdsNaming } from "./brief";
import { BriefLines } from "./brief-lines";
import { areaLine, leverageSection, scenarioLines } from "./brief-sections";
import { Footnotes } from "./footnotes";
import { escapeMarkdown, section } from "./markdown";

/** A brief on one actor: who it is, what it wants, its ties, where it cooperates, leverage, scenarios. */
export function actorBrief(index: TheatreIndex, actorId: string): Brief {
  const actor = lookup(index.actors, actorId, "actorId", "actor");
  const lines = new BriefLines(index, new Footnotes());
  const interests = [...(index.interestsByActor.get(actor.id) ?? [])].sort(
    (a, b) => b.salience.value - a.salience.value || a.id.localeCompare(b.id),
  );
  const ties = index.relationshipsByActor.get(actor.id) ?? [];
  const areas = [...(index.areasByActor.get(actor.id) ?? [])].sort(
    (a, b) => b.feasibility.value - a.feasibility.value || a.id.localeCompare(b.id),
  );
  const scenarioIds = scenarioIdsNaming(index, [actor.id]);
  const scenarios = scenarioIds.length > 0 ? watchScenarios(index, { scenarioIds }).scenarios : [];

  const body = [
    ...section("Summary", summary(lines, actor)),
    ...section(
      "Interests",
      interests.map((interest) => lines.interest(interest)),
      "The theatre records no interests of this actor.",
    ),
    ...section(
      "Ties",
      ties.map((tie) => lines.tie(tie)),
      "The theatre records no ties of this actor.",
    ),
    ...section(
      "Opportunities",
      areas.map((area) => areaLine(lines, area, actor.id)),
      "The actor takes part in no cooperation area of this theatre.",
    ),
    ...section("Obstacles", obstacles(lines, actor)),
    ...section("Leverage", leverageSection(lines, mapLeverage(index, { targetId: actor.id }))),
    ...section(
      "Scenarios",
      scenarios.flatMap((watched) => scenarioLines(lines, watched, [actor.id])),
    ),
  ];
  return assembleBrief(lines, "actor", [actor.id], actor.name, body);
}

function summary(lines: BriefLines, actor: Actor): string[] {
  const { index, notes } = lines;
  const facts = [`*${actor.kind.replace(/-/g, " ")}*`];
  if (actor.aliases.length > 0) facts.push(`also known as ${actor.aliases.map(escapeMarkdown).join(", ")}`);
  if (actor.parentId !== undefined)
    facts.push(`${actor.parentRelation ?? "part"} of ${lines.name(actor.parentId)}`);
  if (actor.founded) facts.push(`founded ${actor.founded}`);
  if (actor.dissolved) facts.push(`dissolved ${actor.dissolved}`);
  const out = [
    facts.join(" · "),
    "",
    `${escapeMarkdown(actor.description)}${notes.mark(actor.citations)}`,
    "",
  ];
  for (const capability of actor.capabilities) {
    const issue = capability.issueId
      ? ` on *${escapeMarkdown(index.issues.get(capability.issueId)?.name ?? capability.issueId)}*`
      : "";
    const note = capability.note ? ` — ${escapeMarkdown(capability.note)}` : "";
    out.push(`- Capability${issue}: ${lines.judged(capability.score, "/100")}${note}`);
  }
  const parts = index.childrenByActor.get(actor.id) ?? [];
  if (parts.length > 0)
    out.push(
      `- Parts: ${parts.map((part) => `${escapeMarkdown(part.name)} (${part.parentRelation ?? "part"})`).join(", ")}`,
    );
  if (out.at(-1) === "") out.pop();
  return out;
}

/** What the theatre's cooperation areas say stands in this actor's way, and its current hostile ties. */
function obstacles(lines: BriefLines, actor: Actor): string[] {
  const { index, notes } = lines;
  const own = new Set((index.interestsByActor.get(actor.id) ?? []).map((interest) => interest.id));
  const out: string[] = [];
  for (const area of index.areasByActor.get(actor.id) ?? [])
    for (const obstacle of area.obstacles)
      if (obstacle.actorIds.includes(actor.id) || obstacle.interestIds.some((id) => own.has(id)))
        out.push(
          `- *${escapeMarkdown(area.name)}* — ${escapeMarkdown(obstacle.text)} (${obstacle.kind.replace(/-/g, " ")})${notes.mark(obstacle.citations)}`,
        );
  return out;
}
