import type { CooperationArea } from "../../model/cooperation-area";
import type { RelationshipKind } from "../../model/relationship";
import type { CooperationObstacle, CooperationScoreBreakdown } from "./cooperation-finding";

/**
 * Positions lie close when they are at most (1 − CLOSE_PROXIMITY) of the scale apart: an issue is an
 * opportunity from this proximity up, and an outsider "could join" an area within that distance.
 */
export const CLOSE_PROXIMITY = 0.75;

/** Positions at least this share of the scale apart conflict. */
export const FAR_APART = 0.5;

/**
 * Weights of an area opportunity's base (they sum to 1). Each component lies in [0, 1]: feasibility / 100;
 * the status factor; participation, the mean of the queried actors' `PARTICIPATION_CREDIT`; and shared
 * interest, the mean over the queried actors of the highest salience / 100 among each one's interests the
 * opportunity rests on (0 for an actor with none: an interest only one side holds is not shared).
 */
export const AREA_COMPONENT_WEIGHTS = {
  feasibility: 0.35,
  status: 0.15,
  participation: 0.25,
  "shared-interest": 0.25,
} as const;

export const STATUS_FACTORS: Record<CooperationArea["status"], number> = {
  active: 1,
  exploratory: 0.8,
  proposed: 0.6,
  stalled: 0.4,
  ended: 0.2,
};

/**
 * Participation credit of a queried actor in an area. A `potential` participant counts half: the area
 * names it, but it does not take part yet; an actor that could join counts a quarter, as only its
 * interests and positions suggest it.
 */
export const PARTICIPATION_CREDIT = {
  participant: 1,
  potential: 0.5,
  "could-join": 0.25,
  outside: 0,
} as const;

/**
 * Penalty factors, each below 1, combined as 1 − Π(1 − w). Derived obstacles weigh most, core interests
 * first: they are what the finder adds for the queried actors. An area's stated obstacles weigh little, as
 * its assessed feasibility already accounts for them.
 * - core interest at stake on a covered issue: `coreInterest` × spread
 * - conflicting interests on a covered issue: `conflictingInterest` × spread × salience, the salience
 *   being the higher of the two interests' that the opportunity does not rest on (`sharedConflictSalience`
 *   when it rests on both), so raising a shared interest's salience never adds to its own penalty
 * - hostile tie current at the as-of date, between two actors of the opportunity or, for an actor that
 *   could join an area, between it and a participant: by kind
 * - leverage, one per holder→target direction, its strength (default `defaultLeverageStrength`) times
 *   `leverageRisk` for the strongest instrument that puts the area at risk, else `otherLeverage` for the
 *   strongest other instrument: many instruments do not multiply one actor's hold over another
 * - an area's stated obstacles: by their stated kind
 */
export const OBSTACLE_WEIGHTS = {
  coreInterest: 0.35,
  conflictingInterest: 0.3,
  sharedConflictSalience: 0.5,
  hostileTie: { "adversary-of": 0.2, attacks: 0.2, "rival-of": 0.12, pressures: 0.06 } as Partial<
    Record<RelationshipKind, number>
  >,
  leverageRisk: 0.15,
  otherLeverage: 0.06,
  defaultLeverageStrength: 50,
  stated: {
    "core-interest": 0.1,
    "conflicting-interest": 0.08,
    "hostile-tie": 0.08,
    mistrust: 0.04,
    "political-cost": 0.03,
    capacity: 0.03,
    other: 0.02,
  } satisfies Record<CooperationArea["obstacles"][number]["kind"], number>,
} as const;

/** Every constant the cooperation finder scores with, for readers and interfaces that show them. */
export const COOPERATION_SCORING = {
  closeProximity: CLOSE_PROXIMITY,
  farApart: FAR_APART,
  areaComponentWeights: AREA_COMPONENT_WEIGHTS,
  statusFactors: STATUS_FACTORS,
  participationCredit: PARTICIPATION_CREDIT,
  obstacleWeights: OBSTACLE_WEIGHTS,
} as const;

/** A score's breakdown from its components and obstacles. */
export function scoreBreakdown(
  combine: CooperationScoreBreakdown["combine"],
  components: {
    name: CooperationScoreBreakdown["components"][number]["name"];
    value: number;
    weight: number;
  }[],
  obstacles: readonly CooperationObstacle[],
): CooperationScoreBreakdown {
  const scored = components.map((component) => {
    const value = clamp01(component.value);
    const contribution = combine === "sum" ? value * component.weight : value ** component.weight;
    return { ...component, value, contribution };
  });
  const base = clamp01(
    combine === "sum"
      ? scored.reduce((sum, component) => sum + component.contribution, 0)
      : scored.reduce((product, component) => product * component.contribution, 1),
  );
  const penalties = obstacles.map((obstacle) => ({
    kind: obstacle.kind,
    entityId: obstacle.entity.id,
    weight: obstacle.weight,
  }));
  const penalty = 1 - penalties.reduce((remaining, factor) => remaining * (1 - factor.weight), 1);
  return { combine, components: scored, base, penalties, penalty, score: clamp01(base * (1 - penalty)) };
}

export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

export function isHostileKind(kind: RelationshipKind): boolean {
  return OBSTACLE_WEIGHTS.hostileTie[kind] !== undefined;
}
