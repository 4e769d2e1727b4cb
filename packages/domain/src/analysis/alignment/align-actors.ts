import type { Citation } from "../../model/citation";
import type { Issue } from "../../model/issue";
import type { Judged } from "../../model/judgement";
import type { Scale } from "../../model/scale";
import type { PositionedInterest, TheatreIndex } from "../theatre-index";
import { compareIds } from "../compare-ids";
import { type ScoredPair, clusterBlocs } from "./actor-blocs";
import { type AlignmentQuery, checkAlignmentQuery } from "./alignment-query";

/** An actor's position on an issue, as the theatre records it. */
export interface AlignedPosition {
  issueId: string;
  interestId: string;
  objective: string;
  /** On the issue's scale. */
  position: Judged<number>;
  /** How much the issue matters to the actor, 0 to 100. */
  salience: Judged<number>;
  core: boolean;
  citations: Citation[];
}

export interface AlignedActor {
  id: string;
  name: string;
  /** Its positions on the chosen issues, in the theatre's order of issues. */
  positions: AlignedPosition[];
}

export interface AlignmentIssue {
  id: string;
  name: string;
  question: string;
  scale: Scale;
  citations: Citation[];
}

/** One actor's side of an issue the pair shares. */
export interface PairPosition {
  interestId: string;
  position: Judged<number>;
  salience: Judged<number>;
}

export interface IssueAgreement {
  issueId: string;
  /** The two actors' positions, in the order of the pair's `actorIds`. */
  sides: [PairPosition, PairPosition];
  /** 1 − |difference of positions| / scale range: 1 = the same position, 0 = opposite ends. */
  agreement: number;
  /** √(salience × salience), 0 to 100: how much the issue counts in the pair's score. */
  weight: number;
}

export interface ActorPairAlignment {
  actorIds: [string, string];
  /**
   * Σ weight × agreement / Σ weight over the shared issues, 0 (opposed) to 1 (aligned); null when the
   * two share no issue or every shared issue has zero salience for one of them.
   */
  score: number | null;
  /** How many issues both hold positions on: what the score rests on. */
  issueCount: number;
  issues: IssueAgreement[];
}

export interface BlocIssue {
  issueId: string;
  /** The members holding a position on it (at least two). */
  actorIds: string[];
  /** 1 − (highest − lowest member position) / scale range, 0 to 1. */
  agreement: number;
}

/** Actors that clustered together: each pair of clusters merged had an average score ≥ the threshold. */
export interface Bloc {
  /** In the order of their ids. */
  actorIds: string[];
  /** Mean score of the member pairs sharing at least `minimumIssues` issues, 0 to 1. */
  cohesion: number;
  /** How many member pairs the cohesion rests on. */
  pairCount: number;
  /** The issues at least two members hold positions on, in the theatre's order. */
  issues: BlocIssue[];
}

export interface Alignment {
  /** The actors compared, in the order asked for (the theatre's order when all were taken). */
  actors: AlignedActor[];
  /** The issues at least one of them holds a position on, in the theatre's order. */
  issues: AlignmentIssue[];
  blocThreshold: number;
  minimumIssues: number;
  /** Every pair of actors, in the order of `actors`: first with second, first with third, ... */
  pairs: ActorPairAlignment[];
  /** Largest first, then most cohesive, then by first member id. Actors in no bloc are not listed. */
  blocs: Bloc[];
}

/**
 * How closely each pair of actors agrees across the issues they both hold positions on, each issue
 * weighted by the geometric mean of their saliences, and the blocs of actors that cluster together.
 */
