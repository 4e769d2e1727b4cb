import type { BargainingScenario } from "./bargaining-scenario";
import type { AnyForecast } from "./forecast-models";
import type { Sensitivity } from "./sensitivity";
import type { ForecastInput, TheatreScenario } from "./theatre-scenario";

/** Per-actor values keyed by actor id, in scenario order. */
type ByActor<T> = Record<string, T>;

/** A forecast as `parley forecast --json` and the API give it: every array indexed by actor becomes an object keyed by actor id. */
export interface ForecastDocument {
  model: AnyForecast["model"];
  scenario: {
    name: string;
    description: string;
    dimensions: BargainingScenario["dimensions"];
    actors: { id: string; name: string; capability: number; position: number[]; salience: number[] }[];
  };
  /** Per round, every actor's position on every dimension, and what the model adds (median, mean, probabilities). */
  rounds: ({ round: number; positions: ByActor<number[]> } & Record<string, unknown>)[];
  /** The final position per dimension. */
  outcome: number[];
  stop: AnyForecast["stop"];
  /** With a theatre issue: where each input came from, and who was left out. */
  inputs?: ForecastInput[];
  excluded?: TheatreScenario["excluded"];
  sensitivity?: Sensitivity;
}

export function forecastDocument(
  scenario: BargainingScenario,
  forecast: AnyForecast,
  extra: Pick<ForecastDocument, "inputs" | "excluded" | "sensitivity">,
): ForecastDocument {
  const ids = scenario.actors.map((actor) => actor.id);
  const byActor = <T>(values: readonly T[]): ByActor<T> =>
    Object.fromEntries(ids.map((id, i) => [id, values[i]!]));
  const { model, rounds, outcome, stop, ...rest } = forecast;
  const named =
    "mostLikely" in rest
      ? { ...rest, mostLikely: { ...rest.mostLikely, actors: rest.mostLikely.actors.map((i) => ids[i]!) } }
      : rest;
  return {
    model,
    scenario: {
      name: scenario.name,
      description: scenario.description,
      dimensions: scenario.dimensions,
      actors: scenario.actors.map(({ id, name, capability, position, salience }) => ({
        id,
        name,
        capability,
        position,
        salience,
      })),
    },
    rounds: rounds.map((round) => {
      const { positions, risk, prevailing, moves, challenges, ...other } = round as typeof round & {
        risk?: number[][];
        prevailing?: number[];
        moves?: { actor: number; towards: number }[];
        challenges?: { initiator: number; target: number }[];
      };
      return {
        ...other,
        positions: byActor(positions),
        ...(risk && { risk: byActor(risk) }),
        ...(prevailing && { prevailing: byActor(prevailing) }),
        ...(challenges && {
          challenges: challenges.map(({ initiator, target, ...challenge }) => ({
            initiator: ids[initiator],
            target: ids[target],
            ...challenge,
          })),
        }),
        ...(moves && {
          moves: moves.map(({ actor, towards, ...move }) => ({
            actor: ids[actor],
            towards: ids[towards],
            ...move,
          })),
        }),
      };
    }),
    outcome,
    stop,
    ...named,
    ...extra,
  };
}
