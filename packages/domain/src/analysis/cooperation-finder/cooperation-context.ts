import type { Interest } from "../../model/interest";
import type { Leverage } from "../../model/leverage";
import type { Relationship } from "../../model/relationship";
import { actorRef } from "../actor-ref";
import { byId } from "../compare-ids";
import { isCurrentAt } from "../relationship-timing";
import type { TheatreIndex } from "../theatre-index";
import type { ActorRef } from "../actor-ref";
import type { CooperationInterest } from "./cooperation-finding";
import { isHostileKind } from "./cooperation-scoring";

/** What every opportunity of one query needs: the actors, and the ties and leverage among them. */
export interface CooperationContext {
  index: TheatreIndex;
  actors: ActorRef[];
  actorIds: ReadonlySet<string>;
  /** Hostile relationships among the queried actors current at the theatre's as-of date. */
  hostileTies: Relationship[];
  /** Instruments a queried actor holds over another. */
  leverage: Leverage[];
}

export function cooperationContext(index: TheatreIndex, actorIds: readonly string[]): CooperationContext {
  const ids = new Set(actorIds);
  const asOf = index.document.theatre.asOf;
  const hostileTies = new Map<string, Relationship>();
  const leverage: Leverage[] = [];
  for (const id of actorIds) {
    for (const relationship of index.relationshipsByActor.get(id) ?? [])
      if (
        isHostileKind(relationship.kind) &&
        relationship.from !== relationship.to &&
        ids.has(relationship.from) &&
        ids.has(relationship.to) &&
        isCurrentAt(relationship, asOf)
      )
        hostileTies.set(relationship.id, relationship);
    for (const instrument of index.leverageByHolder.get(id) ?? [])
      if (instrument.targetId !== id && ids.has(instrument.targetId)) leverage.push(instrument);
  }
  return {
    index,
    actors: actorIds.map((id) => actorRef(index, id)),
    actorIds: ids,
    hostileTies: [...hostileTies.values()].sort(byId),
    leverage: leverage.sort(byId),
  };
}

export function interestReason(
  index: TheatreIndex,
  interest: Interest,
  via: CooperationInterest["via"],
): CooperationInterest {
  return {
    interestId: interest.id,
    actor: actorRef(index, interest.actorId),
    objective: interest.objective,
    salience: interest.salience,
    core: interest.core,
    ...(interest.position ? { position: interest.position } : {}),
    via,
    citations: interest.citations,
  };
}
