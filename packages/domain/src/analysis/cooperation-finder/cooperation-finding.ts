import type { ActorRef } from "../actor-ref";
import type { Citation, Statement } from "../../model/citation";
import type { CooperationArea } from "../../model/cooperation-area";
import type { Judged } from "../../model/judgement";
import type { Leverage } from "../../model/leverage";
import type { RelationshipKind } from "../../model/relationship";
import type { Scale } from "../../model/scale";

export interface CooperationQuery {
  /** Two or more distinct actor ids. */
  actorIds: string[];
  /**
   * Limit the finding to these issues: the issue opportunities on them and the areas that cover one.
   * When `areaIds` is given too, an opportunity matching either filter is kept.
   */
  issueIds?: string[];
  /** Limit the finding to these cooperation areas (and, with `issueIds`, to the issues named there). */
  areaIds?: string[];
  /** At most this many opportunities, the best first (a whole number, 1 or more); all when absent. */
  limit?: number;
}

/** The ranked cooperation opportunities for a set of actors, and the hostility and leverage among them. */
export interface CooperationFinding {
  theatreId: string;
  /** The theatre's as-of date: only relationships current then count as hostile ties. */
  asOf: string;
  /** The queried actors, in the order asked. */
  actors: ActorRef[];
  /** The filters applied (empty: none). */
  issueIds: string[];
  areaIds: string[];
  /** Best first: score descending, then areas before issues, then id. */
  opportunities: CooperationOpportunity[];
  /** How many opportunities there were before `limit` cut the list. */
  total: number;
  /** Hostile relationships among the queried actors current at `asOf`, each listed once. */
  hostileTies: CooperationHostileTie[];
  /** Every instrument one queried actor holds over another. */
  leverage: CooperationLeverage[];
  /**
   * Issues on which two or more queried actors hold positions at least `FAR_APART` of the scale apart.
   * They penalise an area opportunity only when the area covers the issue (see `conflictObstacles`),
   * never an issue opportunity: a divergence elsewhere would lower every issue alike and say nothing
   * about the issue itself. They are listed here so a reader sees what divides the actors overall.
   */
  divergences: CooperationDivergence[];
}

export type CooperationOpportunity = AreaCooperationOpportunity | IssueCooperationOpportunity;

interface OpportunityBase {
  /** 1 for the best opportunity. */
  rank: number;
  id: string;
  name: string;
  /** base × (1 − penalty), in [0, 1]. */
  score: number;
  breakdown: CooperationScoreBreakdown;
  why: CooperationReasons;
  /** What stands in the way; each one's `weight` is one penalty factor of the breakdown. */
  obstacles: CooperationObstacle[];
}

/** An existing cooperation area that the queried actors share or could join. */
export interface AreaCooperationOpportunity extends OpportunityBase {
  kind: "area";
  field: CooperationArea["field"];
  status: CooperationArea["status"];
  /** The theatre's assessed feasibility, 0-100, with its basis. */
  feasibility: Judged<number>;
  assessment: Statement;
  issueIds: string[];
  /** Each queried actor's place in the area, in query order. */
  involvement: AreaInvolvement[];
}

/**
 * How a queried actor stands towards an area.
 * - `participant`: the area names it (any role; `potential` is the area's own word for "not yet").
 * - `could-join`: not named, but it owns an interest one of the area's shared interests cites, or on at
 *   least one of the area's issues it and a participant hold positions, and on every such issue its
 *   position lies within (1 − CLOSE_PROXIMITY) of the scale of the participants' mean position.
 * - `outside`: neither (kept only when two other queried actors take part).
 */
export interface AreaInvolvement {
  actor: ActorRef;
  involvement: "participant" | "could-join" | "outside";
  role?: CooperationArea["participants"][number]["role"];
  note?: string;
  /** For `could-join`: the area's issues on which its position lies close to the participants'. */
  closeOnIssueIds?: string[];
}

/** An issue on which every queried actor holds a position and the positions lie close together. */
export interface IssueCooperationOpportunity extends OpportunityBase {
  kind: "issue";
  question: string;
  scale: Scale;
  /** 1 − (highest − lowest position) / scale range, in [CLOSE_PROXIMITY, 1]. */
  proximity: number;
}

