import type { Citation, Statement } from "../model/citation";
import type { Judged } from "../model/judgement";
import { IndicatorStatus, type Indicator, type Scenario } from "../model/scenario";
import { closestMatch } from "../validation/suggest";
import { AnalysisError } from "./analysis-error";
import { type TheatreIndex, lookup } from "./theatre-index";

export interface ScenarioWatchQuery {
  /** The scenarios to watch; all of the theatre's when absent. */
  scenarioIds?: string[];
  /** What-if statuses by indicator id; each applies to every watched indicator with that id. */
  overrides?: Record<string, IndicatorStatus>;
}

type KnownStatus = Exclude<IndicatorStatus, "unknown">;

/** How strongly each status signals an indicator, -1 to 1; "unknown" indicators are left out of the roll-up. */
export const INDICATOR_SIGNALS: Readonly<Record<KnownStatus, number>> = {
  observed: 1,
  emerging: 0.5,
  "not-observed": 0,
  receding: -0.5,
};

export type ScenarioReading = "gaining ground" | "some signs" | "quiet" | "receding" | "no evidence";

/**
 * A standing reads as the first reading whose `from` it reaches; "no evidence" when no indicator with
 * weight has a known status.
 */
export const SCENARIO_READINGS: readonly { reading: ScenarioReading; from: number }[] = [
  { reading: "gaining ground", from: 0.5 },
  { reading: "some signs", from: 0.1 },
  { reading: "quiet", from: -0.1 },
  { reading: "receding", from: -1 },
];

/** One indicator's part in a standing. */
export interface IndicatorDriver {
  indicatorId: string;
  text: string;
  direction: Indicator["direction"];
  /** 0 to 1, as the theatre judges it. */
  weight: Judged<number>;
  /** The status the theatre records, with its basis. */
  status: Judged<IndicatorStatus>;
  /** The status this standing used: the recorded one, or the analyst's what-if override. */
  statusUsed: IndicatorStatus;
  overridden: boolean;
  /** `INDICATOR_SIGNALS[statusUsed]`, or null when the status is unknown. */
  signal: number | null;
  /** weight × signal × (+1 if it raises the scenario, -1 if it lowers it); 0 when unknown. */
  contribution: number;
  evidence: Indicator["evidence"];
  citations: Citation[];
}

export interface ScenarioStanding {
  /** Σ contributions / Σ weights of indicators with a known status: -1 (receding) to 1 (under way). */
  standing: number;
  reading: ScenarioReading;
  /** Known weight / total weight, 0 to 1: how much of the watch list has a known status. */
  coverage: number;
  knownWeight: number;
  unknownWeight: number;
  /** Every indicator, largest |contribution| first; unknown ones last. */
  drivers: IndicatorDriver[];
}

export interface IndicatorChange {
  indicatorId: string;
  text: string;
  from: IndicatorStatus;
  to: IndicatorStatus;
  contributionBefore: number;
  contributionAfter: number;
}

export interface ScenarioWhatIf extends ScenarioStanding {
  /** What-if standing minus baseline standing, -2 to 2. */
  delta: number;
  changes: IndicatorChange[];
}

export interface WatchedScenario {
  /** 1 = highest standing (the what-if standing when overrides are given). */
  rank: number;
  scenarioId: string;
  name: string;
  description: string;
  /** Assessed likelihood, 0 to 100, for comparison with the standing. */
  likelihood: Judged<number>;
  likelihoodStated?: Statement;
  baseline: ScenarioStanding;
  /** Present when the query has overrides. */
  whatIf?: ScenarioWhatIf;
  citations: Citation[];
}

export interface ScenarioWatch {
  signals: Readonly<Record<KnownStatus, number>>;
  readings: readonly { reading: ScenarioReading; from: number }[];
  /** The overrides applied, sorted by indicator id. */
  overrides: Record<string, IndicatorStatus>;
  /** Ranked by standing, then likelihood, then id. */
  scenarios: WatchedScenario[];
}

/** Each scenario's standing rolled up from its indicators, the indicators that drive it, and a what-if. */
export function watchScenarios(index: TheatreIndex, query: ScenarioWatchQuery): ScenarioWatch {
  const scenarios = selectScenarios(index, query.scenarioIds);
  const overrides = checkOverrides(scenarios, query.overrides);
  const withOverrides = query.overrides !== undefined;

  const watched = scenarios.map((scenario): WatchedScenario => {
    const baseline = standingOf(scenario, new Map());
    const result: WatchedScenario = {
      rank: 0,
      scenarioId: scenario.id,
      name: scenario.name,
      description: scenario.description,
      likelihood: scenario.likelihood,
      ...(scenario.likelihoodStated ? { likelihoodStated: scenario.likelihoodStated } : {}),
      baseline,
      citations: scenario.citations,
    };
    if (withOverrides) result.whatIf = whatIf(scenario, baseline, overrides);
    return result;
  });

  const shown = (entry: WatchedScenario) => (entry.whatIf ?? entry.baseline).standing;
  watched.sort(
    (a, b) =>
      shown(b) - shown(a) ||
      b.likelihood.value - a.likelihood.value ||
      (a.scenarioId < b.scenarioId ? -1 : a.scenarioId > b.scenarioId ? 1 : 0),
  );
  watched.forEach((entry, i) => (entry.rank = i + 1));
  return {
    signals: INDICATOR_SIGNALS,
    readings: SCENARIO_READINGS,
    overrides: Object.fromEntries(overrides),
    scenarios: watched,
  };
}

