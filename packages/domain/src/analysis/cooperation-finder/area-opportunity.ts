import type { CooperationArea } from "../../model/cooperation-area";
import { actorRef } from "../actor-ref";
import { interestReason, type CooperationContext } from "./cooperation-context";
import type {
  AreaCooperationOpportunity,
  AreaInvolvement,
  CooperationInterest,
  CooperationObstacle,
} from "./cooperation-finding";
import {
  AREA_COMPONENT_WEIGHTS,
  CLOSE_PROXIMITY,
  OBSTACLE_WEIGHTS,
  PARTICIPATION_CREDIT,
  STATUS_FACTORS,
  scoreBreakdown,
} from "./cooperation-scoring";
import { conflictObstacles } from "./position-conflicts";
import { hostileTieObstacles, joiningTieObstacles, leverageObstacles } from "./relational-obstacles";

/**
 * The area as an opportunity for the queried actors, or undefined unless two of them take part, or one
 * does and every other could join.
 */
export function areaOpportunity(
  context: CooperationContext,
  area: CooperationArea,
): Omit<AreaCooperationOpportunity, "rank"> | undefined {
  const involvement = context.actors.map((actor): AreaInvolvement => {
    const participant = area.participants.find((entry) => entry.actorId === actor.id);
    if (participant)
      return {
        actor,
        involvement: "participant",
        role: participant.role,
        ...(participant.note !== undefined ? { note: participant.note } : {}),
      };
    const closeOnIssueIds = couldJoin(context, area, actor.id);
    return closeOnIssueIds
      ? { actor, involvement: "could-join", closeOnIssueIds }
      : { actor, involvement: "outside" };
  });
  const taking = involvement.filter((entry) => entry.involvement === "participant").length;
  const outside = involvement.filter((entry) => entry.involvement === "outside").length;
  if (taking < 2 && !(taking === 1 && outside === 0)) return undefined;

  const statements = area.sharedInterests.map((shared) => ({
    text: shared.text,
    queriedInterestIds: shared.interestIds.filter((id) => ownedByQueried(context, id)),
    citations: shared.citations,
  }));
  const interests = new Map<string, CooperationInterest>();
  for (const statement of statements)
    for (const id of statement.queriedInterestIds)
      if (!interests.has(id))
        interests.set(id, interestReason(context.index, context.index.interests.get(id)!, "shared-interest"));
  for (const entry of involvement)
    for (const issueId of entry.closeOnIssueIds ?? []) {
      const interest = context.index.positionsByActor.get(entry.actor.id)?.get(issueId);
      if (interest && !interests.has(interest.id))
        interests.set(interest.id, interestReason(context.index, interest, "position"));
    }
  const why = { interests: [...interests.values()], statements };

  const involved = involvement
    .filter((entry) => entry.involvement !== "outside")
    .map((entry) => entry.actor.id);
  const involvedSet = new Set(involved);
  const participantIds = new Set(area.participants.map((participant) => participant.actorId));
  const obstacles = [
    ...statedObstacles(context, area),
    ...conflictObstacles(context, area.issueIds, involved, new Set(interests.keys())),
    ...hostileTieObstacles(context, involvedSet),
    ...involvement
      .filter((entry) => entry.involvement === "could-join")
      .flatMap((entry) => joiningTieObstacles(context, entry.actor.id, participantIds)),
    ...leverageObstacles(context, involvedSet, area.id),
  ].sort((a, b) => b.weight - a.weight);

  const stakes = context.actors.map((actor) =>
    Math.max(
      0,
      ...why.interests
        .filter((interest) => interest.actor.id === actor.id)
        .map((interest) => interest.salience.value / 100),
    ),
  );
  const breakdown = scoreBreakdown(
    "sum",
    [
      {
        name: "feasibility",
        value: area.feasibility.value / 100,
        weight: AREA_COMPONENT_WEIGHTS.feasibility,
      },
      { name: "status", value: STATUS_FACTORS[area.status], weight: AREA_COMPONENT_WEIGHTS.status },
      {
        name: "participation",
        value: mean(involvement.map(participationCredit)),
        weight: AREA_COMPONENT_WEIGHTS.participation,
      },
      {
        name: "shared-interest",
        value: mean(stakes),
        weight: AREA_COMPONENT_WEIGHTS["shared-interest"],
      },
    ],
    obstacles,
  );

  return {
    kind: "area",
    id: area.id,
    name: area.name,
    score: breakdown.score,
    breakdown,
    why,
    obstacles,
    field: area.field,
    status: area.status,
    feasibility: area.feasibility,
    assessment: area.assessment,
    issueIds: area.issueIds,
    involvement,
  };
}

/**
 * For a non-participant that could join (see AreaInvolvement), the area's issues on which its position
 * lies close to the participants' mean; undefined when it could not join.
 */
function couldJoin(
  context: CooperationContext,
  area: CooperationArea,
  actorId: string,
): string[] | undefined {
  const positions = context.index.positionsByActor.get(actorId);
  const close: string[] = [];
  let comparable = 0;
  for (const issueId of area.issueIds) {
    const own = positions?.get(issueId);
    const issue = context.index.issues.get(issueId);
    if (!own || !issue) continue;
    const theirs = area.participants
      .map((participant) => context.index.positionsByActor.get(participant.actorId)?.get(issueId))
      .filter((interest) => interest !== undefined)
      .map((interest) => interest.position.value.value);
    if (theirs.length === 0) continue;
    comparable++;
    const distance = Math.abs(own.position.value.value - mean(theirs)) / (issue.scale.max - issue.scale.min);
    if (distance <= 1 - CLOSE_PROXIMITY) close.push(issueId);
  }
  if (comparable > 0 && close.length === comparable) return close;
  return citesInterestOf(context, area, actorId) ? close : undefined;
}

function citesInterestOf(context: CooperationContext, area: CooperationArea, actorId: string): boolean {
  return area.sharedInterests.some((shared) =>
    shared.interestIds.some((id) => context.index.interests.get(id)?.actorId === actorId),
  );
}

function statedObstacles(context: CooperationContext, area: CooperationArea): CooperationObstacle[] {
  return area.obstacles.map((obstacle, index) => ({
    kind: obstacle.kind,
    origin: "area",
    text: obstacle.text,
    actors: obstacle.actorIds.map((id) => actorRef(context.index, id)),
    entity: { type: "cooperation-area", id: area.id, index },
    interestIds: obstacle.interestIds,
    weight: OBSTACLE_WEIGHTS.stated[obstacle.kind],
    general: false,
    citations: obstacle.citations,
  }));
}

function ownedByQueried(context: CooperationContext, interestId: string): boolean {
  const owner = context.index.interests.get(interestId)?.actorId;
  return owner !== undefined && context.actorIds.has(owner);
}

function participationCredit(entry: AreaInvolvement): number {
  if (entry.involvement === "participant")
    return entry.role === "potential" ? PARTICIPATION_CREDIT.potential : PARTICIPATION_CREDIT.participant;
  return PARTICIPATION_CREDIT[entry.involvement];
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
