import type { Actor, ActorKind } from "../model/actor";
import type { Capability } from "../model/capability";
import type { Interest, InterestCategory } from "../model/interest";
import type { Issue } from "../model/issue";
import type { z } from "zod";
import {
  CAMP_NAMES,
  clamp,
  REGION_NAMES,
  slug,
  type SyntheticActor,
  type SyntheticContext,
} from "./synthetic-context";
import { TOPICS, type SyntheticCamp } from "./synthetic-issues";

type Category = z.infer<typeof InterestCategory>;

const KIND_SHARES: readonly (readonly [ActorKind, number])[] = [
  ["armed-group", 25],
  ["person", 22],
  ["state", 12],
  ["agency", 10],
  ["faction", 10],
  ["political-movement", 8],
  ["non-governmental-organisation", 5],
  ["international-organisation", 3],
  ["state-group", 2],
  ["coalition", 2],
  ["de-facto-authority", 1],
];

const KIND_NOUNS: Record<ActorKind, string> = {
  state: "Republic",
  "state-group": "Union",
  coalition: "Coalition",
  "international-organisation": "Organisation",
  "non-governmental-organisation": "Relief Fund",
  "de-facto-authority": "Authority",
  agency: "Agency",
  "political-movement": "Movement",
  "armed-group": "Front",
  faction: "Faction",
  person: "",
};

/** Which kinds an actor of each kind may belong to, how, and how often it does. */
interface ParentRule {
  kinds: ActorKind[];
  relations: NonNullable<Actor["parentRelation"]>[];
  share: number;
}
const PARENTS: Partial<Record<ActorKind, ParentRule>> = {
  faction: {
    kinds: ["armed-group", "political-movement", "de-facto-authority"],
    relations: ["faction"],
    share: 0.9,
  },
  agency: { kinds: ["state", "de-facto-authority"], relations: ["agency"], share: 0.9 },
  "armed-group": { kinds: ["armed-group"], relations: ["branch"], share: 0.15 },
  person: {
    kinds: ["armed-group", "political-movement", "state", "faction"],
    relations: ["leader", "member"],
    share: 0.4,
  },
  state: {
    kinds: ["state-group", "coalition", "international-organisation"],
    relations: ["member"],
    share: 0.1,
  },
};

const WORDS = [
  "Amber", "Basalt", "Cedar", "Dawn", "Ember", "Falcon", "Granite", "Harbour", "Iron", "Juniper", "Kite",
  "Lantern", "Meridian", "Northwind", "Onyx", "Pine", "Quarry", "River", "Summit", "Thistle", "Umber",
  "Valley", "Willow", "Zenith",
]; // prettier-ignore
const FIRST_NAMES = [
  "Amira", "Bashir", "Carmen", "Dariush", "Elena", "Farid", "Greta", "Hamid", "Ines", "Jamal", "Karima",
  "Leyla", "Marek", "Nadia", "Omar", "Parveen", "Rustam", "Sahar", "Tariq", "Yasmin",
]; // prettier-ignore
const LAST_NAMES = [
  "Aziz", "Brandt", "Castell", "Durrani", "Ekwueme", "Faizi", "Gallo", "Haidari", "Ismail", "Jansen",
  "Karimi", "Lindqvist", "Mansour", "Nazari", "Okafor", "Petrov", "Qureshi", "Rahimi", "Sadat", "Vance",
]; // prettier-ignore

const UNPOSITIONED_OBJECTIVES: readonly (readonly [string, Category])[] = [
  ["Preserve internal cohesion", "political"],
  ["Secure steady funding", "economic"],
  ["Protect its leadership from attack", "security"],
  ["Keep the loyalty of its base", "political"],
  ["Gain standing with regional powers", "regional-influence"],
  ["Uphold its founding doctrine", "ideological"],
  ["Keep channels to its rivals open", "diplomatic"],
  ["Protect civilians in its area", "humanitarian"],
];

