import type { Actor } from "../../model/actor";
import type { Issue } from "../../model/issue";
import { AnalysisError } from "../analysis-error";
import { type TheatreIndex, lookup } from "../theatre-index";

export interface AlignmentQuery {
  /** The actors to compare; when absent, every actor holding a position on one of the chosen issues. */
  actorIds?: readonly string[];
  /** The issues to compare them on; every issue of the theatre when absent. */
  issueIds?: readonly string[];
  /** Clusters merge into a bloc while their average alignment is at least this, 0 to 1. */
  blocThreshold?: number;
  /** A pair counts towards blocs only if it shares at least this many issues, a whole number ≥ 1. */
  minimumIssues?: number;
}

/** Pairs grow with the square of the actors: above this many, the caller must choose actors or issues. */
export const MAX_ALIGNED_ACTORS = 1000;
export const DEFAULT_BLOC_THRESHOLD = 0.75;
export const DEFAULT_MINIMUM_ISSUES = 2;

export interface CheckedAlignmentQuery {
  actors: Actor[];
  issues: Issue[];
  blocThreshold: number;
  minimumIssues: number;
}

/** The query's actors, issues and parameters, or an AnalysisError naming the field at fault. */
export function checkAlignmentQuery(index: TheatreIndex, query: AlignmentQuery): CheckedAlignmentQuery {
  if (typeof query !== "object" || query === null) throw new AnalysisError("query", "must be an object");
  const issueIds = idList(query.issueIds, "issueIds");
  const issues = issueIds
    ? issueIds.map((id, i) => lookup(index.issues, id, `issueIds[${i}]`, "issue"))
    : index.document.issues;
  const actorIds = idList(query.actorIds, "actorIds");
  const actors = actorIds
    ? actorIds.map((id, i) => lookup(index.actors, id, `actorIds[${i}]`, "actor"))
    : actorsWithPositions(index, issues);
  if (actors.length < 2)
    throw new AnalysisError(
      "actorIds",
      actorIds
        ? "name at least two actors to align"
        : "fewer than two actors hold positions on the chosen issues",
    );
  if (actors.length > MAX_ALIGNED_ACTORS)
    throw new AnalysisError(
      "actorIds",
      `${actors.length} actors make ${(actors.length * (actors.length - 1)) / 2} pairs; ` +
        `choose at most ${MAX_ALIGNED_ACTORS} actors (actorIds) or fewer issues (issueIds)`,
    );
  return {
    actors,
    issues,
    blocThreshold: fraction(query.blocThreshold, "blocThreshold", DEFAULT_BLOC_THRESHOLD),
    minimumIssues: wholeNumber(query.minimumIssues, "minimumIssues", DEFAULT_MINIMUM_ISSUES),
  };
}

function actorsWithPositions(index: TheatreIndex, issues: readonly Issue[]): Actor[] {
  const chosen = new Set(issues.map((issue) => issue.id));
  return index.document.actors.filter((actor) => {
    const positions = index.positionsByActor.get(actor.id);
    if (!positions) return false;
    for (const issueId of positions.keys()) if (chosen.has(issueId)) return true;
    return false;
  });
}

/** A list of distinct ids, or undefined when absent. */
function idList(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new AnalysisError(field, "must be a list of ids");
  if (value.length === 0) throw new AnalysisError(field, "must name at least one id, or be left out");
  const seen = new Set<string>();
  value.forEach((id: unknown, i) => {
    if (typeof id !== "string") throw new AnalysisError(`${field}[${i}]`, "must be an id");
    if (seen.has(id)) throw new AnalysisError(`${field}[${i}]`, `"${id}" is named twice`);
    seen.add(id);
  });
  return value as string[];
}

function fraction(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value >= 0 && value <= 1))
    throw new AnalysisError(field, `must be a number from 0 to 1, not ${String(value)}`);
  return value;
}

function wholeNumber(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
    throw new AnalysisError(field, `must be a whole number of at least 1, not ${String(value)}`);
  return value;
}
