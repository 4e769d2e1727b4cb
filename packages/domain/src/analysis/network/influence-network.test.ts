import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smallTheatre } from "../../../test/fixtures";
import { forEachCitation } from "../../model/for-each-citation";
import { RelationshipKind, type Relationship } from "../../model/relationship";
import type { TheatreDocument } from "../../model/theatre-document";
import { AnalysisError } from "../analysis-error";
import { indexTheatre, type TheatreIndex } from "../theatre-index";
import { findBrokers } from "./brokers";
import { DEFAULT_CHANNEL_KINDS, INFLUENCE_CHANNELS } from "./influence-channels";
import { findInfluencePaths } from "./influence-paths";
import { buildInfluenceGraph } from "./relationship-graph";

const cite = (quote: string) => [{ sourceId: "report", quote }];

function theatreWith(actorIds: readonly string[], relationships: Omit<Relationship, "citations">[]) {
  const document: TheatreDocument = smallTheatre();
  for (const id of actorIds)
    if (!document.actors.some((actor) => actor.id === id))
      document.actors.push({
        id,
        name: id.toUpperCase(),
        kind: "armed-group",
        aliases: [],
        description: "An actor.",
        capabilities: [],
        citations: cite(`${id} exists.`),
      });
  document.relationships = relationships.map((relationship) => ({
    ...relationship,
    citations: cite(`${relationship.id} is so.`),
  }));
  return indexTheatre(document);
}

const tie = (kind: RelationshipKind, from: string, to: string, extra: Partial<Relationship> = {}) => ({
  id: `${from}-${kind}-${to}`,
  kind,
  from,
  to,
  description: `${from} ${kind} ${to}.`,
  ...extra,
});

/** Arcs of the influence graph, derived straight from the channel table. */
function referenceArcs(index: TheatreIndex, kinds: readonly RelationshipKind[]): Map<string, Set<string>> {
  const next = new Map<string, Set<string>>([...index.actors.keys()].map((id) => [id, new Set<string>()]));
  const asOf = index.document.theatre.asOf;
  for (const r of index.document.relationships) {
    if (!kinds.includes(r.kind) || (r.end !== undefined && r.end < asOf.slice(0, r.end.length))) continue;
    if (r.start !== undefined && r.start.slice(0, asOf.length) > asOf) continue;
    for (const party of [r.to, ...(r.otherPartyId ? [r.otherPartyId] : [])]) {
      if (party === r.from) continue;
      const direction = INFLUENCE_CHANNELS[r.kind].direction;
      if (direction !== "to-from") next.get(r.from)!.add(party);
      if (direction !== "from-to") next.get(party)!.add(r.from);
    }
  }
  return next;
}

function bfs(next: Map<string, Set<string>>, root: string) {
  const dist = new Map([[root, 0]]);
  const count = new Map([[root, 1]]);
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of next.get(v)!) {
      if (!dist.has(w)) {
        dist.set(w, dist.get(v)! + 1);
        count.set(w, 0);
        queue.push(w);
      }
      if (dist.get(w) === dist.get(v)! + 1) count.set(w, count.get(w)! + count.get(v)!);
    }
  }
  return { dist, count };
}

function referenceBetweenness(next: Map<string, Set<string>>): Map<string, number> {
  const ids = [...next.keys()];
  const all = new Map(ids.map((id) => [id, bfs(next, id)]));
  const scores = new Map(ids.map((id) => [id, 0]));
  for (const s of ids)
    for (const t of ids) {
      const d = all.get(s)!.dist.get(t);
      if (s === t || d === undefined) continue;
      for (const v of ids) {
        if (v === s || v === t) continue;
        const a = all.get(s)!.dist.get(v);
        const b = all.get(v)!.dist.get(t);
        if (a !== undefined && b !== undefined && a + b === d)
          scores.set(
            v,
            scores.get(v)! +
              (all.get(s)!.count.get(v)! * all.get(v)!.count.get(t)!) / all.get(s)!.count.get(t)!,
          );
      }
    }
  return scores;
}

