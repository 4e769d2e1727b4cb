import { actorRef, type ActorRef } from "../actor-ref";
import type { Citation } from "../../model/citation";
import type { Relationship, RelationshipKind } from "../../model/relationship";
import type { TheatreIndex } from "../theatre-index";
import { stepVerb, type StepDirection } from "./influence-channels";
import type { InfluenceEdge, InfluenceGraph } from "./relationship-graph";

/** An actor as results name it. */
/** A relationship behind a step, as the theatre states it, and how the step reads it. */
export interface StepRelationship {
  id: string;
  kind: RelationshipKind;
  /** How the step reads it: "hosts", or "has faction" for a faction-of tie walked from the movement. */
  verb: string;
  direction: StepDirection;
  description: string;
  strength?: Relationship["strength"];
  citations: Citation[];
}

/** One step of influence, `from` can act on `to`, with every relationship that makes it a channel. */
export interface InfluenceStep {
  from: ActorRef;
  to: ActorRef;
  relationships: StepRelationship[];
}

export function describeEdge(index: TheatreIndex, graph: InfluenceGraph, edge: InfluenceEdge): InfluenceStep {
  return {
    from: actorRef(index, graph.actorIds[edge.from]!),
    to: actorRef(index, graph.actorIds[edge.to]!),
    relationships: edge.relationships.map(({ relationship, direction }) => ({
      id: relationship.id,
      kind: relationship.kind,
      verb: stepVerb(relationship.kind, direction),
      direction,
      description: relationship.description,
      ...(relationship.strength ? { strength: relationship.strength } : {}),
      citations: relationship.citations,
    })),
  };
}
