import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smallTheatre } from "../../../test/fixtures";
import { forEachCitation } from "../../model/for-each-citation";
import type { Relationship } from "../../model/relationship";
import type { TheatreDocument } from "../../model/theatre-document";
import { AnalysisError } from "../analysis-error";
import { indexTheatre } from "../theatre-index";
import type { CooperationFinding, CooperationQuery } from "./cooperation-finding";
import { findCooperation } from "./find-cooperation";

const cite = (quote: string) => [{ sourceId: "report", quote }];
const judged = (value: number) => ({ basis: "judgement" as const, value, rationale: "fixture" });

function find(document: TheatreDocument, query: CooperationQuery): CooperationFinding {
  return findCooperation(indexTheatre(document), query);
}

function opportunity(finding: CooperationFinding, id: string) {
  return finding.opportunities.find((entry) => entry.id === id);
}

/** Recomputes a score from its breakdown, as a reader would. */
function recomputed(breakdown: CooperationFinding["opportunities"][number]["breakdown"]): number {
  const base =
    breakdown.combine === "sum"
      ? breakdown.components.reduce((sum, component) => sum + component.value * component.weight, 0)
      : breakdown.components.reduce((product, component) => product * component.value ** component.weight, 1);
  return base * breakdown.penalties.reduce((remaining, factor) => remaining * (1 - factor.weight), 1);
}

describe("findCooperation on the small theatre", () => {
  const finding = find(smallTheatre(), { actorIds: ["capital", "rebels"] });
  const ceasefire = opportunity(finding, "ceasefire");

  it("finds the area both actors take part in, with its stated and derived obstacles", () => {
    expect(ceasefire?.kind).toBe("area");
    if (ceasefire?.kind !== "area") return;
    expect(ceasefire.involvement.map((entry) => [entry.actor.id, entry.involvement, entry.role])).toEqual([
      ["capital", "participant", "partner"],
      ["rebels", "participant", "partner"],
    ]);
    expect(ceasefire.why.interests.map((interest) => interest.interestId)).toEqual(["capital-peace"]);
    const kinds = ceasefire.obstacles.map((obstacle) => [obstacle.kind, obstacle.origin, obstacle.entity.id]);
    expect(kinds).toContainEqual(["core-interest", "area", "ceasefire"]);
    // capital-unity (core, 10) against rebels-autonomy (80 apart on a 0-100 scale): a core interest at stake.
    expect(kinds).toContainEqual(["core-interest", "derived", "autonomy"]);
    expect(kinds).toContainEqual(["leverage", "derived", "capital-sanctions"]);
    expect(ceasefire.obstacles.find((obstacle) => obstacle.kind === "leverage")?.text).toMatch(/at risk/);
  });

  it("ignores a hostile tie that ended before the as-of date, and counts it while current", () => {
    expect(finding.hostileTies).toEqual([]);
    const document = smallTheatre();
    delete document.relationships[0]!.end;
    const current = find(document, { actorIds: ["capital", "rebels"] });
    expect(current.hostileTies.map((tie) => tie.relationshipId)).toEqual(["rebels-attack-capital"]);
    expect(opportunity(current, "ceasefire")!.score).toBeLessThan(ceasefire!.score);
  });

  it("explains its score: the breakdown recomputes it", () => {
    expect(ceasefire!.score).toBeCloseTo(recomputed(ceasefire!.breakdown), 12);
    expect(ceasefire!.breakdown.penalties).toHaveLength(ceasefire!.obstacles.length);
  });

  it("does not find issue opportunities where positions lie far apart, but lists the divergence", () => {
    expect(finding.opportunities.filter((entry) => entry.kind === "issue")).toEqual([]);
    expect(finding.divergences.map((divergence) => [divergence.issueId, divergence.spread])).toEqual([
      ["autonomy", 0.8],
    ]);
  });
});