function readStanding(standing: number, knownWeight: number): ScenarioReading {
  if (knownWeight === 0) return "no evidence";
  return SCENARIO_READINGS.find((entry) => standing >= entry.from)?.reading ?? "receding";
}

function selectScenarios(index: TheatreIndex, ids: string[] | undefined): Scenario[] {
  if (ids === undefined) return index.document.scenarios;
  if (ids.length === 0)
    throw new AnalysisError("scenarioIds", "name at least one scenario, or omit the list");
  const seen = new Set<string>();
  return ids.map((id, i) => {
    const scenario = lookup(index.scenarios, id, `scenarioIds[${i}]`, "scenario");
    if (seen.has(id)) throw new AnalysisError(`scenarioIds[${i}]`, `scenario "${id}" is named twice`);
    seen.add(id);
    return scenario;
  });
}

function checkOverrides(
  scenarios: Scenario[],
  overrides: Record<string, IndicatorStatus> | undefined,
): Map<string, IndicatorStatus> {
  const checked = new Map<string, IndicatorStatus>();
  if (overrides === undefined) return checked;
  if (typeof overrides !== "object" || overrides === null || Array.isArray(overrides))
    throw new AnalysisError("overrides", "must map indicator ids to statuses");
  const known = new Set(
    scenarios.flatMap((scenario) => scenario.indicators.map((indicator) => indicator.id)),
  );
  for (const key of Object.keys(overrides).sort()) {
    if (!known.has(key)) {
      const guess = closestMatch(key, known);
      throw new AnalysisError(
        `overrides.${key}`,
        `no watched scenario has an indicator "${key}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
        guess ? [guess] : [],
      );
    }
    const status = IndicatorStatus.safeParse(overrides[key]);
    if (!status.success)
      throw new AnalysisError(
        `overrides.${key}`,
        `${describeValue(overrides[key])} is not an indicator status (${IndicatorStatus.options.join(", ")})`,
        IndicatorStatus.options,
      );
    checked.set(key, status.data);
  }
  return checked;
}

function standingOf(scenario: Scenario, overrides: ReadonlyMap<string, IndicatorStatus>): ScenarioStanding {
  let sum = 0;
  let knownWeight = 0;
  let unknownWeight = 0;
  const drivers = scenario.indicators.map((indicator): IndicatorDriver => {
    const statusUsed = overrides.get(indicator.id) ?? indicator.status.value;
    const weight = indicator.weight.value;
    const signal = statusUsed === "unknown" ? null : INDICATOR_SIGNALS[statusUsed];
    const contribution = signal === null ? 0 : weight * signal * (indicator.direction === "raises" ? 1 : -1);
    if (signal === null) unknownWeight += weight;
    else {
      knownWeight += weight;
      sum += contribution;
    }
    return {
      indicatorId: indicator.id,
      text: indicator.text,
      direction: indicator.direction,
      weight: indicator.weight,
      status: indicator.status,
      statusUsed,
      overridden: overrides.has(indicator.id),
      signal,
      contribution: contribution === 0 ? 0 : contribution,
      evidence: indicator.evidence,
      citations: indicator.citations,
    };
  });
  drivers.sort(
    (a, b) =>
      Number(a.signal === null) - Number(b.signal === null) ||
      Math.abs(b.contribution) - Math.abs(a.contribution) ||
      b.weight.value - a.weight.value ||
      (a.indicatorId < b.indicatorId ? -1 : a.indicatorId > b.indicatorId ? 1 : 0),
  );
  const standing = knownWeight > 0 ? Math.max(-1, Math.min(1, sum / knownWeight)) : 0;
  const totalWeight = knownWeight + unknownWeight;
  return {
    standing: standing === 0 ? 0 : standing,
    reading: readStanding(standing, knownWeight),
    coverage: totalWeight > 0 ? knownWeight / totalWeight : 0,
    knownWeight,
    unknownWeight,
    drivers,
  };
}

function whatIf(
  scenario: Scenario,
  baseline: ScenarioStanding,
  overrides: ReadonlyMap<string, IndicatorStatus>,
): ScenarioWhatIf {
  const standing = standingOf(scenario, overrides);
  const before = new Map(baseline.drivers.map((driver) => [driver.indicatorId, driver]));
  const after = new Map(standing.drivers.map((driver) => [driver.indicatorId, driver]));
  const changes: IndicatorChange[] = [];
  for (const indicator of scenario.indicators) {
    const was = before.get(indicator.id)!;
    const now = after.get(indicator.id)!;
    if (now.statusUsed === was.statusUsed) continue;
    changes.push({
      indicatorId: indicator.id,
      text: indicator.text,
      from: was.statusUsed,
      to: now.statusUsed,
      contributionBefore: was.contribution,
      contributionAfter: now.contribution,
    });
  }
  const delta = standing.standing - baseline.standing;
  return { ...standing, delta: delta === 0 ? 0 : delta, changes };
}

function describeValue(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : `a value of type ${typeof value}`;
}
