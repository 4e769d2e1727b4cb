import {
  type LeverageMap,
  type LeverageUse,
  type LeveragePartySummary,
  mapLeverage,
  resolveActor,
} from "@parley/domain";
import { plural } from "../print-problems";
import { type AnalysisCommand, required } from "./analysis-command";
import { excerpt } from "./excerpt";

const EXCERPT = 110;

export const leverageAnalysis: AnalysisCommand = {
  usage: `leverage --target ACTOR [--include-parts]
  Who holds which instruments over ACTOR (aim, cost, status, strength), which ACTOR holds over others, the
  cooperation areas each puts at risk (stated, or inferred from shared participation) and the trade-offs
  involved. --include-parts adds instruments aimed at or held by ACTOR's factions and branches.`,
  options: {
    target: { type: "string" },
    "include-parts": { type: "boolean" },
  },
  run(index, values) {
    const target = resolveActor(index, required(values, "target"), "--target");
    const result = mapLeverage(index, {
      targetId: target.id,
      includeParts: values["include-parts"] === true,
    });
    return { result, text: renderLeverageMap(result) };
  },
};

function renderLeverageMap(map: LeverageMap): string {
  const name = map.target.name;
  const lines = [
    `Leverage map: ${name} (${map.target.id})` +
      (map.includeParts ? `, with ${plural(map.parts.length, "part")}` : ""),
    `  ${plural(map.over.length, "instrument")} held over ${name} by ${plural(map.holders.length, "actor")}; ` +
      `${name} holds ${plural(map.heldByTarget.length, "instrument")} over ${plural(map.pressed.length, "actor")}`,
    "",
    `Who holds leverage over ${name}`,
    ...orNone(map.over, [
      ...renderSummaries(map.holders, "holder"),
      "",
      `Instruments over ${name}`,
      ...renderUses(map.over, (use) => use.holder.name),
    ]),
    "",
    `${name}'s own leverage`,
    ...orNone(map.heldByTarget, [
      ...renderSummaries(map.pressed, "over"),
      ...renderUses(map.heldByTarget, (use) => `over ${use.target.name}`),
    ]),
    "",
    "Trade-offs in play (stated: the theatre links the instrument or a stated area; inferred: a shared area)",
    ...orNone(
      map.tradeOffs,
      map.tradeOffs.flatMap((tradeOff) => {
        const stated = tradeOff.involves
          .filter((entry) => entry.basis === "stated")
          .map((entry) => entry.leverageId);
        const inferred = tradeOff.involves.length - stated.length;
        return [
          `  ${tradeOff.name} (${tradeOff.tradeOffId})`,
          ...tradeOff.imperatives.map(
            (imperative, i) => `    ${i === 0 ? "  " : "vs"} ${excerpt(imperative.text, EXCERPT)}`,
          ),
          `       stated for: ${stated.length > 0 ? stated.join(", ") : "-"}` +
            (inferred > 0 ? `; inferred for ${plural(inferred, "more instrument")}` : ""),
        ];
      }),
    ),
  ];
  return lines.join("\n");
}

function orNone(entries: unknown[], lines: string[]): string[] {
  return entries.length === 0 ? ["  (none in the theatre)"] : lines;
}

function renderSummaries(summaries: LeveragePartySummary[], heading: string): string[] {
  if (summaries.length === 0) return [];
  const width = Math.max(heading.length, ...summaries.map((summary) => summary.actor.name.length));
  return [
    `  ${heading.padEnd(width)}  instruments  in use  strongest  kinds`,
    ...summaries.map(
      (summary) =>
        `  ${summary.actor.name.padEnd(width)}  ${String(summary.instruments).padStart(11)}  ` +
        `${String(summary.inUse).padStart(6)}  ${(summary.strongest ? String(summary.strongest.value) : "-").padStart(9)}  ` +
        summary.kinds.join(", "),
    ),
  ];
}

function renderUses(uses: LeverageUse[], party: (use: LeverageUse) => string): string[] {
  const lines: string[] = [];
  let current: string | undefined;
  for (const use of uses) {
    if (party(use) !== current) lines.push(`  ${(current = party(use))}`);
    const strength = use.strength ? String(use.strength.value).padStart(3) : "  -";
    const part = use.part ? ` [via ${use.part.name}]` : "";
    const stated = use.areasAtRisk.filter((area) => area.basis === "stated").map((area) => area.name);
    const inferred = use.areasAtRisk.length - stated.length;
    const tradeOffs = use.tradeOffs
      .filter((stake) => stake.basis === "stated")
      .map((stake) => stake.tradeOffId);
    lines.push(
      `    ${use.status.padEnd(10)} ${strength}  ${use.instrument} (${use.instrumentKind}, ${use.leverageId})${part}`,
      `                    aim:  ${excerpt(use.aim, EXCERPT)}`,
      `                    cost: ${excerpt(use.cost, EXCERPT)}`,
      `                    puts at risk: ${stated.length > 0 ? stated.join("; ") : "nothing stated"}` +
        (inferred > 0 ? ` (+${inferred} shared ${inferred === 1 ? "area" : "areas"} inferred)` : ""),
    );
    if (tradeOffs.length > 0) lines.push(`                    trade-offs: ${tradeOffs.join(", ")}`);
  }
  return lines;
}
