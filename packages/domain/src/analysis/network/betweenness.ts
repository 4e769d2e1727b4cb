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

  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(outTargets.length);
  let m = 0;
  for (let v = 0; v < n; v++) {
    offsets[v] = m;
    if (removed[v]) continue;
    for (let e = outOffsets[v]!; e < outOffsets[v + 1]!; e++) {
      const w = outTargets[e]!;
      if (!removed[w]) targets[m++] = w;
    }
  }
  offsets[n] = m;

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
  const search: SearchState = {
    offsets,
    targets,
    dist: new Int32Array(n).fill(-1),
    sigma: new Float64Array(n),
    coefficient: new Float64Array(n),
    order: new Int32Array(n),
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

interface SearchState {
  offsets: Int32Array;
  targets: Int32Array;
  dist: Int32Array;
  sigma: Float64Array;
  coefficient: Float64Array;
  order: Int32Array;
  levelStart: Int32Array;
  targetWeight: Float64Array;
  sourcePendants: Float64Array;
  targetPendants: Float64Array;
  twoWayPendants: Float64Array;
  raw: Float64Array;
}

/** Brandes' search from `s`: adds to `raw` the dependency of every node on `s`, leaving the state clean. */
function accumulateFrom(s: number, state: SearchState): void {
  const { offsets, targets, dist, sigma, coefficient, order, levelStart, targetWeight, raw } = state;
  const { sourcePendants, targetPendants, twoWayPendants } = state;
  const sourceWeight = 1 + sourcePendants[s]!;
  order[0] = s;
  dist[s] = 0;
  sigma[s] = 1;
  let tail = 1;
  let depth = 0;
  levelStart[0] = 0;
  let lo = 0;
  let hi = 1;
  while (lo < hi) {
    const next = depth + 1;
    for (let q = lo; q < hi; q++) {
      const v = order[q]!;
      const sv = sigma[v]!;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const w = targets[e]!;
        const dw = dist[w]!;
        if (dw < 0) {
          dist[w] = next;
          sigma[w] = sv;
          order[tail++] = w;
        } else if (dw === next) sigma[w]! += sv;
      }
    }
    lo = hi;
    hi = tail;
    depth = next;
    levelStart[depth] = lo;
  }

  // Backward, deepest level first. `coefficient` is non-zero only on the level below the one being
  // summed, so a node's dependency is a plain sum over its out-neighbours: no test of their distance.
  const deepest = depth - 1;
  if (deepest >= 1) {
    for (let q = levelStart[deepest]!; q < tail; q++) {
      const w = order[q]!;
      coefficient[w] = targetWeight[w]! / sigma[w]!;
    }
    for (let d = deepest - 1; d >= 1; d--) {
      const first = levelStart[d]!;
      const last = levelStart[d + 1]!;
      for (let q = first; q < last; q++) {
        const v = order[q]!;
        let sum = 0;
        for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) sum += coefficient[targets[e]!]!;
        const dependency = sigma[v]! * sum;
        raw[v]! += sourceWeight * dependency;
        sigma[v] = (targetWeight[v]! + dependency) / sigma[v]!;
      }
      for (let q = last, end = levelStart[d + 2]!; q < end; q++) coefficient[order[q]!] = 0;
      for (let q = first; q < last; q++) {
        const v = order[q]!;
        coefficient[v] = sigma[v]!;
      }
    }
    for (let q = levelStart[1]!, end = levelStart[2]!; q < end; q++) coefficient[order[q]!] = 0;
  }

  let reachedTargets = targetPendants[s]!;
  for (let q = 1; q < tail; q++) {
    const v = order[q]!;
    reachedTargets += targetWeight[v]!;
    raw[v]! += sourceWeight * targetPendants[v]!;
    dist[v] = -1;
  }
  dist[s] = -1;
  raw[s]! += sourcePendants[s]! * reachedTargets - twoWayPendants[s]!;
}

/** `count` of `items` drawn without replacement by a seeded generator, in ascending order. */
function sample(items: readonly number[], count: number, seed: number): number[] {
  const pool = [...items];
  const next = mulberry32(seed);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count).sort((a, b) => a - b);
}

/** A small seeded generator of numbers in [0, 1) (Tommy Ettinger's mulberry32). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
