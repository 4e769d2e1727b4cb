import type { Leverage } from "../../model/leverage";
import type { Relationship, RelationshipKind } from "../../model/relationship";
import { actorRef } from "../actor-ref";
import { isCurrentAt } from "../relationship-timing";
import { type CooperationContext } from "./cooperation-context";
import type { CooperationObstacle } from "./cooperation-finding";
import { isHostileKind, OBSTACLE_WEIGHTS } from "./cooperation-scoring";

const HOSTILE_PHRASES: Partial<Record<RelationshipKind, string>> = {
  "adversary-of": "is an adversary of",
  attacks: "attacks",
  "rival-of": "is a rival of",
  pressures: "pressures",
};

export function hostileTieWeight(relationship: Relationship): number {
  return OBSTACLE_WEIGHTS.hostileTie[relationship.kind] ?? 0;
}

/** The hostile ties between actors who both take part in an opportunity. */
export function hostileTieObstacles(
  context: CooperationContext,
  involved: ReadonlySet<string>,
): CooperationObstacle[] {
  return context.hostileTies
    .filter((tie) => involved.has(tie.from) && involved.has(tie.to))
    .map((tie) => hostileTieObstacle(context, tie, true));
}

/** The hostile ties, current at the as-of date, between an actor that could join an area and its participants. */
export function joiningTieObstacles(
  context: CooperationContext,
  joinerId: string,
  participantIds: ReadonlySet<string>,
): CooperationObstacle[] {
  const asOf = context.index.document.theatre.asOf;
  return (context.index.relationshipsByActor.get(joinerId) ?? [])
    .filter((tie) => {
      const other = tie.from === joinerId ? tie.to : tie.from;
      return (
        isHostileKind(tie.kind) &&
        other !== joinerId &&
        participantIds.has(other) &&
        !context.actorIds.has(other) &&
        isCurrentAt(tie, asOf)
      );
    })
    .map((tie) => hostileTieObstacle(context, tie, false));
}

function hostileTieObstacle(
  context: CooperationContext,
  tie: Relationship,
  general: boolean,
): CooperationObstacle {
  const from = actorRef(context.index, tie.from);
  const to = actorRef(context.index, tie.to);
  const since = tie.start === undefined ? "" : ` (since ${tie.start})`;
  return {
    kind: "hostile-tie",
    origin: "derived",
    text: `${from.name} ${HOSTILE_PHRASES[tie.kind] ?? tie.kind} ${to.name}${since}`,
    actors: [from, to],
    entity: { type: "relationship", id: tie.id },
    interestIds: [],
    weight: hostileTieWeight(tie),
    general,
    citations: tie.citations,
  };
}

/**
 * One obstacle per holder→target direction among the involved actors: the strongest instrument that
 * puts `areaId` at risk, else the strongest other one (see `OBSTACLE_WEIGHTS`).
 */
export function leverageObstacles(
  context: CooperationContext,
  involved: ReadonlySet<string>,
  areaId?: string,
): CooperationObstacle[] {
  const byDirection = new Map<string, Leverage[]>();
  for (const instrument of context.leverage) {
    if (!involved.has(instrument.holderId) || !involved.has(instrument.targetId)) continue;
    const key = `${instrument.holderId}\u0000${instrument.targetId}`;
    const list = byDirection.get(key);
    if (list) list.push(instrument);
    else byDirection.set(key, [instrument]);
  }
  const obstacles: CooperationObstacle[] = [];
  for (const instruments of byDirection.values()) {
    const risking = instruments.filter(
      (instrument) => areaId && instrument.risksCooperationAreaIds.includes(areaId),
    );
    const pool = risking.length > 0 ? risking : instruments;
    const strongest = pool.reduce((best, instrument) =>
      strength(instrument) > strength(best) ? instrument : best,
    );
    const holder = actorRef(context.index, strongest.holderId);
    const target = actorRef(context.index, strongest.targetId);
    const others = instruments.length - 1;
    const factor = risking.length > 0 ? OBSTACLE_WEIGHTS.leverageRisk : OBSTACLE_WEIGHTS.otherLeverage;
    obstacles.push({
      kind: "leverage",
      origin: "derived",
      text:
        `${holder.name} holds ${lowerFirst(strongest.instrument)} over ${target.name}` +
        (risking.length > 0 ? "; using it puts this area at risk" : "") +
        (others > 0 ? ` (the strongest of ${others + 1} instruments)` : ""),
      actors: [holder, target],
      entity: { type: "leverage", id: strongest.id },
      interestIds: [],
      weight: (factor * strength(strongest)) / 100,
      general: risking.length === 0,
      citations: strongest.citations,
    });
  }
  return obstacles;
}

function strength(instrument: Leverage): number {
  return instrument.strength?.value ?? OBSTACLE_WEIGHTS.defaultLeverageStrength;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
