import type { CooperationArea } from "../../model/cooperation-area";
import { AnalysisError } from "../analysis-error";
import { lookup, type TheatreIndex } from "../theatre-index";
import { areaOpportunity } from "./area-opportunity";
import { actorRef } from "../actor-ref";
import { cooperationContext } from "./cooperation-context";
import type { CooperationFinding, CooperationOpportunity, CooperationQuery } from "./cooperation-finding";
import { issueOpportunities } from "./issue-opportunity";
import { divergences } from "./position-conflicts";
import { hostileTieWeight } from "./relational-obstacles";

/**
 * The cooperation opportunities of two or more actors, ranked: the cooperation areas they share or could
 * join, and the issues on which their positions lie close; each with its score and breakdown, why
 * (shared interests) and what stands in the way (conflicting and core interests, hostile ties, leverage,
 * the area's own obstacles), with citations. Reads only the index's per-actor lookups.
 */
export function findCooperation(index: TheatreIndex, query: CooperationQuery): CooperationFinding {
  if (typeof query !== "object" || query === null)
    throw new AnalysisError("query", "give the actors to find cooperation between");
  const actorIds = checkActors(index, query.actorIds);
  const issueIds = checkFilter(index.issues, query.issueIds, "issueIds", "issue");
  const areaIds = checkFilter(index.cooperationAreas, query.areaIds, "areaIds", "cooperation area");
  const limit = query.limit;
  if (limit !== undefined && (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1))
    throw new AnalysisError("limit", `must be a whole number, 1 or more, not ${String(limit)}`);

  const context = cooperationContext(index, actorIds);
  const filtered = issueIds !== undefined || areaIds !== undefined;
  const wantedIssues = new Set(issueIds ?? []);
  const wantedAreas = new Set(areaIds ?? []);
  const wantsArea = (area: CooperationArea) =>
    !filtered || wantedAreas.has(area.id) || area.issueIds.some((id) => wantedIssues.has(id));

  const areas = new Map<string, CooperationArea>();
  for (const actorId of actorIds)
    for (const area of index.areasByActor.get(actorId) ?? []) if (wantsArea(area)) areas.set(area.id, area);

  const found = [
    ...[...areas.values()].flatMap((area) => areaOpportunity(context, area) ?? []),
    ...(filtered && wantedIssues.size === 0
      ? []
      : issueOpportunities(context, filtered ? wantedIssues : undefined)),
  ].sort(
    (a, b) =>
      b.score - a.score ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const opportunities = found
    .slice(0, limit ?? found.length)
    .map((opportunity, i) => ({ ...opportunity, rank: i + 1 }) as CooperationOpportunity);

  return {
    theatreId: index.document.theatre.id,
    asOf: index.document.theatre.asOf,
    actors: context.actors,
    issueIds: issueIds ?? [],
    areaIds: areaIds ?? [],
    opportunities,
    total: found.length,
    hostileTies: context.hostileTies.map((tie) => ({
      relationshipId: tie.id,
      kind: tie.kind,
      from: actorRef(index, tie.from),
      to: actorRef(index, tie.to),
      description: tie.description,
      ...(tie.start !== undefined ? { start: tie.start } : {}),
      weight: hostileTieWeight(tie),
      citations: tie.citations,
    })),
    leverage: context.leverage.map((instrument) => ({
      leverageId: instrument.id,
      holder: actorRef(index, instrument.holderId),
      target: actorRef(index, instrument.targetId),
      instrument: instrument.instrument,
      instrumentKind: instrument.instrumentKind,
      status: instrument.status,
      ...(instrument.strength !== undefined ? { strength: instrument.strength } : {}),
      risksCooperationAreaIds: instrument.risksCooperationAreaIds,
      citations: instrument.citations,
    })),
    divergences: divergences(context),
  };
}

function checkActors(index: TheatreIndex, actorIds: unknown): string[] {
  if (!Array.isArray(actorIds) || actorIds.length < 2)
    throw new AnalysisError("actorIds", "name at least two actors to find cooperation between");
  const seen = new Map<string, number>();
  return actorIds.map((id: unknown, i) => {
    const field = `actorIds[${i}]`;
    if (typeof id !== "string") throw new AnalysisError(field, "must be an actor id");
    lookup(index.actors, id, field, "actor");
    const earlier = seen.get(id);
    if (earlier !== undefined)
      throw new AnalysisError(field, `"${id}" is already named at actorIds[${earlier}]`);
    seen.set(id, i);
    return id;
  });
}

function checkFilter(
  map: ReadonlyMap<string, unknown>,
  ids: unknown,
  field: string,
  what: string,
): string[] | undefined {
  if (ids === undefined) return undefined;
  if (!Array.isArray(ids) || ids.length === 0)
    throw new AnalysisError(field, `name at least one ${what}, or leave the filter out`);
  const unique = new Set<string>();
  ids.forEach((id: unknown, i) => {
    if (typeof id !== "string") throw new AnalysisError(`${field}[${i}]`, `must be a ${what} id`);
    lookup(map, id, `${field}[${i}]`, what);
    unique.add(id);
  });
  return [...unique];
}