export interface CooperationReasons {
  /** The queried actors' interests the opportunity rests on. */
  interests: CooperationInterest[];
  /** The area's own statements of shared interest (areas only), with the queried actors' interests they cite. */
  statements: CooperationStatement[];
}

export interface CooperationStatement {
  text: string;
  /** The cited interests that belong to queried actors (may be empty: the area rests on others'). */
  queriedInterestIds: string[];
  citations: Citation[];
}

export interface CooperationInterest {
  interestId: string;
  actor: ActorRef;
  objective: string;
  /** 0-100, with its basis (judgement with rationale, or sourced with citations). */
  salience: Judged<number>;
  core: boolean;
  position?: { issueId: string; value: Judged<number> };
  /**
   * `shared-interest`: an area's shared interest cites it. `position`: its position on the issue (issue
   * opportunities) or on one of the area's issues (for an actor that could join) makes it count.
   */
  via: "shared-interest" | "position";
  citations: Citation[];
}

export type CooperationObstacleKind =
  | "conflicting-interest"
  | "core-interest"
  | "hostile-tie"
  | "leverage"
  | "mistrust"
  | "capacity"
  | "political-cost"
  | "other";

export interface CooperationObstacle {
  kind: CooperationObstacleKind;
  /** `area`: the cooperation area states it. `derived`: found in the theatre's interests, ties or leverage. */
  origin: "area" | "derived";
  text: string;
  /** The actors it concerns (may include actors outside the query, e.g. al-Qaeda). */
  actors: ActorRef[];
  /** Where it comes from: the area (with the obstacle's index), a relationship, a leverage instrument, an issue. */
  entity: { type: "cooperation-area" | "relationship" | "leverage" | "issue"; id: string; index?: number };
  interestIds: string[];
  /** For conflicting and core interests: the interests in conflict, with saliences and positions. */
  interests?: CooperationInterest[];
  /** The penalty factor, in [0, 1): see `OBSTACLE_WEIGHTS`. */
  weight: number;
  /**
   * True when it weighs on the queried actors' opportunities alike, not on this one in particular: a
   * hostile tie between them, or their leverage over each other that puts no particular area at risk.
   */
  general: boolean;
  citations: Citation[];
}

/**
 * How the score is made, so a reader can recompute it:
 * base = Σ contributions (`combine: "sum"`, contribution = value × weight, weights summing to 1) or
 * Π contributions (`combine: "product"`, contribution = value ^ weight);
 * penalty = 1 − Π (1 − factor.weight); score = base × (1 − penalty).
 */
export interface CooperationScoreBreakdown {
  combine: "sum" | "product";
  components: CooperationScoreComponent[];
  base: number;
  /** One factor per obstacle, in the obstacles' order. */
  penalties: { kind: CooperationObstacleKind; entityId: string; weight: number }[];
  penalty: number;
  score: number;
}

export interface CooperationScoreComponent {
  name: "feasibility" | "status" | "participation" | "shared-interest" | "proximity" | "salience";
  /** In [0, 1]. */
  value: number;
  weight: number;
  contribution: number;
}

export interface CooperationHostileTie {
  relationshipId: string;
  kind: RelationshipKind;
  from: ActorRef;
  to: ActorRef;
  description: string;
  start?: string;
  /** The penalty factor it adds to every opportunity both actors take part in. */
  weight: number;
  citations: Citation[];
}

export interface CooperationLeverage {
  leverageId: string;
  holder: ActorRef;
  target: ActorRef;
  instrument: string;
  instrumentKind: Leverage["instrumentKind"];
  status: Leverage["status"];
  strength?: Judged<number>;
  risksCooperationAreaIds: string[];
  citations: Citation[];
}

export interface CooperationDivergence {
  issueId: string;
  name: string;
  /** (highest − lowest position) / scale range, in [FAR_APART, 1]. */
  spread: number;
  interests: CooperationInterest[];
}
