import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import {
  AnalysisError,
  defaultForecastModel,
  FORECAST_MODELS,
  forecastDocument,
  type ForecastModelName,
  indexTheatre,
  InvalidScenario,
  readScenarioCsv,
  resolveActor,
  runForecast,
  ScenarioFileError,
  scenarioFromTheatre,
  type BargainingScenario,
  type TheatreIndex,
  type TheatreScenario,
} from "@parley/domain";
import type { Config } from "../../env";
import { checkTheatre } from "../../theatre-files";
import { integer, list, number, pairs } from "../analyse/analysis-command";

import { renderForecast } from "../forecast/render-forecast";
import { EXIT, UsageError, type Output } from "../io";
import { printInvalid } from "../print-problems";
import { absolute, selectTheatres } from "../select-theatres";

export const forecastUsage = `parley forecast (--issue ID[,ID...] [PATH] [--theatre ID] | --file SCENARIO.csv [--format ktab|bdm])
                [--model eu|spatial] [--rounds N] [--json] [options]
  Forecasts where bargaining on an issue ends and who moves, round by round.
  --issue           one theatre issue per dimension; the actors holding a position on each, with their
                    positions, saliences and capabilities from the theatre (--json says which inputs are
                    sourced facts and which analyst judgements)
  --actors          limit the table to these actors (ids, names or aliases)
  --capability      ACTOR=SCORE,... capabilities (0-100) for this run, judgements overriding the theatre's
  --default-capability N   a capability for actors the theatre gives none (otherwise they are left out)
  --file            a scenario in KTAB's CSV layout (name, description, actors, dimensions; then Actor,
                    Description, Power, position and salience per dimension) or the BDM layout (Actor,
                    Capability, Position, Salience); --format forces one
  --model           eu: expected utility (Scholz et al. 2011), one dimension at a time; spatial: KTAB's SMP.
                    Default: eu for BDM files and a single issue, spatial for KTAB files and several issues
  --rounds N        the most rounds (eu, default 10) or turns (spatial, default 100)
  --sensitivity     also a Monte Carlo over perturbed inputs and the effect of removing each weighty actor:
                    --runs 100  --seed 1  --capability-spread 0.2 (×1±x)  --salience-spread 0.1 (±x on 0-1)
                    --removals 20 (the weightiest actors taken out one at a time)`;

const options = {
  theatre: { type: "string" },
  issue: { type: "string" },
  file: { type: "string" },
  format: { type: "string" },
  model: { type: "string" },
  rounds: { type: "string" },
  actors: { type: "string" },
  capability: { type: "string" },
  "default-capability": { type: "string" },
  sensitivity: { type: "boolean" },
  runs: { type: "string" },
  seed: { type: "string" },
  "capability-spread": { type: "string" },
  "salience-spread": { type: "string" },
  removals: { type: "string" },
  json: { type: "boolean" },
} as const;

export function forecastCommand(args: string[], config: Config, io: Output): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  if ((values.issue === undefined) === (values.file === undefined))
    throw new UsageError("give either --issue (a theatre issue) or --file (a scenario CSV file)");
  const model = chosenModel(values.model);
  const format = values.format;
  if (format !== undefined && format !== "ktab" && format !== "bdm")
    throw new UsageError(`--format must be ktab or bdm, not "${format}"`);
  const rounds = integer(values, "rounds", 0, 10_000);

  let scenario: BargainingScenario;
  let fromTheatre: TheatreScenario | undefined;
  let layout: "ktab" | "bdm" | undefined;
  let defaultModel: ForecastModelName;
  try {
    if (values.file !== undefined) {
      const path = absolute(config, values.file);
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch (error) {
        throw new UsageError(`cannot read ${values.file}: ${(error as Error).message}`);
      }
      try {
        ({ scenario, format: layout } = readScenarioCsv(text, {
          ...(format && { format }),
          name: basename(path).replace(/\.csv$/i, ""),
        }));
      } catch (error) {
        if (error instanceof ScenarioFileError) {
          io.err(`parley forecast: ${values.file}: ${error.message}`);
          return EXIT.invalid;
        }
        throw error;
      }
      defaultModel = defaultForecastModel(scenario.dimensions.length, layout);
    } else {
      if (format !== undefined) throw new UsageError("--format applies to --file only");
      const [location] = selectTheatres(config, { path: positionals[0], theatreId: values.theatre }, "one");
      const check = checkTheatre(location!);
      if (!check.document) {
        printInvalid(io, location!, check.problems, "INVALID");
        return EXIT.invalid;
      }
      const issueIds = list(values, "issue")!;
      const capabilities = pairs(values, "capability", "ACTOR=SCORE pairs (e.g. taliban=80)", "actor");
      const defaultCapability = number(values, "default-capability", 0, 100);
      const actors = list(values, "actors");
      const index = indexTheatre(check.document);
      fromTheatre = scenarioFromTheatre(index, {
        issueIds,
        ...(actors && { actors }),
        ...(capabilities && { capabilities: scores(index, capabilities) }),
        ...(defaultCapability !== undefined && { defaultCapability }),
      });
      scenario = fromTheatre.scenario;
      defaultModel = defaultForecastModel(issueIds.length);
    }
    const { forecast, sensitivity } = runForecast(scenario, {
      model: model ?? defaultModel,
      ...(rounds !== undefined && { rounds }),
      ...(values.sensitivity && {
        sensitivity: {
          ...optional("runs", integer(values, "runs", 1, 100_000)),
          ...optional("seed", integer(values, "seed", 0, 2 ** 32)),
          ...optional("capabilitySpread", number(values, "capability-spread", 0, 1)),
          ...optional("salienceSpread", number(values, "salience-spread", 0, 1)),
          ...optional("removals", integer(values, "removals", 0, 100_000)),
        },
      }),
    });
    const extra = {
      ...(fromTheatre && { inputs: fromTheatre.inputs, excluded: fromTheatre.excluded }),
      ...(sensitivity && { sensitivity }),
    };
    io.out(
      values.json === true
        ? JSON.stringify(forecastDocument(scenario, forecast, extra), null, 2)
        : renderForecast(scenario, forecast, extra),
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof AnalysisError || error instanceof InvalidScenario) {
      io.err(`parley forecast: ${error.message}`);
      return error instanceof InvalidScenario ? EXIT.invalid : EXIT.usage;
    }
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

function chosenModel(value: string | undefined): ForecastModelName | undefined {
  if (value === undefined) return undefined;
  if (value in FORECAST_MODELS) return value as ForecastModelName;
  throw new UsageError(`--model must be ${Object.keys(FORECAST_MODELS).join(" or ")}, not "${value}"`);
}

/** `--capability` scores by actor id, the actors named by id, name or alias. */
function scores(index: TheatreIndex, given: Record<string, string>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(given).map(([actor, text]) => {
      const score = Number(text);
      if (!Number.isFinite(score) || score < 0 || score > 100)
        throw new UsageError(`--capability ${actor}: must be a number from 0 to 100, not "${text}"`);
      return [resolveActor(index, actor, "--capability").id, score];
    }),
  );
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
