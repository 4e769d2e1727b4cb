import { SeededRandom } from "../../seeded-random";
import { accumulateFrom, type SearchState } from "./brandes-search";
/** A directed graph as compressed adjacency lists, each list sorted and free of repeats and self-loops. */
export interface DirectedAdjacency {
  outOffsets: Int32Array;
  outTargets: Int32Array;
  inOffsets: Int32Array;
  inSources: Int32Array;
}

export interface BetweennessOptions {
  /** Search from this many sources drawn at random (Brandes & Pich 2007) and scale up: an estimate. */
  sampleSources?: number;
  /** Seed of the draw; default 1. */
  seed?: number;
}

export interface Betweenness {
  /**
   * For each node v, the sum over ordered pairs (s, t) of other nodes of the share of shortest s→t paths
   * through v. From 0 to (n − 1)(n − 2). An unbiased estimate when `exact` is false.
   */
  raw: Float64Array;
  exact: boolean;
  /** Sources searched, and out of how many (nodes left once pendant actors are folded into their hub). */
  sourcesSearched: number;
  sourcesAvailable: number;
  /** Actors with a single neighbour, whose shortest paths all pass their neighbour: counted, not searched. */
  foldedPendants: number;
}

/**
 * Exact betweenness of a directed, unweighted graph: Brandes (2001) on typed arrays. A pendant node u (one
 * neighbour h) is never between two others and every path from or to it passes h, so it is folded into h
 * as a weight (Baglioni et al. 2012, Sariyüce et al. 2013) rather than searched from.
 */
export function directedBetweenness(graph: DirectedAdjacency, options: BetweennessOptions = {}): Betweenness {
  const n = graph.outOffsets.length - 1;
  const { outOffsets, outTargets, inOffsets, inSources } = graph;

  // Pendants: every edge of u joins the same node h; a pair of nodes joined only to each other is left out.
  const hubOf = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const outDegree = outOffsets[u + 1]! - outOffsets[u]!;
    const inDegree = inOffsets[u + 1]! - inOffsets[u]!;
    if (outDegree > 1 || inDegree > 1 || outDegree + inDegree === 0) continue;
    const viaOut = outDegree === 1 ? outTargets[outOffsets[u]!]! : -1;
    const viaIn = inDegree === 1 ? inSources[inOffsets[u]!]! : -1;
    if (viaOut >= 0 && viaIn >= 0 && viaOut !== viaIn) continue;
    hubOf[u] = viaOut >= 0 ? viaOut : viaIn;
  }
  const removed = new Uint8Array(n);
  const sourcePendants = new Float64Array(n);
  const targetPendants = new Float64Array(n);
  const twoWayPendants = new Float64Array(n);
  let foldedPendants = 0;
  for (let u = 0; u < n; u++) {
    const h = hubOf[u]!;
    if (h < 0) continue;
    removed[u] = 1;
    if (hubOf[h] === u) continue;
    foldedPendants++;
    const toHub = outOffsets[u + 1]! > outOffsets[u]!;
    const fromHub = inOffsets[u + 1]! > inOffsets[u]!;
    if (toHub) sourcePendants[h]!++;
    if (fromHub) targetPendants[h]!++;
    if (toHub && fromHub) twoWayPendants[h]!++;
  }

  const out = withoutRemoved(n, outOffsets, outTargets, removed);
  const into = withoutRemoved(n, inOffsets, inSources, removed);
  const offsets = out.offsets;

  // A node without out-edges reaches only its own pendants: its share is counted here, not searched.
  const raw = new Float64Array(n);
  const unsearched = new Float64Array(n);
  const candidates: number[] = [];
  for (let v = 0; v < n; v++) {
    if (removed[v]) continue;
    if (offsets[v + 1]! > offsets[v]!) candidates.push(v);
    else unsearched[v] = sourcePendants[v]! * targetPendants[v]! - twoWayPendants[v]!;
  }
  const wanted = options.sampleSources;
  const exact = wanted === undefined || wanted >= candidates.length;
  const sources = exact ? candidates : sample(candidates, wanted, options.seed ?? 1);

  const targetWeight = new Float64Array(n);
  for (let v = 0; v < n; v++) targetWeight[v] = 1 + targetPendants[v]!;
  const enterable: number[] = [];
  const hubs: number[] = [];
  for (let v = 0; v < n; v++) {
    if (into.offsets[v + 1]! > into.offsets[v]!) enterable.push(v);
    if (targetPendants[v]! > 0) hubs.push(v);
  }
  const search: SearchState = {
    outOffsets: out.offsets,
    outTargets: out.neighbours,
    inOffsets: into.offsets,
    inSources: into.neighbours,
    edges: into.neighbours.length,
    enterable: Int32Array.from(enterable),
    unvisited: new Int32Array(n + 1),
    hubs: Int32Array.from(hubs),
    levelOutEdges: new Float64Array(n + 1),
    levelInEdges: new Float64Array(n + 1),
    dist: new Int32Array(n).fill(-1),
    sigma: new Float64Array(n),
    coefficient: new Float64Array(n),
    share: new Float64Array(n),
    frontierSigma: new Float64Array(n),
    order: new Int32Array(n + 1),
    levelStart: new Int32Array(n + 1),
    targetWeight,
    sourcePendants,
    targetPendants,
    twoWayPendants,
    raw,
  };
  for (const s of sources) accumulateFrom(s, search);

  const scale = exact ? 1 : candidates.length / sources.length;
  for (let v = 0; v < n; v++) raw[v] = raw[v]! * scale + unsearched[v]!;
  return {
    raw,
    exact,
    sourcesSearched: sources.length,
    sourcesAvailable: candidates.length,
    foldedPendants,
  };
}

/** The adjacency lists of the nodes not `removed`, without the removed nodes in them. */
function withoutRemoved(n: number, offsets: Int32Array, neighbours: Int32Array, removed: Uint8Array) {
  const kept = new Int32Array(n + 1);
  const keptNeighbours = new Int32Array(neighbours.length);
  let m = 0;
  for (let v = 0; v < n; v++) {
    kept[v] = m;
    if (removed[v]) continue;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = neighbours[e]!;
      if (!removed[w]) keptNeighbours[m++] = w;
    }
  }
  kept[n] = m;
  return { offsets: kept, neighbours: keptNeighbours };
}

/** `count` of `items` drawn without replacement by a seeded generator, in ascending order. */
function sample(items: readonly number[], count: number, seed: number): number[] {
  const pool = [...items];
  const random = new SeededRandom(seed);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random.next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count).sort((a, b) => a - b);
}
