import type { CooperationArea, ObstacleKind } from "../model/cooperation-area";
import type { Interest } from "../model/interest";
import type { InstrumentKind, Leverage, LeverageStatus } from "../model/leverage";
import type { Relationship } from "../model/relationship";
import type { TradeOff } from "../model/trade-off";
import type { z } from "zod";
import type { SyntheticActor, SyntheticContext } from "./synthetic-context";

type Field = CooperationArea["field"];

const FIELDS: readonly (readonly [Field, number])[] = [
  ["diplomatic", 9],
  ["counterterrorism", 5],
  ["intelligence", 3],
  ["economic", 2],
  ["humanitarian", 2],
  ["counternarcotics", 1],
  ["border-security", 1],
  ["arms-control", 1],
  ["demining", 1],
  ["evacuation", 1],
  ["mediation", 1],
  ["other", 1],
];
const STATUSES: readonly (readonly [CooperationArea["status"], number])[] = [
  ["exploratory", 4],
  ["active", 3],
  ["proposed", 3],
  ["stalled", 2],
  ["ended", 1],
];
const ROLES = ["partner", "supporter", "facilitator", "beneficiary", "potential"] as const;
const OBSTACLES: readonly (readonly [z.infer<typeof ObstacleKind>, number])[] = [
  ["conflicting-interest", 3],
  ["core-interest", 2],
  ["mistrust", 3],
  ["hostile-tie", 2],
  ["capacity", 2],
  ["political-cost", 2],
  ["other", 1],
];
const INSTRUMENTS: readonly (readonly [z.infer<typeof InstrumentKind>, string])[] = [
  ["sanctions", "Targeted sanctions"],
  ["financial", "Control of frozen funds"],
  ["recognition", "Withholding recognition"],
  ["aid", "Conditional aid"],
  ["military", "Strikes on its positions"],
  ["access", "Control of access routes"],
  ["diplomatic", "Diplomatic isolation"],
  ["intelligence", "Intelligence on its leaders"],
  ["economic", "Trade restrictions"],
  ["militant-proxies", "Support for its armed rivals"],
  ["other", "Public pressure"],
];
const LEVERAGE_STATUSES: readonly (readonly [z.infer<typeof LeverageStatus>, number])[] = [
  ["in-use", 4],
  ["available", 3],
  ["proposed", 2],
  ["threatened", 1],
];

/**
 * Areas of 2-6 participants: a well-tied lead with some of its neighbours and some strangers. Shared
 * interests cite the participants' interests on issues they both hold positions on; obstacles cite their
 * conflicting and core interests.
 */
export function syntheticCooperationAreas(
  context: SyntheticContext,
  actors: readonly SyntheticActor[],
  relationships: readonly Relationship[],
  count: number,
): CooperationArea[] {
  const { random } = context;
  const byId = new Map(actors.map((entry) => [entry.actor.id, entry]));
  const neighbours = new Map<string, string[]>();
  for (const { from, to } of relationships) {
    addTo(neighbours, from, to);
    addTo(neighbours, to, from);
  }
  const areas: CooperationArea[] = [];
  for (let n = 1; n <= count; n++) {
    const hubTie = random.pick(relationships);
    const lead = byId.get(random.chance(0.5) ? hubTie.from : hubTie.to)!;
    const members = new Set([lead]);
    const wanted = random.integer(2, 6);
    for (let attempt = 0; members.size < wanted && attempt < 30; attempt++) {
      const near = neighbours.get(lead.actor.id);
      members.add(near && random.chance(0.5) ? byId.get(random.pick(near))! : random.pick(actors));
    }
    for (const entry of actors) if (members.size < 2) members.add(entry);
    const participants = [...members];
    const field = random.weighted(FIELDS);
    const name = `${capitalise(field.replace(/-/g, " "))} cooperation ${n}`;
    const common = commonIssues(participants);
    const sharedIssues = random.sample(common, 2);
    const sharedInterests = sharedIssues.length
      ? sharedIssues.map(([, interests]) => {
          const text = `${names(interests, byId)} care about ${interests[0]!.position!.issueId}.`;
          return {
            text,
            interestIds: interests.map((interest) => interest.id),
            citations: context.cite(text),
          };
        })
      : [fallbackSharedInterest(context, participants)];
    areas.push({
      id: `area-${n}`,
      name,
      field,
      description: `A synthetic area of ${field} cooperation led by ${lead.actor.name}.`,
      participants: participants.map((member, i) => ({
        actorId: member.actor.id,
        role: i === 0 ? ("lead" as const) : random.pick(ROLES),
      })),
      sharedInterests,
      obstacles: Array.from({ length: random.integer(0, 3) }, () => obstacle(context, participants, common)),
      enablers: Array.from({ length: random.integer(0, 2) }, () => {
        const member = random.pick(participants);
        const text = `${member.actor.name} has a channel to the others.`;
        return { text, actorIds: [member.actor.id], citations: context.cite(text) };
      }),
      status: random.weighted(STATUSES),
      assessment: context.statement(`${name} is judged workable but fragile.`),
      feasibility: context.judgement(random.integer(5, 90)),
      issueIds: sharedIssues.map(([issueId]) => issueId),
      citations: context.cite(`${name} brings ${participants.length} actors together.`),
    });
  }
  return areas;
}

/** Issues on which at least two participants hold positions, with those positions' interests. */
function commonIssues(participants: readonly SyntheticActor[]): [string, Interest[]][] {
  const byIssue = new Map<string, Interest[]>();
  for (const member of participants)
    for (const interest of member.interests)
      if (interest.position) addTo(byIssue, interest.position.issueId, interest);
  return [...byIssue].filter(([, interests]) => interests.length >= 2);
}

