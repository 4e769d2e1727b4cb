import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smallTheatre } from "../../../test/fixtures";
import type { Citation } from "../../model/citation";
import { forEachCitation } from "../../model/for-each-citation";
import type { Leverage } from "../../model/leverage";
import type { TheatreDocument } from "../../model/theatre-document";
import { AnalysisError } from "../analysis-error";
import type { LeverageMap } from "./leverage-map-types";
import { mapLeverage } from "./map-leverage";
import { type TheatreIndex, indexTheatre } from "../theatre-index";

const cite = (quote: string): Citation[] => [{ sourceId: "report", quote }];

function lever(id: string, holderId: string, targetId: string, extra: Partial<Leverage> = {}): Leverage {
  return {
    id,
    holderId,
    targetId,
    instrument: `Instrument ${id}`,
    instrumentKind: "other",
    aim: "Press.",
    cost: "Costs.",
    status: "in-use",
    risksCooperationAreaIds: [],
    citations: cite(`${id} is used.`),
    ...extra,
  };
}

/** The small theatre plus a cell inside the rebel wing, an unstated shared area and more instruments. */
function richerTheatre(): TheatreDocument {
  const theatre = smallTheatre();
  const base = theatre.cooperationAreas[0]!;
  theatre.actors.push({
    ...theatre.actors[2]!,
    id: "wing-cell",
    name: "Wing cell",
    parentId: "rebel-wing",
    parentRelation: "branch",
  });
  theatre.cooperationAreas.push({
    ...base,
    id: "prisoner-swap",
    name: "Prisoner swap",
    participants: [
      { actorId: "capital", role: "partner" },
      { actorId: "rebels", role: "partner" },
    ],
  });
  theatre.leverage.push(
    lever("capital-bounty", "capital", "rebel-wing", {
      strength: { basis: "judgement", value: 30, rationale: "r" },
    }),
    lever("mediator-listing", "mediator", "wing-cell", { status: "proposed" }),
    lever("rebel-blockade", "rebels", "capital", { risksCooperationAreaIds: ["ceasefire"] }),
    lever("capital-threat", "capital", "rebels", {
      status: "threatened",
      strength: { basis: "judgement", value: 80, rationale: "r" },
    }),
  );
  theatre.leverage[0]!.strength = { basis: "judgement", value: 55, rationale: "r" };
  theatre.tradeOffs.push({
    ...theatre.tradeOffs[0]!,
    id: "swap-vs-pressure",
    name: "Swap vs pressure",
    leverageIds: [],
    cooperationAreaIds: ["prisoner-swap"],
  });
  return theatre;
}

