/** The graph and the reusable arrays of one betweenness computation, shared by every search. */
export interface SearchState {
  outOffsets: Int32Array;
  outTargets: Int32Array;
  inOffsets: Int32Array;
  inSources: Int32Array;
  /** Edges of the graph searched (pendants left out). */
  edges: number;
  /** Nodes with an in-edge, and those not reached yet by the current search once it goes bottom-up. */
  enterable: Int32Array;
  unvisited: Int32Array;
  /** Nodes with pendants that only they reach. */
  hubs: Int32Array;
  /** Out-edges leaving, and in-edges entering, the nodes at each distance from the source. */
  levelOutEdges: Float64Array;
  levelInEdges: Float64Array;
  dist: Int32Array;
  sigma: Float64Array;
  coefficient: Float64Array;
  share: Float64Array;
  frontierSigma: Float64Array;
  order: Int32Array;
  levelStart: Int32Array;
  targetWeight: Float64Array;
  sourcePendants: Float64Array;
  targetPendants: Float64Array;
  twoWayPendants: Float64Array;
  raw: Float64Array;
}

/**
 * Brandes' search from `s`: adds to `raw` the dependency of every node on `s`, leaving the state clean.
 * Each level of the breadth-first search is found from whichever side touches fewer edges (Beamer et al.
 * 2012): the out-edges of the frontier, or the in-edges of the nodes not yet reached, which near the end
 * of a search on a small-world graph are far fewer. The backward pass likewise either pulls each node's
 * dependency from its out-neighbours one level down or pushes it from those over their in-edges.
 */
export function accumulateFrom(s: number, state: SearchState): void {
  const { outOffsets, outTargets, inOffsets, inSources, levelOutEdges, levelInEdges } = state;
  const { enterable, unvisited, hubs } = state;
  const { dist, sigma, frontierSigma, coefficient, share, order, levelStart, targetWeight, raw } = state;
  const { sourcePendants, targetPendants, twoWayPendants } = state;
  const sourceWeight = 1 + sourcePendants[s]!;
  order[0] = s;
  dist[s] = 0;
  sigma[s] = 1;
  levelOutEdges[0] = outOffsets[s + 1]! - outOffsets[s]!;
  levelInEdges[0] = inOffsets[s + 1]! - inOffsets[s]!;
  let unreachedInEdges = state.edges - levelInEdges[0];
  let unvisitedCount = -1;
  let tail = 1;
  let depth = 0;
  levelStart[0] = 0;
  let lo = 0;
  let hi = 1;
  while (lo < hi) {
    const next = depth + 1;
    let outEdges = 0;
    let inEdges = 0;
    if (unreachedInEdges < levelOutEdges[depth]!) {
      if (unvisitedCount < 0) {
        unvisitedCount = 0;
        for (let k = 0; k < enterable.length; k++) {
          const v = enterable[k]!;
          unvisited[unvisitedCount] = v;
          unvisitedCount += dist[v]! >>> 31;
        }
      }
      for (let q = lo; q < hi; q++) {
        const v = order[q]!;
        frontierSigma[v] = sigma[v]!;
      }
      let kept = 0;
      for (let k = 0; k < unvisitedCount; k++) {
        const w = unvisited[k]!;
        if (dist[w]! >= 0) continue;
        let sw = 0;
        const first = inOffsets[w]!;
        const end = inOffsets[w + 1]!;
        for (let e = first; e < end; e++) sw += frontierSigma[inSources[e]!]!;
        if (sw > 0) {
          dist[w] = next;
          sigma[w] = sw;
          order[tail++] = w;
          outEdges += outOffsets[w + 1]! - outOffsets[w]!;
          inEdges += end - first;
        } else unvisited[kept++] = w;
      }
      unvisitedCount = kept;
      for (let q = lo; q < hi; q++) frontierSigma[order[q]!] = 0;
    } else {
      // Branch-free: a node already reached keeps its distance and gains paths only if it is one level down.
      for (let q = lo; q < hi; q++) {
        const v = order[q]!;
        const sv = sigma[v]!;
        for (let e = outOffsets[v]!, end = outOffsets[v + 1]!; e < end; e++) {
          const w = outTargets[e]!;
          const dw = dist[w]!;
          const fresh = dw >> 31;
          const dn = dw ^ ((dw ^ next) & fresh);
          dist[w] = dn;
          order[tail] = w;
          tail -= fresh;
          sigma[w]! += sv * (((dn ^ next) - 1) >>> 31);
        }
      }
      for (let q = hi; q < tail; q++) {
        const w = order[q]!;
        outEdges += outOffsets[w + 1]! - outOffsets[w]!;
        inEdges += inOffsets[w + 1]! - inOffsets[w]!;
      }
    }
    unreachedInEdges -= inEdges;
    lo = hi;
    hi = tail;
    depth = next;
    levelStart[depth] = lo;
    levelOutEdges[depth] = outEdges;
    levelInEdges[depth] = inEdges;
  }

  // Backward, deepest level first. `coefficient` is zero on the levels not yet summed and an out-neighbour
  // is at most one level down, so a pulled dependency is a plain sum: no test of distance, no branch.
  // Pushes add to `share` of every in-neighbour; only those one level up are read before the next source.
  const deepest = depth - 1;
  let pushed = false;
  if (deepest >= 1) {
    for (let q = levelStart[deepest]!; q < tail; q++) {
      const w = order[q]!;
      coefficient[w] = targetWeight[w]! / sigma[w]!;
    }
    for (let d = deepest - 1; d >= 1; d--) {
      const first = levelStart[d]!;
      const last = levelStart[d + 1]!;
      const below = levelStart[d + 2]!;
      if (levelInEdges[d + 1]! < levelOutEdges[d]!) {
        pushed = true;
        for (let q = last; q < below; q++) {
          const w = order[q]!;
          const cw = coefficient[w]!;
          for (let e = inOffsets[w]!, end = inOffsets[w + 1]!; e < end; e++) share[inSources[e]!]! += cw;
        }
        for (let q = first; q < last; q++) {
          const v = order[q]!;
          const dependency = sigma[v]! * share[v]!;
          raw[v]! += sourceWeight * dependency;
          sigma[v] = (targetWeight[v]! + dependency) / sigma[v]!;
        }
      } else {
        for (let q = first; q < last; q++) {
          const v = order[q]!;
          let total = 0;
          for (let e = outOffsets[v]!, end = outOffsets[v + 1]!; e < end; e++)
            total += coefficient[outTargets[e]!]!;
          const dependency = sigma[v]! * total;
          raw[v]! += sourceWeight * dependency;
          sigma[v] = (targetWeight[v]! + dependency) / sigma[v]!;
        }
      }
      for (let q = first; q < last; q++) {
        const v = order[q]!;
        coefficient[v] = sigma[v]!;
      }
    }
  }

  let reachedTargets = targetPendants[s]! + tail - 1;
  for (let k = 0; k < hubs.length; k++) {
    const h = hubs[k]!;
    if (dist[h]! <= 0) continue;
    reachedTargets += targetPendants[h]!;
    raw[h]! += sourceWeight * targetPendants[h]!;
  }
  for (let q = 1; q < tail; q++) {
    const v = order[q]!;
    dist[v] = -1;
    sigma[v] = 0;
    coefficient[v] = 0;
  }
  dist[s] = -1;
  sigma[s] = 0;
  if (pushed) share.fill(0);
  raw[s]! += sourcePendants[s]! * reachedTargets - twoWayPendants[s]!;
}
