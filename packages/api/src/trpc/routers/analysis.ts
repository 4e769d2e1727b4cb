import {
  actorBrief,
  alignActors,
  areaBrief,
  findBrokers,
  findCooperation,
  defaultForecastModel,
  findInfluencePaths,
  FORECAST_MODELS,
  forecastDocument,
  type ForecastModelName,
  Id,
  lookup,
  mapLeverage,
  pairBrief,
  resolveActor,
  resolveActors,
  runForecast,
  scenarioFromTheatre,
  scoreOptions,
  watchScenarios,
} from "@parley/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { TheatreInput } from "../inputs";
import { storedTheatre, theatreIndex } from "../theatre-access";
import { readProcedure, router } from "../trpc";

/** An actor by id, name or alias, in any case. */
const ActorName = z.string().min(1).max(200);
const Ids = z.array(Id).min(1).max(1000);
const GraphInput = TheatreInput.extend({
  kinds: z.array(z.string().min(1)).min(1).optional(),
  includeInactive: z.boolean().optional(),
});

const ModelName = z.enum(Object.keys(FORECAST_MODELS) as [ForecastModelName, ...ForecastModelName[]]);
/** Bounded so that one request cannot hold the server for minutes. */
const SensitivityInput = z.strictObject({
  runs: z.number().int().min(1).max(500).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32)
    .optional(),
  capabilitySpread: z.number().min(0).max(1).optional(),
  salienceSpread: z.number().min(0).max(1).optional(),
  removals: z.number().int().min(0).max(50).optional(),
});

async function indexFor(ctx: Parameters<typeof storedTheatre>[0], theatreId: string) {
  return theatreIndex(await storedTheatre(ctx, theatreId));
}

/** Every analysis of the analysis engine, on a stored theatre as it stands now. */
export const analysisRouter = router({
  cooperation: readProcedure
    .input(
      TheatreInput.extend({
        actors: z.array(ActorName).min(2).max(50),
        issueIds: Ids.optional(),
        areaIds: Ids.optional(),
        limit: z.number().int().min(1).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const index = await indexFor(ctx, input.theatreId);
      const { actors, theatreId: _, ...rest } = input;
      return findCooperation(index, {
        ...rest,
        actorIds: resolveActors(index, actors, "actors").map((a) => a.id),
      });
    }),
  alignment: readProcedure
    .input(
      TheatreInput.extend({
        actors: z.array(ActorName).min(2).max(1000).optional(),
        issueIds: Ids.optional(),
        blocThreshold: z.number().min(0).max(1).optional(),
        minimumIssues: z.number().int().min(1).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const index = await indexFor(ctx, input.theatreId);
      const { actors, theatreId: _, ...rest } = input;
      return alignActors(index, {
        ...rest,
        ...(actors && { actorIds: resolveActors(index, actors, "actors").map((a) => a.id) }),
      });
    }),
  leverage: readProcedure
    .input(TheatreInput.extend({ target: ActorName, includeParts: z.boolean().optional() }))
    .query(async ({ ctx, input }) => {
      const index = await indexFor(ctx, input.theatreId);
      return mapLeverage(index, {
        targetId: resolveActor(index, input.target, "target").id,
        ...(input.includeParts !== undefined && { includeParts: input.includeParts }),
      });
    }),
  scenarios: readProcedure
    .input(
      TheatreInput.extend({ scenarioIds: Ids.optional(), overrides: z.record(Id, z.string()).optional() }),
    )
    .query(async ({ ctx, input }) => {
      const { theatreId, ...query } = input;
      return watchScenarios(await indexFor(ctx, theatreId), query as Parameters<typeof watchScenarios>[1]);
    }),
  options: readProcedure
    .input(
      TheatreInput.extend({ optionSetId: Id, weights: z.record(Id, z.number().min(0).max(1)).optional() }),
    )
    .query(async ({ ctx, input }) => {
      const { theatreId, ...query } = input;
      return scoreOptions(await indexFor(ctx, theatreId), query);
    }),
  brokers: readProcedure
    .input(
      GraphInput.extend({
        limit: z.number().int().min(1).max(1000).optional(),
        sampleSources: z.number().int().min(1).optional(),
        seed: z.number().int().optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { theatreId, ...query } = input;
      return findBrokers(await indexFor(ctx, theatreId), query);
    }),
  paths: readProcedure
    .input(
      GraphInput.extend({
        from: ActorName,
        to: ActorName,
        maxLength: z.number().int().min(1).max(6).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const index = await indexFor(ctx, input.theatreId);
      const { theatreId: _, from, to, ...query } = input;
      return findInfluencePaths(index, {
        ...query,
        fromId: resolveActor(index, from, "from").id,
        toId: resolveActor(index, to, "to").id,
      });
    }),
  /**
   * Where bargaining on one or more issues is likely to end and who moves: the expected-utility or the
   * spatial model on the theatre's positions, saliences and capabilities, each input traced to its basis.
   */
  forecast: readProcedure
    .input(
      TheatreInput.extend({
        issueIds: z.array(Id).min(1).max(20),
        model: ModelName.optional(),
        rounds: z.number().int().min(0).max(1000).optional(),
        actors: z.array(ActorName).min(2).max(1000).optional(),
        capabilities: z.record(Id, z.number().min(0).max(100)).optional(),
        defaultCapability: z.number().min(0).max(100).optional(),
        sensitivity: SensitivityInput.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const index = await indexFor(ctx, input.theatreId);
      const { theatreId: _, model, rounds, sensitivity, ...choice } = input;
      const { scenario, inputs, excluded } = scenarioFromTheatre(index, choice);
      const run = runForecast(scenario, {
        model: model ?? defaultForecastModel(input.issueIds.length),
        ...(rounds !== undefined && { rounds }),
        ...(sensitivity && { sensitivity }),
      });
      return forecastDocument(scenario, run.forecast, {
        inputs,
        excluded,
        ...(run.sensitivity && { sensitivity: run.sensitivity }),
      });
    }),
  /** A Markdown brief on an actor, a cooperation area or a pair of actors, with footnotes quoting the sources. */
  brief: readProcedure
    .input(
      TheatreInput.extend({
        actor: ActorName.optional(),
        area: Id.optional(),
        pair: z.array(ActorName).length(2).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const index = await indexFor(ctx, input.theatreId);
      const chosen = (["actor", "area", "pair"] as const).filter((key) => input[key] !== undefined);
      if (chosen.length !== 1)
        throw new TRPCError({ code: "BAD_REQUEST", message: "give exactly one of actor, area or pair" });
      if (input.actor !== undefined) return actorBrief(index, resolveActor(index, input.actor, "actor").id);
      if (input.area !== undefined)
        return areaBrief(index, lookup(index.cooperationAreas, input.area, "area", "cooperation area").id);
      return pairBrief(
        index,
        resolveActors(index, input.pair!, "pair", 2).map((a) => a.id),
      );
    }),
});