describe("mapLeverage", () => {
  const index = indexTheatre(richerTheatre());

  it("lists who holds what over the target, strongest party first, in use before threatened", () => {
    const map = mapLeverage(index, { targetId: "rebels" });
    expect(map.over.map((use) => use.leverageId)).toEqual(["capital-sanctions", "capital-threat"]);
    expect(map.holders).toEqual([
      {
        actor: { id: "capital", name: "Capital" },
        instruments: 2,
        inUse: 1,
        kinds: ["other", "sanctions"],
        strongest: { leverageId: "capital-threat", value: 80 },
        statedAreaIds: ["ceasefire"],
        tradeOffIds: ["pressure-vs-talks", "swap-vs-pressure"],
      },
    ]);
    expect(map.over[0]!.strength).toEqual({ basis: "judgement", value: 55, rationale: "r" });
  });

  it("marks stated and inferred areas at risk, and the trade-offs through each", () => {
    const sanctions = mapLeverage(index, { targetId: "rebels" }).over[0]!;
    expect(sanctions.areasAtRisk).toEqual([
      { areaId: "ceasefire", name: "Ceasefire", basis: "stated" },
      { areaId: "prisoner-swap", name: "Prisoner swap", basis: "inferred" },
    ]);
    expect(sanctions.tradeOffs).toEqual([
      {
        tradeOffId: "pressure-vs-talks",
        name: "Pressure vs talks",
        basis: "stated",
        namesInstrument: true,
        viaAreaIds: ["ceasefire"],
      },
      {
        tradeOffId: "swap-vs-pressure",
        name: "Swap vs pressure",
        basis: "inferred",
        namesInstrument: false,
        viaAreaIds: ["prisoner-swap"],
      },
    ]);
  });

  it("carries each area and trade-off in play once, with both imperatives and who puts it at risk", () => {
    const map = mapLeverage(index, { targetId: "rebels" });
    expect(map.areas.map((area) => [area.areaId, area.putAtRiskBy])).toEqual([
      [
        "ceasefire",
        [
          { leverageId: "capital-sanctions", basis: "stated" },
          { leverageId: "capital-threat", basis: "inferred" },
          { leverageId: "rebel-blockade", basis: "stated" },
        ],
      ],
      [
        "prisoner-swap",
        [
          { leverageId: "capital-sanctions", basis: "inferred" },
          { leverageId: "capital-threat", basis: "inferred" },
          { leverageId: "rebel-blockade", basis: "inferred" },
        ],
      ],
    ]);
    const pressure = map.tradeOffs.find((tradeOff) => tradeOff.tradeOffId === "pressure-vs-talks")!;
    expect(pressure.imperatives.map((imperative) => imperative.text)).toEqual([
      "Press the rebels.",
      "Keep talking.",
    ]);
  });

  it("lists the target's own instruments over others", () => {
    const map = mapLeverage(index, { targetId: "rebels" });
    expect(map.heldByTarget.map((use) => [use.leverageId, use.target.id])).toEqual([
      ["rebel-blockade", "capital"],
    ]);
    expect(map.pressed.map((summary) => summary.actor.id)).toEqual(["capital"]);
  });

  it("reaches the target's parts recursively only when asked, and says through which part", () => {
    expect(mapLeverage(index, { targetId: "rebels" }).parts).toEqual([]);
    const map = mapLeverage(index, { targetId: "rebels", includeParts: true });
    expect(map.parts.map((part) => part.path)).toEqual([
      ["rebels", "rebel-wing"],
      ["rebels", "rebel-wing", "wing-cell"],
    ]);
    expect(map.over.map((use) => [use.leverageId, use.part?.id])).toEqual([
      ["capital-sanctions", undefined],
      ["capital-bounty", "rebel-wing"],
      ["capital-threat", undefined],
      ["mediator-listing", "wing-cell"],
    ]);
    expect(map.over[3]!.part).toEqual({
      id: "wing-cell",
      name: "Wing cell",
      relation: "branch",
      path: ["rebels", "rebel-wing", "wing-cell"],
    });
  });

  it("rejects an unknown target with the nearest id", () => {
    expect(() => mapLeverage(index, { targetId: "rebel" })).toThrow(
      new AnalysisError("targetId", 'unknown actor "rebel" (did you mean "rebels"?)', ["rebels"]),
    );
  });
});

