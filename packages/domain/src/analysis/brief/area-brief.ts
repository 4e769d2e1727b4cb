import { watchScenarios } from "../scenario-watch";
import { type TheatreIndex, lookup } from "../theatre-index";
import { type Brief, assembleBrief, scenarioIdsNaming } from "./brief";
import { BriefLines } from "./brief-lines";
import { scenarioLines } from "./brief-sections";
import { Footnotes } from "./footnotes";
import { escapeMarkdown, section } from "./markdown";

/**
 * A brief on a cooperation area: what it is, who takes part, the shared interests behind it, what stands
 * in the way, the leverage that puts it at risk and the trade-offs it is caught in.
 */
export function areaBrief(index: TheatreIndex, areaId: string): Brief {
  const area = lookup(index.cooperationAreas, areaId, "areaId", "cooperation area");
  const lines = new BriefLines(index, new Footnotes());
  const { notes } = lines;
  const participantIds = area.participants.map((participant) => participant.actorId);
  const atRisk = index.document.leverage.filter((lever) => lever.risksCooperationAreaIds.includes(area.id));
  const scenarioIds = scenarioIdsNaming(index, participantIds);
  const scenarios = scenarioIds.length > 0 ? watchScenarios(index, { scenarioIds }).scenarios : [];

  const summary = [
    `*${area.field.replace(/-/g, " ")} · ${area.status} · feasibility ${lines.judged(area.feasibility, "/100")}*`,
    "",
    `${escapeMarkdown(area.description)}${notes.mark(area.citations)}`,
    "",
    `Assessment: ${escapeMarkdown(area.assessment.text)}${notes.mark(area.assessment.citations)}`,
  ];
  if (area.feasibility.basis === "judgement")
    summary.push("", `Feasibility rationale: ${escapeMarkdown(area.feasibility.rationale)}`);

  const body = [
    ...section("Summary", summary),
    ...section(
      "Participants",
      area.participants.map(
        (participant) =>
          `- **${lines.name(participant.actorId)}** — ${participant.role}${participant.note ? `: ${escapeMarkdown(participant.note)}` : ""}`,
      ),
    ),
    ...section(
      "Shared interests",
      area.sharedInterests.flatMap((shared) => [
        `- ${escapeMarkdown(shared.text)}${notes.mark(shared.citations)}`,
        ...shared.interestIds.flatMap((id) => {
          const interest = index.interests.get(id);
          return interest ? [`  ${lines.interest(interest, true)}`] : [];
        }),
      ]),
    ),
    ...section(
      "Obstacles",
      area.obstacles.map(
        (obstacle) =>
          `- ${escapeMarkdown(obstacle.text)} (${obstacle.kind.replace(/-/g, " ")}${obstacle.actorIds.length > 0 ? `; ${lines.names(obstacle.actorIds)}` : ""})${notes.mark(obstacle.citations)}`,
      ),
      "The sources name no obstacle.",
    ),
    ...section(
      "Enablers",
      area.enablers.map((enabler) => `- ${escapeMarkdown(enabler.text)}${notes.mark(enabler.citations)}`),
    ),
    ...section(
      "Leverage that puts it at risk",
      atRisk.map(
        (lever) =>
          `- **${lines.name(lever.holderId)}** over ${lines.name(lever.targetId)}: ${escapeMarkdown(lever.instrument)} (${lever.instrumentKind}, ${lever.status})${notes.mark(lever.citations)}. Cost: ${escapeMarkdown(lever.cost)}`,
      ),
    ),
    ...section(
      "Trade-offs",
      (index.tradeOffsByArea.get(area.id) ?? []).map((tradeOff) => {
        const [first, second] = tradeOff.imperatives;
        return `- **${escapeMarkdown(tradeOff.name)}**: ${escapeMarkdown(first?.text ?? "")}${notes.mark(first?.citations)} *versus* ${escapeMarkdown(second?.text ?? "")}${notes.mark(second?.citations)}`;
      }),
    ),
    ...section(
      "Scenarios",
      scenarios.flatMap((watched) => scenarioLines(lines, watched, participantIds)),
    ),
  ];
  return assembleBrief(lines, "area", [area.id], area.name, body);
}