export function alignActors(index: TheatreIndex, query: AlignmentQuery): Alignment {
  const { actors, issues, blocThreshold, minimumIssues } = checkAlignmentQuery(index, query);
  const rank = new Map(issues.map((issue, i) => [issue.id, i]));
  const held = actors.map((actor) => positionsOn(index, actor.id, rank));

  const pairs: ActorPairAlignment[] = [];
  const scored: ScoredPair[] = [];
  for (let a = 0; a < actors.length; a++)
    for (let b = a + 1; b < actors.length; b++) {
      const pair = alignPair(actors[a]!.id, actors[b]!.id, held[a]!, held[b]!, issues);
      pairs.push(pair);
      if (pair.score !== null && pair.issueCount >= minimumIssues) scored.push({ a, b, score: pair.score });
    }

  const ids = actors.map((actor) => actor.id);
  const blocs = clusterBlocs(ids, scored, blocThreshold).map((cluster): Bloc => ({
    actorIds: cluster.members.map((member) => ids[member]!),
    cohesion: cluster.cohesion,
    pairCount: cluster.pairCount,
    issues: blocIssues(cluster.members, ids, held, issues),
  }));
  blocs.sort(
    (x, y) =>
      y.actorIds.length - x.actorIds.length ||
      y.cohesion - x.cohesion ||
      compareIds(x.actorIds[0]!, y.actorIds[0]!),
  );

  const heldIssues = new Set(held.flatMap((positions) => positions.map((entry) => entry.rank)));
  return {
    actors: actors.map((actor, a) => ({
      id: actor.id,
      name: actor.name,
      positions: held[a]!.map(({ interest }) => ({
        issueId: interest.position.issueId,
        interestId: interest.id,
        objective: interest.objective,
        position: interest.position.value,
        salience: interest.salience,
        core: interest.core,
        citations: interest.citations,
      })),
    })),
    issues: issues
      .filter((_, i) => heldIssues.has(i))
      .map(({ id, name, question, scale, citations }) => ({ id, name, question, scale, citations })),
    blocThreshold,
    minimumIssues,
    pairs,
    blocs,
  };
}

interface HeldPosition {
  /** The issue's place among the chosen issues. */
  rank: number;
  interest: PositionedInterest;
}

function positionsOn(
  index: TheatreIndex,
  actorId: string,
  rank: ReadonlyMap<string, number>,
): HeldPosition[] {
  const held: HeldPosition[] = [];
  for (const [issueId, interest] of index.positionsByActor.get(actorId) ?? []) {
    const place = rank.get(issueId);
    if (place !== undefined) held.push({ rank: place, interest });
  }
  return held.sort((x, y) => x.rank - y.rank);
}

function alignPair(
  first: string,
  second: string,
  a: readonly HeldPosition[],
  b: readonly HeldPosition[],
  issues: readonly Issue[],
): ActorPairAlignment {
  const shared: IssueAgreement[] = [];
  let weighted = 0;
  let totalWeight = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]!.rank < b[j]!.rank) i++;
    else if (a[i]!.rank > b[j]!.rank) j++;
    else {
      const { scale } = issues[a[i]!.rank]!;
      const x = a[i]!.interest;
      const y = b[j]!.interest;
      const agreement =
        1 - Math.abs(x.position.value.value - y.position.value.value) / (scale.max - scale.min);
      const weight = Math.sqrt(x.salience.value * y.salience.value);
      weighted += weight * agreement;
      totalWeight += weight;
      shared.push({ issueId: x.position.issueId, sides: [side(x), side(y)], agreement, weight });
      i++;
      j++;
    }
  }
  return {
    actorIds: [first, second],
    score: totalWeight > 0 ? weighted / totalWeight : null,
    issueCount: shared.length,
    issues: shared,
  };
}

function side(interest: PositionedInterest): PairPosition {
  return { interestId: interest.id, position: interest.position.value, salience: interest.salience };
}

function blocIssues(
  members: readonly number[],
  ids: readonly string[],
  held: readonly (readonly HeldPosition[])[],
  issues: readonly Issue[],
): BlocIssue[] {
  const byRank = new Map<number, { actorIds: string[]; low: number; high: number }>();
  for (const member of members)
    for (const { rank, interest } of held[member]!) {
      const value = interest.position.value.value;
      const entry = byRank.get(rank);
      if (!entry) byRank.set(rank, { actorIds: [ids[member]!], low: value, high: value });
      else {
        entry.actorIds.push(ids[member]!);
        entry.low = Math.min(entry.low, value);
        entry.high = Math.max(entry.high, value);
      }
    }
  return [...byRank]
    .filter(([, entry]) => entry.actorIds.length >= 2)
    .sort(([x], [y]) => x - y)
    .map(([rank, entry]) => {
      const { id, scale } = issues[rank]!;
      return {
        issueId: id,
        actorIds: entry.actorIds,
        agreement: 1 - (entry.high - entry.low) / (scale.max - scale.min),
      };
    });
}
