import type { Actor } from "../model/actor";
import type { Relationship, RelationshipKind } from "../model/relationship";
import { REGION_NAMES, type SyntheticActor, type SyntheticContext } from "./synthetic-context";

type KindShares = readonly (readonly [RelationshipKind, number])[];

const WITHIN_CAMP: KindShares = [
  ["allied-with", 25],
  ["supports", 20],
  ["cooperates-with", 20],
  ["engages-with", 15],
  ["hosts", 8],
  ["patron-of", 5],
  ["member-of", 4],
  ["proxy-of", 3],
];
const WITHIN_BLOC: KindShares = [
  ["engages-with", 30],
  ["cooperates-with", 20],
  ["negotiates-with", 15],
  ["rival-of", 15],
  ["supports", 10],
  ["pressures", 10],
];
const ACROSS_BLOCS: KindShares = [
  ["adversary-of", 30],
  ["rival-of", 20],
  ["attacks", 15],
  ["pressures", 15],
  ["engages-with", 10],
  ["negotiates-with", 8],
  ["mediates-between", 2],
];
const PARENT_TIES: Record<NonNullable<Actor["parentRelation"]>, RelationshipKind> = {
  branch: "branch-of",
  faction: "faction-of",
  agency: "member-of",
  member: "member-of",
  leader: "leads",
};

/**
 * `perActor` ties from every actor: its parent first, then mostly actors of its own camp (often of its
 * region), some to the first 1% of actors (hubs), some by preferential attachment (an end of a random
 * earlier tie, so well-tied actors gain more) and a few at random. Kinds follow the camps: friendly within a camp, mixed within a bloc,
 * hostile across blocs. No two ties join the same pair.
 */
export function syntheticRelationships(
  context: SyntheticContext,
  actors: readonly SyntheticActor[],
  perActor: number,
): Relationship[] {
  const { random } = context;
  const indexOf = new Map(actors.map((entry, i) => [entry.actor.id, i]));
  const byCamp = new Map<number, number[]>();
  const byCampRegion = new Map<number, number[]>();
  actors.forEach(({ camp, region }, i) => {
    push(byCamp, camp, i);
    push(byCampRegion, camp * REGION_NAMES.length + region, i);
  });
  const hubs = Math.max(3, Math.round(actors.length / 100));
  const joined = new Set<number>();
  const endpoints: number[] = [];
  const ties: Relationship[] = [];
  const pairKey = (a: number, b: number) => Math.min(a, b) * actors.length + Math.max(a, b);

  const drawTarget = (from: number): number => {
    const { camp, region } = actors[from]!;
    const draw = random.next();
    if (draw < 0.25) return random.pick(byCampRegion.get(camp * REGION_NAMES.length + region)!);
    if (draw < 0.45) return random.pick(byCamp.get(camp)!);
    if (draw < 0.55) return random.integer(0, hubs - 1);
    if (draw < 0.8 && endpoints.length > 0) return random.pick(endpoints);
    return random.integer(0, actors.length - 1);
  };

  actors.forEach((source, from) => {
    const parentIndex = source.actor.parentId === undefined ? undefined : indexOf.get(source.actor.parentId);
    for (let k = 0; k < perActor; k++) {
      let to = k === 0 && parentIndex !== undefined ? parentIndex : drawTarget(from);
      for (let attempt = 0; attempt < 20 && (to === from || joined.has(pairKey(from, to))); attempt++)
        to = drawTarget(from);
      for (let step = 1; step < actors.length && (to === from || joined.has(pairKey(from, to))); step++)
        to = (from + step) % actors.length;
      if (to === from || joined.has(pairKey(from, to))) continue;
      joined.add(pairKey(from, to));
      endpoints.push(from, to);
      const kind =
        k === 0 && to === parentIndex
          ? PARENT_TIES[source.actor.parentRelation ?? "member"]
          : random.weighted(kindsBetween(source, actors[to]!));
      ties.push(tie(context, ties.length + 1, kind, source, actors[to]!, actors, from));
    }
  });
  return ties;
}

function kindsBetween(a: SyntheticActor, b: SyntheticActor): KindShares {
  if (a.camp === b.camp) return WITHIN_CAMP;
  return a.camp >> 1 === b.camp >> 1 ? WITHIN_BLOC : ACROSS_BLOCS;
}

function tie(
  context: SyntheticContext,
  number: number,
  kind: RelationshipKind,
  from: SyntheticActor,
  to: SyntheticActor,
  actors: readonly SyntheticActor[],
  fromIndex: number,
): Relationship {
  const { random } = context;
  let otherParty: SyntheticActor | undefined;
  if (kind === "mediates-between") {
    let other = random.integer(0, actors.length - 1);
    while (other === fromIndex || actors[other] === to) other = random.integer(0, actors.length - 1);
    otherParty = actors[other]!;
  }
  const description = otherParty
    ? `${from.actor.name} mediates between ${to.actor.name} and ${otherParty.actor.name}.`
    : `${from.actor.name} ${kind.replace(/-/g, " ")} ${to.actor.name}.`;
  let start: string | undefined;
  let end: string | undefined;
  if (random.chance(0.8)) {
    const year = random.integer(1995, 2023);
    start = random.chance(0.6) ? `${year}` : `${year}-${String(random.integer(1, 12)).padStart(2, "0")}`;
    if (random.chance(0.12)) end = `${random.integer(year + 1, 2024)}`;
  }
  return {
    id: `tie-${number}`,
    kind,
    from: from.actor.id,
    to: to.actor.id,
    ...(otherParty && { otherPartyId: otherParty.actor.id }),
    description,
    ...(start !== undefined && { start }),
    ...(end !== undefined && { end }),
    ...(random.chance(0.6) && { strength: context.judgement(random.integer(10, 95)) }),
    citations: context.cite(description),
  };
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