/** Three actors, two issues, one area: a and b take part; c could join (close on "trade"). */
function tradeTheatre(): TheatreDocument {
  const document = smallTheatre();
  const actor = (id: string) => ({
    id,
    name: id.toUpperCase(),
    kind: "state" as const,
    aliases: [],
    description: id,
    capabilities: [],
    citations: cite(id),
  });
  const issue = (id: string) => ({
    id,
    name: `Issue ${id}`,
    question: `${id}?`,
    scale: { min: 0, max: 10, minLabel: "no", maxLabel: "yes" },
    citations: cite(id),
  });
  const interest = (actorId: string, issueId: string, position: number, salience: number, core = false) => ({
    id: `${actorId}-${issueId}`,
    actorId,
    objective: `${actorId} on ${issueId}`,
    salience: judged(salience),
    core,
    position: { issueId, value: judged(position) },
    citations: cite(`${actorId} ${issueId}`),
  });
  document.actors = [actor("a"), actor("b"), actor("c")];
  document.issues = [issue("trade"), issue("borders")];
  document.interests = [
    interest("a", "trade", 8, 70),
    interest("b", "trade", 9, 60),
    interest("c", "trade", 7, 50),
    interest("a", "borders", 1, 80),
    interest("b", "borders", 9, 40),
  ];
  document.relationships = [];
  document.leverage = [];
  document.tradeOffs = [];
  document.scenarios = [];
  document.options = [];
  document.events = [];
  document.figures = [];
  document.cooperationAreas = [
    {
      ...smallTheatre().cooperationAreas[0]!,
      id: "free-trade",
      name: "Free trade",
      participants: [
        { actorId: "a", role: "lead" },
        { actorId: "b", role: "partner" },
      ],
      sharedInterests: [
        { text: "Both trade.", interestIds: ["a-trade", "b-trade"], citations: cite("trade") },
      ],
      obstacles: [],
      status: "active",
      issueIds: ["trade", "borders"],
    },
  ];
  return document;
}

describe("findCooperation on a made-up trade theatre", () => {
  it("lets an actor join an area when its positions lie close to the participants'", () => {
    const finding = find(tradeTheatre(), { actorIds: ["a", "b", "c"] });
    const area = opportunity(finding, "free-trade");
    if (area?.kind !== "area") throw new Error("no area");
    expect(area.involvement.map((entry) => entry.involvement)).toEqual([
      "participant",
      "participant",
      "could-join",
    ]);
    expect(area.involvement[2]!.closeOnIssueIds).toEqual(["trade"]);
    expect(area.why.interests.map((interest) => [interest.interestId, interest.via])).toEqual([
      ["a-trade", "shared-interest"],
      ["b-trade", "shared-interest"],
      ["c-trade", "position"],
    ]);
    // a and b stand 8 of 10 apart on borders, an issue the area covers.
    expect(area.obstacles.map((obstacle) => [obstacle.kind, obstacle.entity.id])).toEqual([
      ["conflicting-interest", "borders"],
    ]);
  });

  it("never weighs an interest the area rests on against it", () => {
    const document = tradeTheatre();
    document.cooperationAreas[0]!.sharedInterests[0]!.interestIds.push("b-borders");
    const area = opportunity(find(document, { actorIds: ["a", "b"] }), "free-trade")!;
    // Only a-borders (salience 80) weighs: b-borders (40) is one of the interests the area rests on.
    expect(area.obstacles[0]!.weight).toBeCloseTo(0.3 * 0.8 * 0.8, 12);
    document.interests[4]!.salience = judged(100);
    expect(
      opportunity(find(document, { actorIds: ["a", "b"] }), "free-trade")!.obstacles[0]!.weight,
    ).toBeCloseTo(0.3 * 0.8 * 0.8, 12);
  });

  it("finds an issue where every actor's position lies close, scored by proximity and salience", () => {
    const finding = find(tradeTheatre(), { actorIds: ["a", "b", "c"] });
    const trade = opportunity(finding, "trade");
    if (trade?.kind !== "issue") throw new Error("no issue");
    expect(trade.proximity).toBeCloseTo(0.8, 12);
    expect(trade.breakdown.base).toBeCloseTo(0.8 * Math.cbrt(0.7 * 0.6 * 0.5), 12);
    expect(trade.why.interests.map((interest) => interest.interestId)).toEqual([
      "a-trade",
      "b-trade",
      "c-trade",
    ]);
    expect(opportunity(finding, "borders")).toBeUndefined();
  });

  it("keeps an area only when two actors take part, or one does and the others could join", () => {
    const document = tradeTheatre();
    document.interests.push({
      ...document.interests[0]!,
      id: "c-far",
      actorId: "c",
      position: { issueId: "borders", value: judged(5) },
    });
    // c's position on borders (5) lies 0 from the participants' mean (5): still close.
    expect(opportunity(find(document, { actorIds: ["a", "c"] }), "free-trade")).toBeDefined();
    document.interests[2]!.position!.value = judged(0);
    expect(opportunity(find(document, { actorIds: ["a", "c"] }), "free-trade")).toBeUndefined();
    expect(opportunity(find(document, { actorIds: ["a", "b", "c"] }), "free-trade")).toBeDefined();
  });

  it("limits the finding to the named issues or areas, and caps it with limit", () => {
    const document = tradeTheatre();
    const all = find(document, { actorIds: ["a", "b"] });
    expect(all.opportunities.map((entry) => entry.id).sort()).toEqual(["free-trade", "trade"]);
    expect(
      find(document, { actorIds: ["a", "b"], areaIds: ["free-trade"] }).opportunities.map(
        (entry) => entry.id,
      ),
    ).toEqual(["free-trade"]);
    expect(
      find(document, { actorIds: ["a", "b"], issueIds: ["trade"] })
        .opportunities.map((entry) => entry.id)
        .sort(),
    ).toEqual(["free-trade", "trade"]);
    const capped = find(document, { actorIds: ["a", "b"], limit: 1 });
    expect(capped.opportunities).toHaveLength(1);
    expect(capped.total).toBe(2);
    expect(capped.opportunities[0]).toEqual(all.opportunities[0]);
  });
});