const ACTORS = ["a", "b", "c", "d", "e", "f", "g", "h"];
const theatres = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...RelationshipKind.options),
      from: fc.constantFrom(...ACTORS),
      to: fc.constantFrom(...ACTORS),
      other: fc.constantFrom(...ACTORS),
      end: fc.constantFrom(undefined, "2020", "2024-05", "2030"),
    }),
    { maxLength: 24 },
  )
  .map((ties) =>
    theatreWith(
      ACTORS,
      ties
        .filter((t) => t.from !== t.to)
        .map((t, i) => ({
          ...tie(t.kind, t.from, t.to),
          id: `r${i}`,
          ...(t.kind === "mediates-between" && t.other !== t.from && t.other !== t.to
            ? { otherPartyId: t.other }
            : {}),
          ...(t.end ? { end: t.end } : {}),
        })),
    ),
  );
const kindChoices = fc.option(fc.subarray([...RelationshipKind.options], { minLength: 1 }), {
  nil: undefined,
});

function expectCitationsResolve(index: TheatreIndex, result: unknown) {
  let count = 0;
  forEachCitation(result, [], (citation) => {
    count++;
    expect(index.sources.has(citation.sourceId)).toBe(true);
  });
  return count;
}

describe("buildInfluenceGraph", () => {
  it("uses current channel ties, merges parallel ones and joins a mediator to both parties", () => {
    const index = theatreWith(
      ["a", "b", "c"],
      [
        tie("supports", "a", "b"),
        tie("allied-with", "a", "b"),
        tie("attacks", "b", "c"),
        tie("hosts", "b", "c", { end: "2020" }),
        tie("mediates-between", "mediator", "a", { otherPartyId: "c" }),
      ],
    );
    const graph = buildInfluenceGraph(index);
    const edges = graph.edges.map((edge) => ({
      from: graph.actorIds[edge.from],
      to: graph.actorIds[edge.to],
      ids: edge.relationships.map((entry) => `${entry.relationship.id}/${entry.direction}`),
    }));
    expect(edges).toEqual([
      { from: "a", to: "b", ids: ["a-supports-b/as-stated", "a-allied-with-b/as-stated"] },
      { from: "b", to: "a", ids: ["a-allied-with-b/reversed"] },
      { from: "mediator", to: "a", ids: ["mediator-mediates-between-a/as-stated"] },
      { from: "a", to: "mediator", ids: ["mediator-mediates-between-a/reversed"] },
      { from: "mediator", to: "c", ids: ["mediator-mediates-between-a/as-stated"] },
      { from: "c", to: "mediator", ids: ["mediator-mediates-between-a/reversed"] },
    ]);
    expect(graph.description.leftOut).toEqual({ otherKinds: 1, ended: 1, notYetStarted: 0 });
    expect(buildInfluenceGraph(index, { includeInactive: true }).description.edges).toBe(7);
    expect(buildInfluenceGraph(index, { kinds: ["attacks"] }).description.edges).toBe(1);
  });

  it("treats hostile ties as channels only when asked", () => {
    expect(DEFAULT_CHANNEL_KINDS).not.toContain("attacks");
    expect(DEFAULT_CHANNEL_KINDS).not.toContain("adversary-of");
    expect(DEFAULT_CHANNEL_KINDS).not.toContain("rival-of");
    expect(DEFAULT_CHANNEL_KINDS).toContain("hosts");
  });

  it("rejects unknown and empty kinds with an AnalysisError naming the field", () => {
    const index = theatreWith([], []);
    expect(() => buildInfluenceGraph(index, { kinds: ["host"] })).toThrow(/kinds\[0\].*did you mean "hosts"/);
    expect(() => buildInfluenceGraph(index, { kinds: [] })).toThrow(AnalysisError);
  });
});

