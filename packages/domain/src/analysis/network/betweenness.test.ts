import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { directedBetweenness, type DirectedAdjacency } from "./betweenness";

function adjacency(n: number, arcs: readonly (readonly [number, number])[]): DirectedAdjacency {
  const unique = [...new Set(arcs.filter(([a, b]) => a !== b).map(([a, b]) => a * n + b))].sort(
    (x, y) => x - y,
  );
  const pairs = unique.map((key) => [Math.floor(key / n), key % n] as const);
  const lists = (key: 0 | 1) => {
    const offsets = new Int32Array(n + 1);
    for (const pair of pairs) offsets[pair[key] + 1]!++;
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const fill = offsets.slice(0, n);
    const neighbours = new Int32Array(pairs.length);
    for (const pair of [...pairs].sort((x, y) => x[1 - key]! - y[1 - key]!))
      neighbours[fill[pair[key]]!++] = pair[1 - key]!;
    return { offsets, neighbours };
  };
  const out = lists(0);
  const into = lists(1);
  return {
    outOffsets: out.offsets,
    outTargets: out.neighbours,
    inOffsets: into.offsets,
    inSources: into.neighbours,
  };
}

/** Betweenness by definition: for every ordered pair, the share of its shortest paths through each node. */
function bruteForce(n: number, arcs: readonly (readonly [number, number])[]): number[] {
  const next = Array.from({ length: n }, () => new Set<number>());
  for (const [a, b] of arcs) if (a !== b) next[a]!.add(b);
  const paths = (s: number) => {
    const dist = new Array<number>(n).fill(Infinity);
    const count = new Array<number>(n).fill(0);
    dist[s] = 0;
    count[s] = 1;
    const queue = [s];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i]!;
      for (const w of next[v]!) {
        if (dist[w] === Infinity) {
          dist[w] = dist[v]! + 1;
          queue.push(w);
        }
        if (dist[w] === dist[v]! + 1) count[w]! += count[v]!;
      }
    }
    return { dist, count };
  };
  const all = Array.from({ length: n }, (_, s) => paths(s));
  const scores = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++)
    for (let t = 0; t < n; t++) {
      if (s === t || all[s]!.dist[t] === Infinity) continue;
      for (let v = 0; v < n; v++) {
        if (v === s || v === t) continue;
        if (all[s]!.dist[v]! + all[v]!.dist[t]! === all[s]!.dist[t])
          scores[v]! += (all[s]!.count[v]! * all[v]!.count[t]!) / all[s]!.count[t]!;
      }
    }
  return scores;
}

const graphs = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
  }),
);

/** Trees and stars hung off a core: many pendants, in every direction. */
const pendantGraphs = fc.integer({ min: 2, max: 14 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    arcs: fc
      .array(fc.tuple(fc.nat(n - 1), fc.constantFrom("out", "in", "both")), {
        minLength: n - 1,
        maxLength: n - 1,
      })
      .map((parents) =>
        parents.flatMap(([parent, way], i) => {
          const child = i + 1;
          const hub = parent % child;
          if (way === "out") return [[hub, child] as const];
          if (way === "in") return [[child, hub] as const];
          return [[hub, child] as const, [child, hub] as const];
        }),
      ),
  }),
);

/** Denser and larger: searches that switch to bottom-up steps and pushed dependencies, many times over. */
const denseGraphs = fc.integer({ min: 15, max: 32 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { minLength: n, maxLength: 6 * n }),
  }),
);

describe("directedBetweenness", () => {
  it("counts the share of shortest paths through each node of a chain and a star", () => {
    const chain = directedBetweenness(
      adjacency(4, [
        [0, 1],
        [1, 2],
        [2, 3],
      ]),
    );
    expect([...chain.raw]).toEqual([0, 2, 2, 0]);
    const diamond = directedBetweenness(
      adjacency(4, [
        [0, 1],
        [0, 2],
        [1, 3],
        [2, 3],
      ]),
    );
    expect([...diamond.raw]).toEqual([0, 0.5, 0.5, 0]);
    const star = directedBetweenness(
      adjacency(4, [
        [1, 0],
        [0, 2],
        [0, 3],
        [3, 0],
      ]),
    );
    expect(star.foldedPendants).toBe(3);
    expect([...star.raw]).toEqual([3, 0, 0, 0]);
  });

  it("equals a brute-force count over all shortest paths", () => {
    fc.assert(
      fc.property(fc.oneof(graphs, pendantGraphs), ({ n, arcs }) => {
        const { raw, exact } = directedBetweenness(adjacency(n, arcs));
        expect(exact).toBe(true);
        const expected = bruteForce(n, arcs);
        raw.forEach((value, v) => expect(value).toBeCloseTo(expected[v]!, 9));
      }),
      { numRuns: 400 },
    );
  });

  it("equals the brute-force count on denser graphs of up to 32 nodes", () => {
    fc.assert(
      fc.property(denseGraphs, ({ n, arcs }) => {
        const { raw } = directedBetweenness(adjacency(n, arcs));
        const expected = bruteForce(n, arcs);
        raw.forEach((value, v) => expect(value).toBeCloseTo(expected[v]!, 9));
      }),
      { numRuns: 60 },
    );
  });

  it("estimates from sampled sources, seeded, and is exact when the sample covers every source", () => {
    fc.assert(
      fc.property(graphs, fc.integer({ min: 1, max: 20 }), fc.integer(), ({ n, arcs }, k, seed) => {
        const graph = adjacency(n, arcs);
        const first = directedBetweenness(graph, { sampleSources: k, seed });
        const again = directedBetweenness(graph, { sampleSources: k, seed });
        expect([...first.raw]).toEqual([...again.raw]);
        expect(first.sourcesSearched).toBe(Math.min(k, first.sourcesAvailable));
        expect(first.exact).toBe(k >= first.sourcesAvailable);
        if (first.exact) expect([...first.raw]).toEqual([...directedBetweenness(graph).raw]);
        for (const value of first.raw) expect(value).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