describe("findCooperation rejects bad input with an AnalysisError naming the field", () => {
  const index = indexTheatre(smallTheatre());
  const rejects = (query: unknown, field: string) => {
    try {
      findCooperation(index, query as CooperationQuery);
    } catch (error) {
      expect(error).toBeInstanceOf(AnalysisError);
      expect((error as AnalysisError).field).toBe(field);
      return;
    }
    throw new Error(`accepted ${JSON.stringify(query)}`);
  };

  it.each<[string, unknown, string]>([
    ["no actors", { actorIds: [] }, "actorIds"],
    ["one actor", { actorIds: ["capital"] }, "actorIds"],
    ["an unknown actor", { actorIds: ["capital", "rebells"] }, "actorIds[1]"],
    ["an actor named twice", { actorIds: ["capital", "rebels", "capital"] }, "actorIds[2]"],
    ["an unknown issue", { actorIds: ["capital", "rebels"], issueIds: ["autonomyy"] }, "issueIds[0]"],
    ["an empty issue filter", { actorIds: ["capital", "rebels"], issueIds: [] }, "issueIds"],
    ["an unknown area", { actorIds: ["capital", "rebels"], areaIds: ["truce"] }, "areaIds[0]"],
    ["a limit of 0", { actorIds: ["capital", "rebels"], limit: 0 }, "limit"],
    ["a fractional limit", { actorIds: ["capital", "rebels"], limit: 1.5 }, "limit"],
    ["no query", undefined, "query"],
    ["actor ids that are not strings", { actorIds: [1, 2] }, "actorIds[0]"],
  ])("%s", (_, query, field) => rejects(query, field));

  it("suggests the id meant", () => {
    expect(() => findCooperation(index, { actorIds: ["capital", "rebells"] })).toThrow(
      /did you mean "rebels"/,
    );
  });
});