/** Random theatres: actors with parents, areas, instruments and trade-offs referring to each other. */
const randomTheatre = fc
  .record({
    parents: fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: 2, maxLength: 7 }),
    areas: fc.array(fc.uniqueArray(fc.nat(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
    levers: fc.array(
      fc.record({
        holder: fc.nat(),
        target: fc.nat(),
        risks: fc.uniqueArray(fc.nat(), { maxLength: 2 }),
        strength: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        status: fc.constantFrom("in-use", "available", "proposed", "threatened" as const),
      }),
      { maxLength: 8 },
    ),
    tradeOffs: fc.array(
      fc.record({
        levers: fc.uniqueArray(fc.nat(), { maxLength: 2 }),
        areas: fc.uniqueArray(fc.nat(), { maxLength: 2 }),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ parents, areas, levers, tradeOffs }) => {
    const theatre = smallTheatre();
    const template = theatre.actors[0]!;
    const actorId = (i: number) => `actor-${i % parents.length}`;
    theatre.actors = parents.map((parent, i) => ({
      ...template,
      id: `actor-${i}`,
      name: `Actor ${i}`,
      // A parent earlier in the list keeps the hierarchy acyclic, as the validator requires.
      ...(parent !== undefined && i > 0
        ? { parentId: `actor-${parent % i}`, parentRelation: "faction" }
        : {}),
    }));
    theatre.cooperationAreas = areas.map((members, i) => ({
      ...theatre.cooperationAreas[0]!,
      id: `area-${i}`,
      participants: [...new Set(members.map(actorId))].map((id) => ({
        actorId: id,
        role: "partner" as const,
      })),
    }));
    const areaId = (i: number) => `area-${i % areas.length}`;
    theatre.leverage = levers
      .filter((l) => actorId(l.holder) !== actorId(l.target))
      .map((l, i) =>
        lever(`lever-${i}`, actorId(l.holder), actorId(l.target), {
          status: l.status,
          risksCooperationAreaIds: [...new Set(l.risks.map(areaId))],
          ...(l.strength === undefined
            ? {}
            : { strength: { basis: "judgement", value: l.strength, rationale: "r" } }),
        }),
      );
    const leverCount = theatre.leverage.length;
    theatre.tradeOffs = tradeOffs.map((t, i) => ({
      ...theatre.tradeOffs[0]!,
      id: `trade-off-${i}`,
      leverageIds: leverCount === 0 ? [] : [...new Set(t.levers.map((n) => `lever-${n % leverCount}`))],
      cooperationAreaIds: [...new Set(t.areas.map(areaId))],
    }));
    theatre.scenarios = [];
    theatre.interests = theatre.interests.map((interest) => ({ ...interest, actorId: "actor-0" }));
    theatre.relationships = [];
    theatre.options = [];
    theatre.events = [];
    theatre.figures = [];
    return { theatre, actorCount: parents.length };
  });

function expectConsistent(index: TheatreIndex, map: LeverageMap): void {
  const areaIds = new Set(map.areas.map((area) => area.areaId));
  const tradeOffIds = new Set(map.tradeOffs.map((tradeOff) => tradeOff.tradeOffId));
  for (const use of [...map.over, ...map.heldByTarget]) {
    expect(index.leverage.has(use.leverageId)).toBe(true);
    for (const risk of use.areasAtRisk) {
      expect(index.cooperationAreas.has(risk.areaId)).toBe(true);
      expect(areaIds.has(risk.areaId)).toBe(true);
    }
    for (const stake of use.tradeOffs) {
      expect(index.tradeOffs.has(stake.tradeOffId)).toBe(true);
      expect(tradeOffIds.has(stake.tradeOffId)).toBe(true);
    }
  }
  forEachCitation(map, [], (citation) => expect(index.sources.has(citation.sourceId)).toBe(true));
}

describe("mapLeverage properties", () => {
  it("is deterministic, refers only to what exists, and covers exactly the target's instruments", () => {
    fc.assert(
      fc.property(randomTheatre, fc.nat(), fc.boolean(), ({ theatre, actorCount }, pick, includeParts) => {
        const index = indexTheatre(theatre);
        const targetId = `actor-${pick % actorCount}`;
        const map = mapLeverage(index, { targetId, includeParts });
        expect(JSON.stringify(mapLeverage(index, { targetId, includeParts }))).toBe(JSON.stringify(map));
        expectConsistent(index, map);
        const reached = new Set([targetId, ...map.parts.map((part) => part.id)]);
        const expectedOver = theatre.leverage.filter((l) => reached.has(l.targetId)).map((l) => l.id);
        expect(map.over.map((use) => use.leverageId).sort()).toEqual(expectedOver.sort());
        const expectedHeld = theatre.leverage.filter((l) => reached.has(l.holderId)).map((l) => l.id);
        expect(map.heldByTarget.map((use) => use.leverageId).sort()).toEqual(expectedHeld.sort());
        for (const use of map.over)
          for (const id of index.leverage.get(use.leverageId)!.risksCooperationAreaIds)
            expect(use.areasAtRisk).toContainEqual(expect.objectContaining({ areaId: id, basis: "stated" }));
      }),
    );
  });

  it("answers any other target with an AnalysisError", () => {
    const index = indexTheatre(richerTheatre());
    fc.assert(
      fc.property(fc.string(), (targetId) => {
        if (index.actors.has(targetId)) return;
        expect(() => mapLeverage(index, { targetId })).toThrow(AnalysisError);
      }),
    );
  });
});
