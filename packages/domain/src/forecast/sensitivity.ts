import { SeededRandom } from "../seeded-random";
import { checkScenario, type BargainingScenario } from "./bargaining-scenario";
import { requireInRange } from "./forecast-options";
import type { Forecast } from "./forecast-result";

export interface SensitivityOptions {
  /** Monte Carlo runs; default 100. */
  runs?: number;
  /** Seed of the perturbations; default 1. */
  seed?: number;
  /** Each capability is multiplied by a factor drawn uniformly from [1 − spread, 1 + spread]; default 0.2. */
  capabilitySpread?: number;
  /** Each salience moves by a uniform draw from [−spread, +spread] (on 0-1), kept within 0-1; default 0.1. */
  salienceSpread?: number;
  /** Which actors to take out one at a time: the `removals` weightiest (capability × mean salience); default 20. */
  removals?: number;
}

/** The spread of one dimension's outcome over the Monte Carlo runs. */
export interface OutcomeDistribution {
  dimension: string;
  baseline: number;
  mean: number;
  standardDeviation: number;
  min: number;
  p5: number;
  p25: number;
  median: number;
  p75: number;
  p95: number;
  max: number;
}

/** How the outcome moves when one actor leaves the table. */
export interface ActorRemoval {
  actorId: string;
  outcome: number[];
  /** Outcome without the actor minus the baseline outcome, per dimension. */
  shift: number[];
}

export interface Sensitivity {
  runs: number;
  seed: number;
  capabilitySpread: number;
  salienceSpread: number;
  distribution: OutcomeDistribution[];
  /** Sorted by the largest shift on any dimension, largest first. */
  removals: ActorRemoval[];
}

/**
 * How sure a forecast is: the distribution of outcomes when capabilities and saliences are perturbed
 * within the analyst's ranges (seeded, so repeatable), and the effect of removing each of the weightiest
 * actors. `forecast` is either model, already bound to its options.
 */
export function forecastSensitivity(
  input: BargainingScenario,
  forecast: (scenario: BargainingScenario) => Forecast,
  options: SensitivityOptions = {},
): Sensitivity {
  const scenario = checkScenario(input);
  const runs = requireInRange("runs", options.runs ?? 100, 1, 100_000, true);
  const seed = requireInRange("seed", options.seed ?? 1, -(2 ** 31), 2 ** 32, true);
  const capabilitySpread = requireInRange("capabilitySpread", options.capabilitySpread ?? 0.2, 0, 1);
  const salienceSpread = requireInRange("salienceSpread", options.salienceSpread ?? 0.1, 0, 1);
  const removalCount = requireInRange("removals", options.removals ?? 20, 0, 100_000, true);
  const baseline = forecast(scenario).outcome;

  const random = new SeededRandom(seed);
  const outcomes = scenario.dimensions.map(() => new Float64Array(runs));
  for (let run = 0; run < runs; run++) {
    const perturbed: BargainingScenario = {
      ...scenario,
      actors: scenario.actors.map((actor) => ({
        ...actor,
        capability: actor.capability * (1 + capabilitySpread * (2 * random.next() - 1)),
        salience: actor.salience.map((s) =>
          Math.min(1, Math.max(0, s + salienceSpread * (2 * random.next() - 1))),
        ),
      })),
    };
    if (!perturbed.actors.some((actor) => actor.capability > 0)) perturbed.actors = scenario.actors;
    forecast(perturbed).outcome.forEach((value, d) => (outcomes[d]![run] = value));
  }
  const distribution = scenario.dimensions.map((dimension, d) =>
    describeOutcomes(dimension.name, baseline[d]!, outcomes[d]!),
  );
  return {
    runs,
    seed,
    capabilitySpread,
    salienceSpread,
    distribution,
    removals: scenario.actors.length > 2 ? removeEach(scenario, forecast, baseline, removalCount) : [],
  };
}

function removeEach(
  scenario: BargainingScenario,
  forecast: (scenario: BargainingScenario) => Forecast,
  baseline: number[],
  count: number,
): ActorRemoval[] {
  const weightOf = (index: number) => {
    const actor = scenario.actors[index]!;
    return (actor.capability * actor.salience.reduce((sum, s) => sum + s, 0)) / actor.salience.length;
  };
  const chosen = scenario.actors
    .map((_, index) => index)
    .sort((a, b) => weightOf(b) - weightOf(a) || a - b)
    .slice(0, count);
  const removals = chosen.flatMap((index): ActorRemoval[] => {
    const actors = scenario.actors.filter((_, other) => other !== index);
    if (!actors.some((actor) => actor.capability > 0)) return [];
    const outcome = forecast({ ...scenario, actors }).outcome;
    return [
      {
        actorId: scenario.actors[index]!.id,
        outcome,
        shift: outcome.map((value, d) => value - baseline[d]!),
      },
    ];
  });
  const largest = (removal: ActorRemoval) => Math.max(...removal.shift.map(Math.abs));
  return removals.sort((a, b) => largest(b) - largest(a));
}

function describeOutcomes(dimension: string, baseline: number, values: Float64Array): OutcomeDistribution {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / n;
  const variance = sorted.reduce((sum, value) => sum + (value - mean) ** 2, 0) / n;
  const quantile = (q: number) => {
    const at = q * (n - 1);
    const low = Math.floor(at);
    const high = Math.min(n - 1, low + 1);
    return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
  };
  return {
    dimension,
    baseline,
    mean,
    standardDeviation: Math.sqrt(variance),
    min: sorted[0]!,
    p5: quantile(0.05),
    p25: quantile(0.25),
    median: quantile(0.5),
    p75: quantile(0.75),
    p95: quantile(0.95),
    max: sorted[n - 1]!,
  };
}
