import type { Actor } from "../model/actor";
import type { CooperationArea } from "../model/cooperation-area";
import type { Interest } from "../model/interest";
import type { Issue } from "../model/issue";
import type { Leverage } from "../model/leverage";
import type { OptionSet } from "../model/option";
import type { Relationship } from "../model/relationship";
import type { Scenario } from "../model/scenario";
import type { Source } from "../model/source";
import type { TheatreDocument } from "../model/theatre-document";
import type { TradeOff } from "../model/trade-off";
import { closestMatch } from "../validation/suggest";
import { AnalysisError } from "./analysis-error";

/** An interest that carries a position on an issue. */
export type PositionedInterest = Interest & { position: NonNullable<Interest["position"]> };

/**
 * A validated theatre with the lookups every analysis needs, built once (`indexTheatre`) and shared by
 * any number of queries. Lists keep the document's order, so results are deterministic.
 */
export interface TheatreIndex {
  readonly document: TheatreDocument;
  readonly actors: ReadonlyMap<string, Actor>;
  readonly issues: ReadonlyMap<string, Issue>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly interests: ReadonlyMap<string, Interest>;
  readonly relationships: ReadonlyMap<string, Relationship>;
  readonly cooperationAreas: ReadonlyMap<string, CooperationArea>;
  readonly leverage: ReadonlyMap<string, Leverage>;
  readonly tradeOffs: ReadonlyMap<string, TradeOff>;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  readonly optionSets: ReadonlyMap<string, OptionSet>;
  /** An actor's interests, with or without positions. */
  readonly interestsByActor: ReadonlyMap<string, readonly Interest[]>;
  /** An actor's position on an issue: actor id -> issue id -> the interest holding it. */
  readonly positionsByActor: ReadonlyMap<string, ReadonlyMap<string, PositionedInterest>>;
  readonly positionsByIssue: ReadonlyMap<string, readonly PositionedInterest[]>;
  /** Relationships an actor is party to: as `from`, `to` or a mediation's `otherPartyId`. */
  readonly relationshipsByActor: ReadonlyMap<string, readonly Relationship[]>;
  readonly areasByActor: ReadonlyMap<string, readonly CooperationArea[]>;
  readonly leverageByTarget: ReadonlyMap<string, readonly Leverage[]>;
  readonly leverageByHolder: ReadonlyMap<string, readonly Leverage[]>;
  readonly tradeOffsByLeverage: ReadonlyMap<string, readonly TradeOff[]>;
  readonly tradeOffsByArea: ReadonlyMap<string, readonly TradeOff[]>;
  /** Scenarios that name the actor among their actors or in a consequence. */
  readonly scenariosByActor: ReadonlyMap<string, readonly Scenario[]>;
  readonly childrenByActor: ReadonlyMap<string, readonly Actor[]>;
}

/** Builds the lookups of a theatre that `validateTheatre` accepted. */
export function indexTheatre(document: TheatreDocument): TheatreIndex {
  const interestsByActor = new Map<string, Interest[]>();
  const positionsByActor = new Map<string, Map<string, PositionedInterest>>();
  const positionsByIssue = new Map<string, PositionedInterest[]>();
  for (const interest of document.interests) {
    push(interestsByActor, interest.actorId, interest);
    if (!interest.position) continue;
    const positioned = interest as PositionedInterest;
    let byIssue = positionsByActor.get(interest.actorId);
    if (!byIssue) positionsByActor.set(interest.actorId, (byIssue = new Map()));
    byIssue.set(positioned.position.issueId, positioned);
    push(positionsByIssue, positioned.position.issueId, positioned);
  }

  const relationshipsByActor = new Map<string, Relationship[]>();
  for (const relationship of document.relationships) {
    push(relationshipsByActor, relationship.from, relationship);
    if (relationship.to !== relationship.from) push(relationshipsByActor, relationship.to, relationship);
    const other = relationship.otherPartyId;
    if (other !== undefined && other !== relationship.from && other !== relationship.to)
      push(relationshipsByActor, other, relationship);
  }

  const areasByActor = new Map<string, CooperationArea[]>();
  for (const area of document.cooperationAreas)
    for (const actorId of new Set(area.participants.map((participant) => participant.actorId)))
      push(areasByActor, actorId, area);

  const leverageByTarget = new Map<string, Leverage[]>();
  const leverageByHolder = new Map<string, Leverage[]>();
  for (const instrument of document.leverage) {
    push(leverageByTarget, instrument.targetId, instrument);
    push(leverageByHolder, instrument.holderId, instrument);
  }

  const tradeOffsByLeverage = new Map<string, TradeOff[]>();
  const tradeOffsByArea = new Map<string, TradeOff[]>();
  for (const tradeOff of document.tradeOffs) {
    for (const id of new Set(tradeOff.leverageIds)) push(tradeOffsByLeverage, id, tradeOff);
    for (const id of new Set(tradeOff.cooperationAreaIds)) push(tradeOffsByArea, id, tradeOff);
  }

  const scenariosByActor = new Map<string, Scenario[]>();
  for (const scenario of document.scenarios) {
    const named = new Set(scenario.actorIds);
    for (const consequence of scenario.consequences) for (const id of consequence.actorIds) named.add(id);
    for (const id of named) push(scenariosByActor, id, scenario);
  }

  const childrenByActor = new Map<string, Actor[]>();
  for (const actor of document.actors)
    if (actor.parentId !== undefined) push(childrenByActor, actor.parentId, actor);

  return {
    document,
    actors: byId(document.actors),
    issues: byId(document.issues),
    sources: byId(document.sources),
    interests: byId(document.interests),
    relationships: byId(document.relationships),
    cooperationAreas: byId(document.cooperationAreas),
    leverage: byId(document.leverage),
    tradeOffs: byId(document.tradeOffs),
    scenarios: byId(document.scenarios),
    optionSets: byId(document.options),
    interestsByActor,
    positionsByActor,
    positionsByIssue,
    relationshipsByActor,
    areasByActor,
    leverageByTarget,
    leverageByHolder,
    tradeOffsByLeverage,
    tradeOffsByArea,
    scenariosByActor,
    childrenByActor,
  };
}

/** The entity with this id, or an AnalysisError naming `field`, the id and the nearest known id. */
export function lookup<T>(map: ReadonlyMap<string, T>, id: string, field: string, what: string): T {
  const found = map.get(id);
  if (found !== undefined) return found;
  const guess = closestMatch(id, map.keys());
  throw new AnalysisError(
    field,
    `unknown ${what} "${id}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
    guess ? [guess] : [],
  );
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((entry) => [entry.id, entry]));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
