import { interestReason, type CooperationContext } from "./cooperation-context";
import type { IssueCooperationOpportunity } from "./cooperation-finding";
import { CLOSE_PROXIMITY, scoreBreakdown } from "./cooperation-scoring";
import { positionSpread } from "./position-conflicts";
import { hostileTieObstacles, leverageObstacles } from "./relational-obstacles";

/**
 * The issues on which every queried actor holds a position and the positions lie within
 * (1 − CLOSE_PROXIMITY) of the scale: base = proximity × geometric mean of the saliences / 100.
 * Only the issues in `only` when given.
 */
export function issueOpportunities(
  context: CooperationContext,
  only?: ReadonlySet<string>,
): Omit<IssueCooperationOpportunity, "rank">[] {
  const positions = context.actors.map((actor) => context.index.positionsByActor.get(actor.id));
  if (positions.some((byIssue) => byIssue === undefined)) return [];
  const fewest = positions.reduce((a, b) => (b!.size < a!.size ? b : a))!;
  const obstacles = [
    ...hostileTieObstacles(context, context.actorIds),
    ...leverageObstacles(context, context.actorIds),
  ].sort((a, b) => b.weight - a.weight);
  const opportunities: Omit<IssueCooperationOpportunity, "rank">[] = [];
  for (const issueId of fewest.keys()) {
    if (only && !only.has(issueId)) continue;
    if (!positions.every((byIssue) => byIssue!.has(issueId))) continue;
    const spread = positionSpread(context, issueId, context.actorIds);
    if (!spread) continue;
    const proximity = 1 - spread.spread;
    if (proximity < CLOSE_PROXIMITY) continue;
    const interests = spread.interests.map((interest) => interestReason(context.index, interest, "position"));
    const salience = interests.reduce(
      (product, interest) => product * (interest.salience.value / 100) ** (1 / interests.length),
      1,
    );
    const breakdown = scoreBreakdown(
      "product",
      [
        { name: "proximity", value: proximity, weight: 1 },
        { name: "salience", value: salience, weight: 1 },
      ],
      obstacles,
    );
    opportunities.push({
      kind: "issue",
      id: spread.issue.id,
      name: spread.issue.name,
      score: breakdown.score,
      breakdown,
      why: { interests, statements: [] },
      obstacles,
      question: spread.issue.question,
      scale: spread.issue.scale,
      proximity,
    });
  }
  return opportunities;
}
