import type { BargainingScenario } from "./bargaining-scenario";
import {
  runExpectedUtilityModel,
  type ExpectedUtilityForecast,
} from "./expected-utility/expected-utility-model";
import { runSpatialModel, type SpatialForecast } from "./spatial/spatial-model";
import { forecastSensitivity, type Sensitivity, type SensitivityOptions } from "./sensitivity";

export type AnyForecast = ExpectedUtilityForecast | SpatialForecast;

/** Each bargaining model, run with at most `rounds` rounds (turns) when given. */
export const FORECAST_MODELS = {
  eu: (scenario: BargainingScenario, rounds?: number): AnyForecast =>
    runExpectedUtilityModel(scenario, rounds === undefined ? {} : { maxRounds: rounds }),
  spatial: (scenario: BargainingScenario, rounds?: number): AnyForecast =>
    runSpatialModel(scenario, rounds === undefined ? {} : { maxTurns: rounds }),
} satisfies Record<string, (scenario: BargainingScenario, rounds?: number) => AnyForecast>;

export type ForecastModelName = keyof typeof FORECAST_MODELS;

/** The model to run when none is named: the spatial model for several dimensions or a KTAB file, else eu. */
export function defaultForecastModel(dimensions: number, layout?: "ktab" | "bdm"): ForecastModelName {
  return dimensions > 1 || layout === "ktab" ? "spatial" : "eu";
}

export interface ForecastRunOptions {
  model: ForecastModelName;
  rounds?: number;
  /** Also a sensitivity analysis with these options. */
  sensitivity?: SensitivityOptions;
}

/** One model on one scenario, with its sensitivity analysis when asked for. */
export function runForecast(
  scenario: BargainingScenario,
  options: ForecastRunOptions,
): { forecast: AnyForecast; sensitivity?: Sensitivity } {
  const model = FORECAST_MODELS[options.model];
  if (!model) throw new RangeError(`model must be ${Object.keys(FORECAST_MODELS).join(" or ")}`);
  const run = (input: BargainingScenario) => model(input, options.rounds);
  const forecast = run(scenario);
  if (!options.sensitivity) return { forecast };
  return { forecast, sensitivity: forecastSensitivity(scenario, run, options.sensitivity) };
}
