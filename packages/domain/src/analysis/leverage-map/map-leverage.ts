import { actorRef } from "../actor-ref";
import { byId, compareIds } from "../compare-ids";
import type { Actor } from "../../model/actor";
import type { CooperationArea } from "../../model/cooperation-area";
import type { Leverage } from "../../model/leverage";
import type { TradeOff } from "../../model/trade-off";
import { type TheatreIndex, lookup } from "../theatre-index";
import type {
  AreaAtRisk,
  LeverageActorPart,
  LeverageAreaInPlay,
  LeverageMap,
  LeverageMapQuery,
  LeveragePartySummary,
  LeverageTradeOffInPlay,
  LeverageUse,
  TradeOffAtStake,
} from "./leverage-map-types";

/** Who holds which instruments over an actor, which the actor holds over others, and what each risks. */
export function mapLeverage(index: TheatreIndex, query: LeverageMapQuery): LeverageMap {
  const target = lookup(index.actors, query.targetId, "targetId", "actor");
  const includeParts = query.includeParts === true;
  const parts = includeParts ? partsOf(index, target) : [];
  const reach = new Map<string, LeverageActorPart | undefined>([[target.id, undefined]]);
  for (const part of parts) reach.set(part.id, part);

  const over: LeverageUse[] = [];
  const held: LeverageUse[] = [];
  for (const [actorId, part] of reach) {
    for (const lever of index.leverageByTarget.get(actorId) ?? []) over.push(describeUse(index, lever, part));
    for (const lever of index.leverageByHolder.get(actorId) ?? []) held.push(describeUse(index, lever, part));
  }
  const holders = summarise(index, over, (use) => use.holder.id);
  const pressed = summarise(index, held, (use) => use.target.id);
  const sortedOver = groupBy(over, holders, (use) => use.holder.id);
  const sortedHeld = groupBy(held, pressed, (use) => use.target.id);
  const all = [...sortedOver, ...sortedHeld];
  return {
    target: { id: target.id, name: target.name, kind: target.kind },
    includeParts,
    parts,
    over: sortedOver,
    holders,
    heldByTarget: sortedHeld,
    pressed,
    areas: areasInPlay(index, all),
    tradeOffs: tradeOffsInPlay(index, all),
  };
}

function partsOf(index: TheatreIndex, root: Actor): LeverageActorPart[] {
  const parts: LeverageActorPart[] = [];
  const seen = new Set([root.id]);
  const visit = (actor: Actor, path: string[]) => {
    const children = [...(index.childrenByActor.get(actor.id) ?? [])].sort(byId);
    for (const child of children) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      const childPath = [...path, child.id];
      parts.push({ id: child.id, name: child.name, relation: child.parentRelation, path: childPath });
      visit(child, childPath);
    }
  };
  visit(root, [root.id]);
  return parts;
}

function describeUse(index: TheatreIndex, lever: Leverage, part: LeverageActorPart | undefined): LeverageUse {
  const stated = new Set(lever.risksCooperationAreaIds);
  const areasAtRisk: AreaAtRisk[] = [...stated].map((areaId) => ({
    areaId,
    name: index.cooperationAreas.get(areaId)?.name ?? areaId,
    basis: "stated",
  }));
  for (const area of sharedAreas(index, lever.holderId, lever.targetId))
    if (!stated.has(area.id)) areasAtRisk.push({ areaId: area.id, name: area.name, basis: "inferred" });

  return {
    leverageId: lever.id,
    holder: actorRef(index, lever.holderId),
    target: actorRef(index, lever.targetId),
    ...(part ? { part } : {}),
    instrument: lever.instrument,
    instrumentKind: lever.instrumentKind,
    aim: lever.aim,
    cost: lever.cost,
    status: lever.status,
    ...(lever.strength ? { strength: lever.strength } : {}),
    areasAtRisk,
    tradeOffs: tradeOffsAtStake(index, lever, areasAtRisk),
    citations: lever.citations,
  };
}

function sharedAreas(index: TheatreIndex, holderId: string, targetId: string): CooperationArea[] {
  const targetAreas = new Set((index.areasByActor.get(targetId) ?? []).map((area) => area.id));
  return (index.areasByActor.get(holderId) ?? []).filter((area) => targetAreas.has(area.id));
}

