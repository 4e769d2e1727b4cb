import {
  type IndicatorDriver,
  type IndicatorStatus,
  type ScenarioStanding,
  type ScenarioWatch,
  type WatchedScenario,
  watchScenarios,
} from "@parley/domain";
import { type AnalysisCommand, type OptionValues, list, pairs } from "./analysis-command";
import { excerpt } from "./excerpt";

const TOP_DRIVERS = 4;
const EXCERPT = 90;

export const scenariosAnalysis: AnalysisCommand = {
  usage: `scenarios [--scenarios ID,...] [--set INDICATOR=STATUS,...]
  Each scenario's standing (-1 receding to +1 under way) rolled up from its indicators' statuses and
  weights, with coverage, the assessed likelihood and the top drivers, ranked by standing. --set overrides
  indicator statuses (not-observed, emerging, observed, receding, unknown) for a what-if.`,
  options: {
    scenarios: { type: "string" },
    set: { type: "string" },
  },
  run(index, values) {
    const scenarioIds = list(values, "scenarios");
    const overrides = parseOverrides(values);
    const result = watchScenarios(index, {
      ...(scenarioIds ? { scenarioIds } : {}),
      ...(overrides ? { overrides } : {}),
    });
    return { result, text: renderScenarioWatch(result) };
  },
};

function parseOverrides(values: OptionValues): Record<string, IndicatorStatus> | undefined {
  const form = "INDICATOR=STATUS pairs (e.g. ttp-external-operations=observed)";
  return pairs(values, "set", form, "indicator") as Record<string, IndicatorStatus> | undefined;
}

function renderScenarioWatch(watch: ScenarioWatch): string {
  const signals = Object.entries(watch.signals)
    .map(([status, signal]) => `${status} ${signal > 0 ? "+" : ""}${signal}`)
    .join(", ");
  const readings = watch.readings
    .map((entry, i) =>
      i === watch.readings.length - 1 ? `${entry.reading} below` : `${entry.reading} ≥ ${signed(entry.from)}`,
    )
    .join(", ");
  const overrides = Object.entries(watch.overrides);
  const lines = [
    `Scenario watch: ${watch.scenarios.length} scenario${watch.scenarios.length === 1 ? "" : "s"}, ranked by ` +
      (overrides.length > 0 ? "what-if standing" : "standing") +
      " (-1 receding to +1 under way)",
    `  signals: ${signals}; unknown left out (it lowers coverage)`,
    `  readings: ${readings}`,
    ...(overrides.length > 0
      ? [`  what-if: ${overrides.map(([id, status]) => `${id}=${status}`).join(", ")}`]
      : []),
  ];
  for (const entry of watch.scenarios) lines.push("", ...renderScenario(entry));
  return lines.join("\n");
}

function renderScenario(entry: WatchedScenario): string[] {
  const { baseline, whatIf } = entry;
  const shown = whatIf ?? baseline;
  const standing = whatIf
    ? `${describe(baseline)} → ${describe(whatIf)} (${signed(whatIf.delta)})`
    : describe(baseline);
  const lines = [
    `${entry.rank}. ${entry.name} (${entry.scenarioId})`,
    `   standing ${standing} · coverage ${Math.round(shown.coverage * 100)}% · ` +
      `likelihood ${entry.likelihood.value}/100 (${entry.likelihood.basis})`,
  ];
  if (entry.likelihoodStated) lines.push(`   sources: ${excerpt(entry.likelihoodStated.text, 220)}`);
  if (whatIf)
    lines.push(
      whatIf.changes.length === 0
        ? "   what changed: nothing (the overrides repeat the recorded statuses or miss this scenario)"
        : "   what changed:",
      ...whatIf.changes.map(
        (change) =>
          `     ${change.indicatorId}: ${change.from} → ${change.to} ` +
          `(contribution ${signed(change.contributionBefore)} → ${signed(change.contributionAfter)})`,
      ),
    );
  const top = shown.drivers.filter((driver) => driver.contribution !== 0).slice(0, TOP_DRIVERS);
  lines.push(`   top drivers${whatIf ? " (* what-if status)" : ""}:`, ...top.map(renderDriver));
  if (top.length === 0) lines.push("     (no indicator moves the standing)");
  const rest = shown.drivers.length - top.length;
  if (rest > 0) lines.push(`     … and ${rest} more indicator${rest === 1 ? "" : "s"} (see --json)`);
  return lines;
}

function renderDriver(driver: IndicatorDriver): string {
  const status = driver.overridden ? `${driver.statusUsed}*` : driver.statusUsed;
  return (
    `     ${signed(driver.contribution).padStart(5)}  ${status.padEnd(13)} w ${String(driver.weight.value).padEnd(4)} ` +
    `${driver.direction.padEnd(6)}  ${excerpt(driver.text, EXCERPT)}`
  );
}

function describe(standing: ScenarioStanding): string {
  return `${signed(standing.standing)} ${standing.reading}`;
}

function signed(value: number): string {
  const rounded = value.toFixed(2);
  if (Number(rounded) === 0) return "0.00";
  return Number(rounded) > 0 ? `+${rounded}` : rounded;
}