/** A random little theatre: every reference valid, every collection the finder reads exercised. */
const arbitraryTheatre = fc
  .record({
    actors: fc.integer({ min: 2, max: 5 }),
    issues: fc.integer({ min: 1, max: 3 }),
    interests: fc.array(
      fc.record({
        actor: fc.nat(),
        issue: fc.option(fc.nat(), { nil: undefined }),
        position: fc.integer({ min: 0, max: 100 }),
        salience: fc.integer({ min: 0, max: 100 }),
        core: fc.boolean(),
      }),
      { minLength: 1, maxLength: 14 },
    ),
    ties: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        kind: fc.constantFrom(
          "adversary-of",
          "attacks",
          "rival-of",
          "pressures",
          "supports",
          "negotiates-with",
        ),
        ended: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    areas: fc.array(
      fc.record({
        participants: fc.uniqueArray(fc.nat({ max: 4 }), { minLength: 2, maxLength: 4 }),
        potential: fc.boolean(),
        shared: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        issues: fc.array(fc.nat(), { maxLength: 2 }),
        status: fc.constantFrom("proposed", "exploratory", "active", "stalled", "ended"),
        feasibility: fc.integer({ min: 0, max: 100 }),
        obstacle: fc.constantFrom("mistrust", "capacity", "core-interest", "hostile-tie", undefined),
      }),
      { maxLength: 4 },
    ),
    leverage: fc.array(
      fc.record({
        holder: fc.nat(),
        target: fc.nat(),
        strength: fc.option(fc.integer({ min: 0, max: 100 })),
        risks: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
  })
  .map((spec): TheatreDocument => {
    const document = smallTheatre();
    const actorId = (n: number) => `actor-${n % spec.actors}`;
    const issueId = (n: number) => `issue-${n % spec.issues}`;
    document.actors = Array.from({ length: spec.actors }, (_, i) => ({
      ...smallTheatre().actors[0]!,
      id: `actor-${i}`,
      name: `Actor ${i}`,
      aliases: [],
    }));
    document.issues = Array.from({ length: spec.issues }, (_, i) => ({
      ...smallTheatre().issues[0]!,
      id: `issue-${i}`,
      name: `Issue ${i}`,
    }));
    const positioned = new Set<string>();
    document.interests = spec.interests.map((entry, i) => {
      const key = entry.issue === undefined ? "" : `${actorId(entry.actor)} ${issueId(entry.issue)}`;
      const position =
        key !== "" && !positioned.has(key)
          ? { issueId: issueId(entry.issue!), value: judged(entry.position) }
          : undefined;
      if (position) positioned.add(key);
      return {
        id: `interest-${i}`,
        actorId: actorId(entry.actor),
        objective: `Objective ${i}`,
        salience: judged(entry.salience),
        core: entry.core,
        ...(position ? { position } : {}),
        citations: cite(`interest ${i}`),
      };
    });
    document.relationships = spec.ties
      .filter((tie) => actorId(tie.from) !== actorId(tie.to))
      .map((tie, i) => ({
        id: `tie-${i}`,
        kind: tie.kind,
        from: actorId(tie.from),
        to: actorId(tie.to),
        description: "A tie.",
        start: "2020",
        ...(tie.ended ? { end: "2021" } : {}),
        citations: cite(`tie ${i}`),
      }));
    document.cooperationAreas = spec.areas.map((area, i) => {
      const participantIds = new Set(area.participants.map(actorId));
      const owned = document.interests.filter((interest) => participantIds.has(interest.actorId));
      const pool = (owned.length > 0 ? owned : document.interests).map((interest) => interest.id);
      return {
        ...smallTheatre().cooperationAreas[0]!,
        id: `area-${i}`,
        name: `Area ${i}`,
        participants: [...new Set(area.participants.map(actorId))].map((id, j) => ({
          actorId: id,
          role: area.potential && j > 0 ? ("potential" as const) : ("partner" as const),
        })),
        sharedInterests: [
          {
            text: "Shared.",
            interestIds: [...new Set(area.shared.map((n) => pool[n % pool.length]!))],
            citations: cite(`area ${i}`),
          },
        ],
        obstacles: area.obstacle
          ? [
              {
                text: "In the way.",
                kind: area.obstacle,
                actorIds: [actorId(area.participants[0]!)],
                interestIds: [],
                citations: cite("way"),
              },
            ]
          : [],
        status: area.status,
        feasibility: judged(area.feasibility),
        issueIds: [...new Set(area.issues.map(issueId))],
      };
    });
    document.leverage = spec.leverage
      .filter((entry) => actorId(entry.holder) !== actorId(entry.target))
      .map((entry, i) => ({
        ...smallTheatre().leverage[0]!,
        id: `leverage-${i}`,
        holderId: actorId(entry.holder),
        targetId: actorId(entry.target),
        ...(entry.strength !== null ? { strength: judged(entry.strength) } : {}),
        risksCooperationAreaIds: entry.risks && spec.areas.length > 0 ? ["area-0"] : [],
      }));
    document.tradeOffs = [];
    document.scenarios = [];
    document.options = [];
    document.events = [];
    document.figures = [];
    return document;
  });

const arbitraryPair = fc.tuple(fc.nat(), fc.nat({ max: 3 }));

function pairOf(document: TheatreDocument, [first, offset]: [number, number]): string[] {
  const count = document.actors.length;
  return [`actor-${first % count}`, `actor-${(first + 1 + (offset % (count - 1))) % count}`];
}

describe("findCooperation properties", () => {
  it("is deterministic, bounded, ranked and explained", () => {
    fc.assert(
      fc.property(arbitraryTheatre, arbitraryPair, (document, pair) => {
        const query = { actorIds: pairOf(document, pair) };
        const finding = find(document, query);
        expect(JSON.stringify(find(document, query))).toBe(JSON.stringify(finding));
        finding.opportunities.forEach((entry, i) => {
          expect(entry.rank).toBe(i + 1);
          expect(entry.score).toBeGreaterThanOrEqual(0);
          expect(entry.score).toBeLessThanOrEqual(1);
          expect(entry.score).toBeCloseTo(recomputed(entry.breakdown), 12);
          if (i > 0) expect(finding.opportunities[i - 1]!.score).toBeGreaterThanOrEqual(entry.score);
        });
      }),
    );
  });

  it("cites only sources of the theatre", () => {
    fc.assert(
      fc.property(arbitraryTheatre, arbitraryPair, (document, pair) => {
        const index = indexTheatre(document);
        forEachCitation(findCooperation(index, { actorIds: pairOf(document, pair) }), [], (citation) =>
          expect(index.sources.has(citation.sourceId)).toBe(true),
        );
      }),
    );
  });

  it("never lowers an opportunity's score when the salience of an interest it rests on rises", () => {
    fc.assert(
      fc.property(
        arbitraryTheatre,
        arbitraryPair,
        fc.nat(),
        fc.integer({ min: 1, max: 100 }),
        (document, pair, pick, raise) => {
          const query = { actorIds: pairOf(document, pair) };
          const before = find(document, query);
          const chosen = before.opportunities[pick % Math.max(1, before.opportunities.length)];
          const interests = chosen?.why.interests ?? [];
          fc.pre(chosen !== undefined && interests.length > 0);
          const interestId = interests[pick % interests.length]!.interestId;
          const interest = document.interests.find((entry) => entry.id === interestId)!;
          interest.salience = judged(Math.min(100, interest.salience.value + raise));
          const after = opportunity(find(document, query), chosen!.id)!;
          expect(after.score).toBeGreaterThanOrEqual(chosen!.score - 1e-12);
        },
      ),
    );
  });

  it("never raises an opportunity's score when a hostile relationship is added", () => {
    fc.assert(
      fc.property(
        arbitraryTheatre,
        arbitraryPair,
        fc.tuple(fc.nat(), fc.nat()),
        fc.constantFrom<Relationship["kind"]>("adversary-of", "attacks", "rival-of", "pressures"),
        (document, pair, [from, to], kind) => {
          const query = { actorIds: pairOf(document, pair) };
          const before = find(document, query);
          const count = document.actors.length;
          const [fromId, toId] = [
            `actor-${from % count}`,
            `actor-${(from + 1 + (to % (count - 1))) % count}`,
          ];
          document.relationships.push({
            id: "added-tie",
            kind,
            from: fromId,
            to: toId,
            description: "Hostile.",
            citations: cite("added"),
          });
          const after = find(document, query);
          expect(after.opportunities.map((entry) => entry.id).sort()).toEqual(
            before.opportunities.map((entry) => entry.id).sort(),
          );
          for (const entry of before.opportunities)
            expect(opportunity(after, entry.id)!.score).toBeLessThanOrEqual(entry.score + 1e-12);
        },
      ),
    );
  });

  it("answers any query with a finding or an AnalysisError, never another exception", () => {
    const index = indexTheatre(smallTheatre());
    const id = fc.oneof(
      fc.constantFrom("capital", "rebels", "mediator", "rebel-wing", "autonomy", "ceasefire"),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            actorIds: fc.array(id, { maxLength: 4 }),
            issueIds: fc.array(id, { maxLength: 2 }),
            areaIds: fc.array(id, { maxLength: 2 }),
            limit: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double()),
          },
          { requiredKeys: ["actorIds"] },
        ),
        (query) => {
          try {
            findCooperation(index, query);
          } catch (error) {
            expect(error).toBeInstanceOf(AnalysisError);
          }
        },
      ),
    );
  });
});