describe("findBrokers", () => {
  it("ranks the one actor that joins two sides, and shows whom it bridges", () => {
    const index = theatreWith(
      ["a", "b", "c", "d"],
      [tie("supports", "a", "b"), tie("hosts", "b", "c"), tie("engages-with", "c", "d")],
    );
    const result = findBrokers(index);
    expect(result.method.exact).toBe(true);
    expect(result.brokers.map((broker) => [broker.actor.id, broker.betweenness])).toEqual([
      ["b", 2],
      ["c", 2],
    ]);
    expect(result.brokers[0]!.bridges).toMatchObject({
      pairs: 1,
      solePairs: 1,
      examples: [{ from: { id: "a" }, to: { id: "c" }, soleIntermediary: true }],
    });
    expect(result.brokers[0]!.bridges.examples[0]!.steps.map((step) => step.relationships[0]!.id)).toEqual([
      "a-supports-b",
      "b-hosts-c",
    ]);
    const n = index.actors.size;
    expect(result.brokers[0]!.normalised).toBeCloseTo(2 / ((n - 1) * (n - 2)), 12);
  });

  it("equals a brute-force count of shortest paths, is deterministic and cites only the theatre's sources", () => {
    fc.assert(
      fc.property(theatres, kindChoices, (index, kinds) => {
        const result = findBrokers(index, { kinds, limit: 1000 });
        expect(JSON.stringify(findBrokers(index, { kinds, limit: 1000 }))).toBe(JSON.stringify(result));
        const expected = referenceBetweenness(referenceArcs(index, kinds ?? DEFAULT_CHANNEL_KINDS));
        const found = new Map(result.brokers.map((broker) => [broker.actor.id, broker.betweenness]));
        for (const [id, score] of expected) expect(found.get(id) ?? 0).toBeCloseTo(score, 5);
        for (const broker of result.brokers) {
          expect(broker.normalised).toBeGreaterThan(0);
          expect(broker.normalised).toBeLessThanOrEqual(1);
        }
        expectCitationsResolve(index, result);
      }),
      { numRuns: 150 },
    );
  });

  it("marks a sampled run as an estimate", () => {
    const ring = ["a", "b", "c", "d", "e"];
    const index = theatreWith(
      ring,
      ring.map((id, i) => tie("supports", id, ring[(i + 1) % ring.length]!)),
    );
    const result = findBrokers(index, { sampleSources: 1, seed: 3 });
    expect(result.method).toMatchObject({ exact: false, sourcesSearched: 1, seed: 3 });
    expect(result.method.description).toMatch(/estimate from 1 of/);
  });

  it("rejects bad limits, samples and seeds with an AnalysisError", () => {
    const index = theatreWith([], []);
    for (const query of [{ limit: 0 }, { limit: 1.5 }, { sampleSources: 0 }, { seed: Number.NaN }])
      expect(() => findBrokers(index, query)).toThrow(AnalysisError);
  });
});

