import type { TheatreDocument } from "../model/theatre-document";
import { syntheticActors } from "./synthetic-actors";
import { syntheticCamps, syntheticIssues } from "./synthetic-issues";
import { syntheticCooperationAreas, syntheticLeverage, syntheticTradeOffs } from "./synthetic-cooperation";
import { SyntheticContext } from "./synthetic-context";
import {
  syntheticEvents,
  syntheticFigures,
  syntheticOptionSets,
  syntheticScenarios,
} from "./synthetic-futures";
import { syntheticRelationships } from "./synthetic-relationships";

export interface SyntheticTheatreOptions {
  /** How many actors; at least 20. */
  actors: number;
  /** Any integer; the same seed gives the same theatre, byte for byte. */
  seed: number;
  /** Default 10; 80% of them hold a position on an issue. */
  interestsPerActor?: number;
  /** Ties drawn from each actor; default 5, at most a quarter of `actors`. */
  relationshipsPerActor?: number;
  /** Default 200. */
  issues?: number;
}

const SOURCES = 4;
const SCENARIOS = 6;
const OPTION_SETS = 4;

/**
 * A made-up theatre of any size, for benchmarks and for trying analyses at scale. It is valid
 * (`validateTheatre` accepts it unchanged: every defaulted field is filled in) and shaped like a real
 * theatre, so analyses have work to do:
 *
 * - Latent structure: six camps in three blocs. A camp's ideal point on each issue lies near its bloc's,
 *   and each camp cares most about 40 "focus" issues; actors take positions near their camp's ideal.
 * - `actors`: kinds in roughly the shipped theatre's proportions (a quarter armed groups, a fifth
 *   people, an eighth states ...); most factions and agencies and some branches, members and leaders
 *   have a `parentId`, always an earlier actor (so no cycles), preferably of their camp. A general
 *   capability, sometimes one or two per issue. Names are unique ("Amber Front 17"); ids are their slugs.
 * - `issues` (200): 20 topics in 12 regions, each on a 0-100 scale with labelled ends.
 * - `interests` (10 per actor): 8 with a position on distinct issues (60% among the camp's focus
 *   issues, salience 50-95 there, 15-65 elsewhere), 2 without; saliences are judgements with the
 *   rationale "synthetic"; about 5% are core.
 * - `relationships` (5 per actor, from that actor): its parent first, then its camp (often its region),
 *   the first 1% of actors (hubs), preferential attachment and chance; friendly kinds within a camp, hostile ones across blocs;
 *   a few mediations; 80% dated, about a tenth of those ended; no pair tied twice.
 * - `cooperationAreas` (actors/20): 2-6 participants around a well-tied lead, shared interests citing
 *   participants' interests on common issues, obstacles (conflicting and core interests, mistrust ...),
 *   enablers. `leverage` (actors/10): mostly across blocs, half of those over area participants risk
 *   those areas. `tradeOffs` (actors/30) weigh those instruments against the areas.
 * - Six scenarios with weighted indicators and evidence, four option sets with 3-5 criteria and every
 *   option scored on every criterion, `events` (actors/20) and `figures` (actors/50).
 * - Four synthetic sources; every citation points to one of them with a generated quote (no
 *   `textFile`, so quote verification has nothing to check).
 */
export function generateSyntheticTheatre(options: SyntheticTheatreOptions): TheatreDocument {
  const {
    actors: actorCount,
    seed,
    interestsPerActor = 10,
    relationshipsPerActor = 5,
    issues = 200,
  } = options;
  requireInteger("actors", actorCount, 20);
  requireInteger("seed", seed, Number.MIN_SAFE_INTEGER);
  requireInteger("interestsPerActor", interestsPerActor, 1);
  requireInteger("relationshipsPerActor", relationshipsPerActor, 1);
  requireInteger("issues", issues, 1);
  if (relationshipsPerActor * 4 > actorCount)
    throw new RangeError(`relationshipsPerActor must be at most a quarter of actors (${actorCount})`);

  const context = new SyntheticContext(seed, SOURCES);
  const issueList = syntheticIssues(context, issues);
  const camps = syntheticCamps(context, issues);
  const actors = syntheticActors(context, actorCount, issueList, camps, interestsPerActor);
  const relationships = syntheticRelationships(context, actors, relationshipsPerActor);
  const cooperationAreas = syntheticCooperationAreas(context, actors, relationships, share(actorCount, 20));
  const leverage = syntheticLeverage(context, actors, relationships, cooperationAreas, share(actorCount, 10));
  const tradeOffs = syntheticTradeOffs(context, leverage, cooperationAreas, share(actorCount, 30));
  const id = `synthetic-${actorCount}-${seed}`.replace("--", "-minus-");
  return {
    theatre: {
      id,
      name: `Synthetic theatre of ${actorCount} actors (seed ${seed})`,
      asOf: "2024-06",
      description: "A generated theatre for benchmarks and tests. Nothing in it is real.",
      region: "Synthetic",
      citations: context.cite("This theatre was generated."),
    },
    sources: context.sources,
    actors: actors.map((entry) => entry.actor),
    issues: issueList,
    interests: actors.flatMap((entry) => entry.interests),
    relationships,
    cooperationAreas,
    leverage,
    tradeOffs,
    scenarios: syntheticScenarios(context, actors, relationships, SCENARIOS),
    options: syntheticOptionSets(context, actors, relationships, OPTION_SETS),
    events: syntheticEvents(context, actors, share(actorCount, 20)),
    figures: syntheticFigures(context, actors, share(actorCount, 50)),
  };
}

function share(actors: number, per: number): number {
  return Math.max(1, Math.round(actors / per));
}

function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min)
    throw new RangeError(
      `${name} must be an integer${min > Number.MIN_SAFE_INTEGER ? ` of at least ${min}` : ""}, not ${value}`,
    );
}
