import type { Issue } from "../../model/issue";
import type { PositionedInterest } from "../theatre-index";
import { interestReason, type CooperationContext } from "./cooperation-context";
import type { CooperationDivergence, CooperationObstacle } from "./cooperation-finding";
import { clamp01, FAR_APART, OBSTACLE_WEIGHTS } from "./cooperation-scoring";

/** The positions some actors hold on an issue, and how far apart the extremes lie. */
export interface PositionSpread {
  issue: Issue;
  /** The positioned interests, in the order the actors were given. */
  interests: PositionedInterest[];
  low: PositionedInterest;
  high: PositionedInterest;
  /** (highest − lowest) / scale range, in [0, 1]. */
  spread: number;
}

/** Undefined when fewer than two of the actors hold a position on the issue. */
export function positionSpread(
  context: CooperationContext,
  issueId: string,
  actorIds: Iterable<string>,
): PositionSpread | undefined {
  const issue = context.index.issues.get(issueId);
  if (!issue) return undefined;
  const interests: PositionedInterest[] = [];
  for (const actorId of actorIds) {
    const interest = context.index.positionsByActor.get(actorId)?.get(issueId);
    if (interest) interests.push(interest);
  }
  if (interests.length < 2) return undefined;
  let low = interests[0]!;
  let high = interests[0]!;
  for (const interest of interests) {
    if (value(interest) < value(low)) low = interest;
    if (value(interest) > value(high)) high = interest;
  }
  const range = issue.scale.max - issue.scale.min;
  return { issue, interests, low, high, spread: clamp01((value(high) - value(low)) / range) };
}

/**
 * Conflicting or core interests on the given issues: the involved actors' positions lie `FAR_APART` or
 * more apart. `restingOn` holds the interests the opportunity rests on, which never weigh on it (see
 * `OBSTACLE_WEIGHTS`).
 */
export function conflictObstacles(
  context: CooperationContext,
  issueIds: readonly string[],
  involved: readonly string[],
  restingOn: ReadonlySet<string>,
): CooperationObstacle[] {
  const obstacles: CooperationObstacle[] = [];
  for (const issueId of issueIds) {
    const found = positionSpread(context, issueId, involved);
    if (!found || found.spread < FAR_APART) continue;
    const { issue, low, high, spread } = found;
    const free = [low, high].filter((interest) => !restingOn.has(interest.id));
    const core = free.filter((interest) => interest.core);
    const salience =
      free.length > 0
        ? Math.max(...free.map((interest) => interest.salience.value)) / 100
        : OBSTACLE_WEIGHTS.sharedConflictSalience;
    const [lowReason, highReason] = [
      interestReason(context.index, low, "position"),
      interestReason(context.index, high, "position"),
    ];
    const text =
      `On ${issue.name}, ${lowReason.actor.name} (${value(low)}) and ${highReason.actor.name} (${value(high)}) ` +
      `stand ${Math.round(spread * 100)}% of the scale apart` +
      core.map((interest) => `; "${interest.objective}" is a core interest`).join("");
    obstacles.push({
      kind: core.length > 0 ? "core-interest" : "conflicting-interest",
      origin: "derived",
      text,
      actors: [lowReason.actor, highReason.actor],
      entity: { type: "issue", id: issue.id },
      interestIds: [low.id, high.id],
      interests: [lowReason, highReason],
      weight:
        core.length > 0
          ? OBSTACLE_WEIGHTS.coreInterest * spread
          : OBSTACLE_WEIGHTS.conflictingInterest * spread * salience,
      general: false,
      citations: [...low.citations, ...high.citations],
    });
  }
  return obstacles;
}

/** Issues on which two or more queried actors stand `FAR_APART` or more apart, widest first. */
export function divergences(context: CooperationContext): CooperationDivergence[] {
  const holders = new Map<string, number>();
  for (const actor of context.actors)
    for (const issueId of context.index.positionsByActor.get(actor.id)?.keys() ?? [])
      holders.set(issueId, (holders.get(issueId) ?? 0) + 1);
  const found: CooperationDivergence[] = [];
  for (const [issueId, count] of holders) {
    if (count < 2) continue;
    const spread = positionSpread(context, issueId, context.actorIds);
    if (!spread || spread.spread < FAR_APART) continue;
    found.push({
      issueId,
      name: spread.issue.name,
      spread: spread.spread,
      interests: spread.interests.map((interest) => interestReason(context.index, interest, "position")),
    });
  }
  return found.sort((a, b) => b.spread - a.spread || (a.issueId < b.issueId ? -1 : 1));
}

function value(interest: PositionedInterest): number {
  return interest.position.value.value;
}