describe("findInfluencePaths", () => {
  const chain = theatreWith(
    ["a", "b", "c", "d", "e"],
    [
      tie("supports", "a", "b"),
      tie("hosts", "b", "c"),
      tie("supports", "a", "d"),
      tie("faction-of", "c", "d"),
      tie("leads", "c", "e"),
      tie("attacks", "a", "e"),
    ],
  );

  it("lists the shortest paths, then longer ones, naming each step's relationships", () => {
    const result = findInfluencePaths(chain, { fromId: "a", toId: "e" });
    expect(result.shortestLength).toBe(3);
    expect(result.shortestPathCount).toBe(2);
    expect(result.maxLength).toBe(4);
    expect(result.paths.map((path) => path.actors.map((actor) => actor.id).join(">"))).toEqual([
      "a>b>c>e",
      "a>d>c>e",
    ]);
    expect(result.paths[1]!.steps[1]!.relationships).toMatchObject([
      { id: "c-faction-of-d", verb: "has faction", direction: "reversed" },
    ]);
    expect(
      result.intermediaries.map((entry) => [entry.actor.id, entry.paths, entry.shareOfShortestPaths]),
    ).toEqual([
      ["c", 2, 1],
      ["b", 1, 0.5],
      ["d", 1, 0.5],
    ]);
    expect(result.complete).toBe(true);
  });

  it("follows hostile ties only when they are chosen", () => {
    const result = findInfluencePaths(chain, { fromId: "a", toId: "e", kinds: ["attacks"] });
    expect(result.paths.map((path) => path.steps[0]!.relationships[0]!.id)).toEqual(["a-attacks-e"]);
  });

  it("returns no path, with a reason, when there is none", () => {
    const result = findInfluencePaths(chain, { fromId: "e", toId: "a" });
    expect(result.paths).toEqual([]);
    expect(result.shortestLength).toBeNull();
    expect(result.reason).toMatch(/E acts on no one/);
    const tooShort = findInfluencePaths(chain, { fromId: "a", toId: "e", maxLength: 2 });
    expect(tooShort.paths).toEqual([]);
    expect(tooShort.reason).toMatch(/takes 3 steps, more than 2/);
  });

  it("rejects the same actor twice, unknown ids and kinds, and lengths out of range", () => {
    const bad = [
      { fromId: "a", toId: "a" },
      { fromId: "zz", toId: "a" },
      { fromId: "a", toId: "zz" },
      { fromId: "a", toId: "e", kinds: ["friend-of"] },
      { fromId: "a", toId: "e", maxLength: 0 },
      { fromId: "a", toId: "e", maxLength: 7 },
      { fromId: "a", toId: "e", limit: 0 },
    ];
    for (const query of bad) expect(() => findInfluencePaths(chain, query)).toThrow(AnalysisError);
  });

  it("gives valid, simple, ordered walks over the chosen kinds, deterministically", () => {
    const queries = fc.record({
      from: fc.constantFrom(...ACTORS),
      to: fc.constantFrom(...ACTORS),
      kinds: kindChoices,
      maxLength: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      limit: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(theatres, queries, (index, { from, to, kinds, maxLength, limit }) => {
        fc.pre(from !== to);
        const query = { fromId: from, toId: to, kinds, maxLength, limit };
        const result = findInfluencePaths(index, query);
        expect(JSON.stringify(findInfluencePaths(index, query))).toBe(JSON.stringify(result));
        const chosen = kinds ?? DEFAULT_CHANNEL_KINDS;
        const reference = bfs(referenceArcs(index, chosen), from);
        expect(result.shortestLength).toBe(reference.dist.get(to) ?? null);
        expect(result.shortestPathCount).toBe(reference.count.get(to) ?? 0);
        if (result.paths.length === 0) expect(result.reason).toBeTruthy();
        let previous = 0;
        for (const path of result.paths) {
          expect(path.length).toBeGreaterThanOrEqual(previous);
          expect(path.length).toBeLessThanOrEqual(result.maxLength);
          previous = path.length;
          const ids = path.actors.map((actor) => actor.id);
          expect(ids[0]).toBe(from);
          expect(ids.at(-1)).toBe(to);
          expect(new Set(ids).size).toBe(ids.length);
          path.steps.forEach((step, i) => {
            expect(step.from.id).toBe(ids[i]);
            expect(step.to.id).toBe(ids[i + 1]);
            for (const entry of step.relationships) {
              const r = index.relationships.get(entry.id)!;
              expect(chosen).toContain(r.kind);
              const [actor, party] =
                entry.direction === "as-stated" ? [step.from.id, step.to.id] : [step.to.id, step.from.id];
              expect(r.from).toBe(actor);
              expect([r.to, r.otherPartyId]).toContain(party);
            }
          });
        }
        const shortestListed = result.paths.filter((path) => path.shortest).length;
        const withinReach = result.shortestLength !== null && result.shortestLength <= result.maxLength;
        expect(shortestListed).toBe(withinReach ? Math.min(result.limit, result.shortestPathCount) : 0);
        expectCitationsResolve(index, result);
      }),
      { numRuns: 200 },
    );
  });

  it("never throws anything but an AnalysisError for any ids, kinds and numbers", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.option(fc.array(fc.string()), { nil: undefined }),
        fc.option(fc.double(), { nil: undefined }),
        (fromId, toId, kinds, maxLength) => {
          try {
            findInfluencePaths(chain, { fromId, toId, kinds, maxLength });
            findBrokers(chain, { kinds, limit: maxLength });
          } catch (error) {
            expect(error).toBeInstanceOf(AnalysisError);
          }
        },
      ),
    );
  });
});