function tradeOffsAtStake(index: TheatreIndex, lever: Leverage, areas: AreaAtRisk[]): TradeOffAtStake[] {
  const found = new Map<string, TradeOffAtStake>();
  const entry = (tradeOff: TradeOff) => {
    let stake = found.get(tradeOff.id);
    if (!stake)
      found.set(
        tradeOff.id,
        (stake = {
          tradeOffId: tradeOff.id,
          name: tradeOff.name,
          basis: "inferred",
          namesInstrument: false,
          viaAreaIds: [],
        }),
      );
    return stake;
  };
  for (const tradeOff of index.tradeOffsByLeverage.get(lever.id) ?? []) {
    const stake = entry(tradeOff);
    stake.namesInstrument = true;
    stake.basis = "stated";
  }
  for (const area of areas)
    for (const tradeOff of index.tradeOffsByArea.get(area.areaId) ?? []) {
      const stake = entry(tradeOff);
      stake.viaAreaIds.push(area.areaId);
      if (area.basis === "stated") stake.basis = "stated";
    }
  const basisRank = (stake: TradeOffAtStake) => (stake.basis === "stated" ? 0 : 1);
  return [...found.values()].sort(
    (a, b) => basisRank(a) - basisRank(b) || compareIds(a.tradeOffId, b.tradeOffId),
  );
}

const STATUS_RANK: Record<Leverage["status"], number> = {
  "in-use": 0,
  threatened: 1,
  available: 2,
  proposed: 3,
};

/** Parties with the most instruments first, then the strongest, then by id. */
function summarise(index: TheatreIndex, uses: LeverageUse[], party: (use: LeverageUse) => string) {
  const byParty = new Map<string, LeverageUse[]>();
  for (const use of uses) {
    const list = byParty.get(party(use));
    if (list) list.push(use);
    else byParty.set(party(use), [use]);
  }
  const summaries = [...byParty].map(([actorId, list]): LeveragePartySummary => {
    let strongest: LeveragePartySummary["strongest"];
    for (const use of list) {
      const value = use.strength?.value;
      if (value !== undefined && (strongest === undefined || value > strongest.value))
        strongest = { leverageId: use.leverageId, value };
    }
    return {
      actor: actorRef(index, actorId),
      instruments: list.length,
      inUse: list.filter((use) => use.status === "in-use").length,
      kinds: unique(list.map((use) => use.instrumentKind)).sort(compareIds),
      ...(strongest ? { strongest } : {}),
      statedAreaIds: unique(
        list.flatMap((use) => use.areasAtRisk.filter((a) => a.basis === "stated").map((a) => a.areaId)),
      ).sort(compareIds),
      tradeOffIds: unique(list.flatMap((use) => use.tradeOffs.map((t) => t.tradeOffId))).sort(compareIds),
    };
  });
  return summaries.sort(
    (a, b) =>
      b.instruments - a.instruments ||
      (b.strongest?.value ?? -1) - (a.strongest?.value ?? -1) ||
      compareIds(a.actor.id, b.actor.id),
  );
}

/** The uses in the order of their party's summary; within a party, in use first, then strongest, then id. */
function groupBy(uses: LeverageUse[], order: LeveragePartySummary[], party: (use: LeverageUse) => string) {
  const rank = new Map(order.map((summary, i) => [summary.actor.id, i]));
  return [...uses].sort(
    (a, b) =>
      rank.get(party(a))! - rank.get(party(b))! ||
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      (b.strength?.value ?? -1) - (a.strength?.value ?? -1) ||
      compareIds(a.leverageId, b.leverageId),
  );
}

function areasInPlay(index: TheatreIndex, uses: LeverageUse[]): LeverageAreaInPlay[] {
  const found = new Map<string, LeverageAreaInPlay>();
  for (const use of uses)
    for (const risk of use.areasAtRisk) {
      let entry = found.get(risk.areaId);
      if (!entry) {
        const area = index.cooperationAreas.get(risk.areaId);
        if (!area) continue;
        found.set(
          area.id,
          (entry = {
            areaId: area.id,
            name: area.name,
            field: area.field,
            status: area.status,
            feasibility: area.feasibility,
            participantIds: unique(area.participants.map((participant) => participant.actorId)),
            assessment: area.assessment,
            putAtRiskBy: [],
          }),
        );
      }
      entry.putAtRiskBy.push({ leverageId: use.leverageId, basis: risk.basis });
    }
  return [...found.values()];
}

function tradeOffsInPlay(index: TheatreIndex, uses: LeverageUse[]): LeverageTradeOffInPlay[] {
  const found = new Map<string, LeverageTradeOffInPlay>();
  for (const use of uses)
    for (const stake of use.tradeOffs) {
      let entry = found.get(stake.tradeOffId);
      if (!entry) {
        const tradeOff = index.tradeOffs.get(stake.tradeOffId);
        if (!tradeOff) continue;
        found.set(
          tradeOff.id,
          (entry = {
            tradeOffId: tradeOff.id,
            name: tradeOff.name,
            description: tradeOff.description,
            imperatives: tradeOff.imperatives,
            actorIds: tradeOff.actorIds,
            involves: [],
            citations: tradeOff.citations,
          }),
        );
      }
      entry.involves.push({ leverageId: use.leverageId, basis: stake.basis });
    }
  return [...found.values()];
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
