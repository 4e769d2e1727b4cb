import { compareIds } from "../compare-ids";
/** A pair of actors (indexes into the aligned actors) whose score counts towards blocs. */
export interface ScoredPair {
  a: number;
  b: number;
  score: number;
}

/** A cluster of two or more actors found by `clusterBlocs`. */
export interface ActorCluster {
  /** Indexes into the aligned actors, in the order of their ids. */
  members: number[];
  /** Mean score of the member pairs among the scored pairs, 0 to 1. */
  cohesion: number;
  /** How many scored pairs lie inside the cluster. */
  pairCount: number;
}

/**
 * Average-linkage agglomerative clustering: starting from single actors, repeatedly merges the two
 * clusters whose average score (over the scored pairs between them) is highest, while it is at least
 * `threshold`. Clusters with no scored pair between them never merge. Ties go to the clusters whose
 * first actor id comes first. Returns the clusters of two or more actors.
 */
export function clusterBlocs(
  actorIds: readonly string[],
  pairs: readonly ScoredPair[],
  threshold: number,
): ActorCluster[] {
  const nodes = [...new Set(pairs.flatMap((pair) => [pair.a, pair.b]))].sort((x, y) =>
    compareIds(actorIds[x]!, actorIds[y]!),
  );
  const m = nodes.length;
  const slot = new Map(nodes.map((node, k) => [node, k]));
  const sum = new Float64Array(m * m);
  const count = new Float64Array(m * m);
  for (const pair of pairs) {
    const k = slot.get(pair.a)!;
    const l = slot.get(pair.b)!;
    sum[k * m + l]! += pair.score;
    sum[l * m + k]! += pair.score;
    count[k * m + l]! += 1;
    count[l * m + k]! += 1;
  }
  const members = nodes.map((_, k) => [k]);
  const withinSum = new Float64Array(m);
  const withinCount = new Float64Array(m);
  const active = new Uint8Array(m).fill(1);
  const best = new Int32Array(m).fill(-1);
  const bestLink = new Float64Array(m).fill(-Infinity);

  const link = (k: number, l: number) => (count[k * m + l]! > 0 ? sum[k * m + l]! / count[k * m + l]! : -1);
  const refresh = (k: number) => {
    best[k] = -1;
    bestLink[k] = -Infinity;
    for (let l = 0; l < m; l++) {
      if (l === k || !active[l] || count[k * m + l] === 0) continue;
      const value = link(k, l);
      if (value > bestLink[k]!) {
        best[k] = l;
        bestLink[k] = value;
      }
    }
  };
  for (let k = 0; k < m; k++) refresh(k);

  for (;;) {
    let k = -1;
    for (let i = 0; i < m; i++)
      if (active[i] && best[i]! >= 0 && (k < 0 || bestLink[i]! > bestLink[k]!)) k = i;
    if (k < 0 || bestLink[k]! < threshold) break;
    const l = best[k]!;
    const keep = Math.min(k, l);
    const gone = Math.max(k, l);
    withinSum[keep]! += withinSum[gone]! + sum[keep * m + gone]!;
    withinCount[keep]! += withinCount[gone]! + count[keep * m + gone]!;
    members[keep]!.push(...members[gone]!);
    active[gone] = 0;
    for (let i = 0; i < m; i++) {
      if (!active[i] || i === keep) continue;
      sum[keep * m + i] = sum[i * m + keep] = sum[keep * m + i]! + sum[gone * m + i]!;
      count[keep * m + i] = count[i * m + keep] = count[keep * m + i]! + count[gone * m + i]!;
    }
    refresh(keep);
    for (let i = 0; i < m; i++) {
      if (!active[i] || i === keep) continue;
      if (best[i] === keep || best[i] === gone) refresh(i);
      else if (count[i * m + keep]! > 0) {
        const value = link(i, keep);
        if (value > bestLink[i]! || (value === bestLink[i] && keep < best[i]!)) {
          best[i] = keep;
          bestLink[i] = value;
        }
      }
    }
  }

  const clusters: ActorCluster[] = [];
  for (let k = 0; k < m; k++) {
    if (!active[k] || members[k]!.length < 2) continue;
    clusters.push({
      members: members[k]!.sort((x, y) => x - y).map((slotIndex) => nodes[slotIndex]!),
      cohesion: withinSum[k]! / withinCount[k]!,
      pairCount: withinCount[k]!,
    });
  }
  return clusters;
}