export function syntheticActors(
  context: SyntheticContext,
  count: number,
  issues: readonly Issue[],
  camps: readonly SyntheticCamp[],
  interestsPerActor: number,
): SyntheticActor[] {
  const { random } = context;
  const actors: SyntheticActor[] = [];
  /** For each kind of actor, the earlier actors it may belong to. */
  const possibleParents = new Map<ActorKind, number[]>();
  const issuesByRegion = REGION_NAMES.map((_, region) =>
    issues.map((_, i) => i).filter((i) => Math.floor(i / TOPICS.length) % REGION_NAMES.length === region),
  );
  for (let i = 0; i < count; i++) {
    const kind = random.weighted(KIND_SHARES);
    const camp = random.integer(0, camps.length - 1);
    const region = random.integer(0, REGION_NAMES.length - 1);
    const name = actorName(context, kind, i + 1);
    const parent = chooseParent(context, kind, camp, actors, possibleParents.get(kind));
    const founded = random.chance(0.5) ? random.integer(1950, 2020) : undefined;
    const actor: Actor = {
      id: slug(name),
      name,
      kind,
      aliases: kind !== "person" && random.chance(0.6) ? [acronym(name)] : [],
      ...(parent && {
        parentId: parent.actor.id,
        parentRelation: random.pick(PARENTS[kind]!.relations),
      }),
      description: `A synthetic ${kind} of the ${CAMP_NAMES[camp]} camp, based in ${REGION_NAMES[region]}.`,
      ...(founded !== undefined && { founded: `${founded}` }),
      ...(founded !== undefined && random.chance(0.03) && { dissolved: `${random.integer(founded, 2024)}` }),
      capabilities: capabilities(context, issues, camps[camp]!),
      citations: context.cite(`${name} is a ${kind} active in ${REGION_NAMES[region]}.`),
    };
    const synthetic: SyntheticActor = { actor, camp, region, interests: [] };
    synthetic.interests = interestsOf(
      context,
      synthetic,
      issues,
      camps[camp]!,
      issuesByRegion,
      interestsPerActor,
    );
    actors.push(synthetic);
    for (const [childKind, rule] of Object.entries(PARENTS) as [ActorKind, ParentRule][]) {
      if (!rule.kinds.includes(kind)) continue;
      let candidates = possibleParents.get(childKind);
      if (!candidates) possibleParents.set(childKind, (candidates = []));
      candidates.push(i);
    }
  }
  return actors;
}

/** An earlier actor (so parent chains cannot loop) of a kind this one may belong to, preferably of its camp. */
function chooseParent(
  context: SyntheticContext,
  kind: ActorKind,
  camp: number,
  actors: readonly SyntheticActor[],
  candidates: readonly number[] | undefined,
): SyntheticActor | undefined {
  const rule = PARENTS[kind];
  if (!rule || !context.random.chance(rule.share) || !candidates) return undefined;
  let parent = actors[context.random.pick(candidates)]!;
  for (let attempt = 0; attempt < 4 && parent.camp !== camp; attempt++)
    parent = actors[context.random.pick(candidates)]!;
  return parent;
}

function actorName(context: SyntheticContext, kind: ActorKind, number: number): string {
  const { random } = context;
  if (kind === "person") return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)} ${number}`;
  return `${random.pick(WORDS)} ${KIND_NOUNS[kind]} ${number}`;
}

function capabilities(
  context: SyntheticContext,
  issues: readonly Issue[],
  camp: SyntheticCamp,
): Capability[] {
  const { random } = context;
  const general: Capability = {
    score: context.judgedOrSourced(random.integer(5, 95), "Its overall strength is assessed.", 0.2),
  };
  const onIssues = random.sample(camp.focus, random.integer(0, 2)).map((issue) => ({
    issueId: issues[issue]!.id,
    score: context.judgement(random.integer(5, 95)),
  }));
  return [general, ...onIssues];
}

function interestsOf(
  context: SyntheticContext,
  synthetic: SyntheticActor,
  issues: readonly Issue[],
  camp: SyntheticCamp,
  issuesByRegion: readonly number[][],
  count: number,
): Interest[] {
  const { random } = context;
  const { actor, region } = synthetic;
  const positioned = Math.min(Math.round(count * 0.8), issues.length);
  const chosen = new Set<number>();
  const regionIssues = issuesByRegion[region]!;
  while (chosen.size < positioned) {
    const draw = random.next();
    const pool = draw < 0.6 ? camp.focus : draw < 0.8 && regionIssues.length > 0 ? regionIssues : undefined;
    chosen.add(pool ? random.pick(pool) : random.integer(0, issues.length - 1));
  }
  const interests: Interest[] = [...chosen].map((issue, k) => {
    const t = TOPICS[issue % TOPICS.length]!;
    const value = clamp(Math.round(camp.ideal[issue]! + random.noise(10)));
    const salience = camp.focusSet.has(issue) ? random.integer(50, 95) : random.integer(15, 65);
    const objective = `${t.goals[value < 50 ? 0 : 1]} (${issues[issue]!.name})`;
    return {
      id: `${actor.id}-${k + 1}`,
      actorId: actor.id,
      objective,
      category: t.category,
      salience: context.judgement(salience),
      core: salience >= 85 && random.chance(0.35),
      position: {
        issueId: issues[issue]!.id,
        value: context.judgedOrSourced(value, `${actor.name} wants to ${objective.toLowerCase()}.`, 0.15),
      },
      citations: context.cite(`${actor.name}: ${objective}.`),
    };
  });
  for (let k = interests.length; k < count; k++) {
    const [objective, category] = random.pick(UNPOSITIONED_OBJECTIVES);
    const salience = random.integer(20, 90);
    interests.push({
      id: `${actor.id}-${k + 1}`,
      actorId: actor.id,
      objective,
      category,
      salience: context.judgement(salience),
      core: salience >= 85 && random.chance(0.35),
      citations: context.cite(`${actor.name} seeks to ${objective.toLowerCase()}.`),
    });
  }
  return interests;
}

function acronym(name: string): string {
  const words = name.split(" ");
  const number = words.pop();
  return `${words.map((word) => word[0]).join("")}-${number}`;
}