function fallbackSharedInterest(context: SyntheticContext, participants: readonly SyntheticActor[]) {
  const interests = participants.slice(0, 2).map((member) => member.interests.at(-1)!);
  const text = `${participants[0]!.actor.name} and ${participants[1]!.actor.name} both want stability.`;
  return { text, interestIds: interests.map((interest) => interest.id), citations: context.cite(text) };
}

function obstacle(
  context: SyntheticContext,
  participants: readonly SyntheticActor[],
  common: readonly [string, Interest[]][],
): CooperationArea["obstacles"][number] {
  const { random } = context;
  const kind = random.weighted(OBSTACLES);
  const member = random.pick(participants);
  if (kind === "conflicting-interest" && common.length > 0) {
    const [issueId, interests] = random.pick(common);
    const sorted = [...interests].sort((a, b) => a.position!.value.value - b.position!.value.value);
    const apart = [sorted[0]!, sorted.at(-1)!];
    const text = `They are far apart on ${issueId}.`;
    return {
      text,
      kind,
      actorIds: apart.map((interest) => interest.actorId),
      interestIds: apart.map((interest) => interest.id),
      citations: context.cite(text),
    };
  }
  if (kind === "core-interest") {
    const core = member.interests.find((interest) => interest.core) ?? member.interests[0]!;
    const text = `${member.actor.name} will not give up: ${core.objective}.`;
    return { text, kind, actorIds: [member.actor.id], interestIds: [core.id], citations: context.cite(text) };
  }
  const other = random.pick(participants);
  const text = `${member.actor.name} faces ${kind.replace(/-/g, " ")} in working with ${other.actor.name}.`;
  const actorIds = other === member ? [member.actor.id] : [member.actor.id, other.actor.id];
  return { text, kind, actorIds, interestIds: [], citations: context.cite(text) };
}

/** Instruments held mostly by well-tied actors over actors of other blocs; some put areas at risk. */
export function syntheticLeverage(
  context: SyntheticContext,
  actors: readonly SyntheticActor[],
  relationships: readonly Relationship[],
  areas: readonly CooperationArea[],
  count: number,
): Leverage[] {
  const { random } = context;
  const byId = new Map(actors.map((entry) => [entry.actor.id, entry]));
  const areasByActor = new Map<string, string[]>();
  for (const area of areas) for (const p of area.participants) addTo(areasByActor, p.actorId, area.id);
  return Array.from({ length: count }, (_, i) => {
    const hubTie = random.pick(relationships);
    const holder = byId.get(random.chance(0.5) ? hubTie.from : hubTie.to)!;
    let target = random.pick(actors);
    for (
      let attempt = 0;
      attempt < 10 && (target === holder || target.camp >> 1 === holder.camp >> 1);
      attempt++
    )
      target = random.pick(actors);
    if (target === holder) target = actors.find((entry) => entry !== holder)!;
    const [instrumentKind, instrument] = random.pick(INSTRUMENTS);
    const targetAreas = areasByActor.get(target.actor.id) ?? [];
    const risks =
      targetAreas.length > 0 && random.chance(0.5)
        ? random.sample(targetAreas, random.integer(1, 2))
        : random.chance(0.15)
          ? [random.pick(areas).id]
          : [];
    const text = `${holder.actor.name} can use ${instrument.toLowerCase()} against ${target.actor.name}.`;
    return {
      id: `lever-${i + 1}`,
      holderId: holder.actor.id,
      targetId: target.actor.id,
      instrument,
      instrumentKind,
      aim: `Make ${target.actor.name} change course.`,
      cost: random.pick(["Hurts civilians.", "Strains alliances.", "Costs money.", "Invites retaliation."]),
      status: random.weighted(LEVERAGE_STATUSES),
      ...(random.chance(0.7) && { strength: context.judgement(random.integer(10, 90)) }),
      risksCooperationAreaIds: risks,
      citations: context.cite(text),
    };
  });
}

/** Pressure against cooperation: each trade-off weighs instruments against the areas they put at risk. */
export function syntheticTradeOffs(
  context: SyntheticContext,
  leverage: readonly Leverage[],
  areas: readonly CooperationArea[],
  count: number,
): TradeOff[] {
  const { random } = context;
  const risky = leverage.filter((lever) => lever.risksCooperationAreaIds.length > 0);
  return Array.from({ length: count }, (_, i) => {
    const lever = random.pick(risky.length > 0 ? risky : leverage);
    const leverageIds = [lever.id];
    const extra = random.pick(leverage);
    if (extra !== lever && random.chance(0.3)) leverageIds.push(extra.id);
    const areaIds =
      lever.risksCooperationAreaIds.length > 0 ? lever.risksCooperationAreaIds : [random.pick(areas).id];
    return {
      id: `trade-off-${i + 1}`,
      name: `Pressure or cooperation ${i + 1}`,
      description: `Using ${lever.instrument.toLowerCase()} may cost cooperation in ${areaIds.join(", ")}.`,
      imperatives: [
        context.statement(`Press ${lever.targetId} with ${lever.instrument.toLowerCase()}.`),
        context.statement(`Keep cooperation in ${areaIds.join(", ")} alive.`),
      ],
      actorIds: [lever.holderId],
      leverageIds,
      cooperationAreaIds: areaIds,
      citations: context.cite(`${lever.holderId} must choose between pressure and cooperation.`),
    };
  });
}

function names(interests: readonly Interest[], byId: ReadonlyMap<string, SyntheticActor>): string {
  return interests.map((interest) => byId.get(interest.actorId)!.actor.name).join(", ");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function addTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
