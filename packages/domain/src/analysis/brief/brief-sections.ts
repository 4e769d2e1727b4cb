import type { CooperationArea } from "../../model/cooperation-area";
import type { LeverageMap, LeverageUse } from "../leverage-map/leverage-map-types";
import type { WatchedScenario } from "../scenario-watch";
import type { BriefLines } from "./brief-lines";
import { escapeMarkdown } from "./markdown";

/** The sections actor, area and pair briefs share, each as a list of Markdown lines. */

export function areaLine(lines: BriefLines, area: CooperationArea, withActorId?: string): string {
  const role = withActorId
    ? area.participants.find((participant) => participant.actorId === withActorId)?.role
    : undefined;
  const others = area.participants
    .filter((participant) => participant.actorId !== withActorId)
    .map((participant) => lines.name(participant.actorId));
  return (
    `- **${escapeMarkdown(area.name)}** (${area.status}; feasibility ${lines.judged(area.feasibility, "/100")}` +
    `${role ? `; role: ${role}` : ""}) with ${others.join(", ")}: ` +
    `${escapeMarkdown(area.assessment.text)}${lines.notes.mark(area.assessment.citations)}`
  );
}

export function leverageLine(
  lines: BriefLines,
  use: LeverageUse,
  show: "holder" | "target" | "both",
): string {
  const who =
    show === "holder"
      ? use.holder.name
      : show === "target"
        ? use.target.name
        : `${use.holder.name} over ${use.target.name}`;
  const strength = use.strength ? `; strength ${lines.judged(use.strength, "/100")}` : "";
  const stated = use.areasAtRisk.filter((area) => area.basis === "stated");
  const atRisk =
    stated.length > 0 ? ` Puts at risk: ${stated.map((area) => escapeMarkdown(area.name)).join(", ")}.` : "";
  return (
    `- **${escapeMarkdown(who)}** — ${escapeMarkdown(use.instrument)} (${use.instrumentKind}, ${use.status}${strength})` +
    `${lines.notes.mark(use.citations)}. Aim: ${escapeMarkdown(use.aim)} Cost: ${escapeMarkdown(use.cost)}${atRisk}`
  );
}

export function leverageSection(lines: BriefLines, map: LeverageMap): string[] {
  const out: string[] = [];
  if (map.over.length > 0) {
    out.push(`### Held over ${escapeMarkdown(map.target.name)}`, "");
    for (const use of map.over) out.push(leverageLine(lines, use, "holder"));
    out.push("");
  }
  if (map.heldByTarget.length > 0) {
    out.push(`### Held by ${escapeMarkdown(map.target.name)}`, "");
    for (const use of map.heldByTarget) out.push(leverageLine(lines, use, "target"));
    out.push("");
  }
  const tradeOffs = map.tradeOffs.filter((tradeOff) =>
    tradeOff.involves.some((involvement) => involvement.basis === "stated"),
  );
  if (tradeOffs.length > 0) {
    out.push("### Trade-offs in play", "");
    for (const tradeOff of tradeOffs) {
      const [first, second] = tradeOff.imperatives;
      out.push(
        `- **${escapeMarkdown(tradeOff.name)}**${lines.notes.mark(tradeOff.citations)}: ` +
          `${escapeMarkdown(first?.text ?? "")}${lines.notes.mark(first?.citations)} *versus* ` +
          `${escapeMarkdown(second?.text ?? "")}${lines.notes.mark(second?.citations)}`,
      );
    }
    out.push("");
  }
  if (out.at(-1) === "") out.pop();
  return out;
}

/** A scenario's standing from its indicators, its assessed likelihood, and what it means for `actorIds`. */
export function scenarioLines(
  lines: BriefLines,
  watched: WatchedScenario,
  actorIds: readonly string[],
): string[] {
  const scenario = lines.index.scenarios.get(watched.scenarioId);
  const standing = watched.baseline;
  const out = [
    `- **${escapeMarkdown(watched.name)}** — indicators read *${standing.reading}* ` +
      `(standing ${signed(standing.standing)} on −1…1, ${Math.round(standing.coverage * 100)}% of indicator weight known); ` +
      `likelihood ${lines.judged(watched.likelihood, "/100")}` +
      (watched.likelihoodStated
        ? `; the sources: “${escapeMarkdown(watched.likelihoodStated.text)}”${lines.notes.mark(watched.likelihoodStated.citations)}`
        : ""),
  ];
  for (const consequence of scenario?.consequences ?? [])
    if (consequence.actorIds.some((id) => actorIds.includes(id)))
      out.push(
        `  - Consequence: ${escapeMarkdown(consequence.text)}${lines.notes.mark(consequence.citations)}`,
      );
  return out;
}

function signed(value: number): string {
  return `${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(2)}`;
}
