import { AnalysisError } from "../analysis-error";
import { lookup, type TheatreIndex } from "../theatre-index";
import { actorRef, type ActorRef } from "../actor-ref";
import { compareIds } from "../compare-ids";
import { describeEdge, type InfluenceStep } from "./influence-step";
import {
  buildInfluenceGraph,
  describeGraph,
  type InfluenceGraph,
  type InfluenceGraphDescription,
  type InfluenceGraphQuery,
} from "./relationship-graph";

export interface InfluencePathsQuery extends InfluenceGraphQuery {
  fromId: string;
  toId: string;
  /** Longest path listed, in steps, 1 to 6; default one more than the shortest (at most 6). */
  maxLength?: number;
  /** How many paths to list, 1 to 1,000; default 10. */
  limit?: number;
}

export interface InfluencePath {
  /** Steps, one per edge. */
  length: number;
  shortest: boolean;
  /** From the first actor to the last; those in between are the intermediaries. */
  actors: ActorRef[];
  steps: InfluenceStep[];
}

/** An actor the paths go through: "through whom". */
export interface Intermediary {
  actor: ActorRef;
  /** Listed paths that pass through it. */
  paths: number;
  /** Share of all shortest paths (listed or not) that pass through it, from 0 to 1. */
  shareOfShortestPaths: number;
}

export interface InfluencePaths {
  from: ActorRef;
  to: ActorRef;
  graph: InfluenceGraphDescription;
  /** Steps of the shortest path; null when `to` cannot be reached. */
  shortestLength: number | null;
  /** How many shortest paths there are in all, listed or not. */
  shortestPathCount: number;
  maxLength: number;
  limit: number;
  /**
   * Shortest paths first, then longer simple paths up to `maxLength`; within a length in the order of the
   * actors' ids along the path. Empty when there is none, and then `reason` says why.
   */
  paths: InfluencePath[];
  /** True when `paths` holds every simple path up to `maxLength`; false when it reached `limit` first. */
  complete: boolean;
  /** Most-travelled first: by share of shortest paths, then listed paths, then id. */
  intermediaries: Intermediary[];
  reason?: string;
}

export const MAX_PATH_LENGTH = 6;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;

/** The chains of influence by which `fromId` can reach `toId`, and who stands along them. */
export function findInfluencePaths(index: TheatreIndex, query: InfluencePathsQuery): InfluencePaths {
  const fromActor = lookup(index.actors, query.fromId, "fromId", "actor");
  const toActor = lookup(index.actors, query.toId, "toId", "actor");
  if (fromActor.id === toActor.id)
    throw new AnalysisError("toId", `is the same actor as fromId ("${toActor.id}"): name two actors`);
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new AnalysisError("limit", `must be a whole number from 1 to ${MAX_LIMIT}, not ${limit}`);
  const wantedLength = query.maxLength;
  if (
    wantedLength !== undefined &&
    (!Number.isInteger(wantedLength) || wantedLength < 1 || wantedLength > MAX_PATH_LENGTH)
  )
    throw new AnalysisError(
      "maxLength",
      `must be a whole number from 1 to ${MAX_PATH_LENGTH}, not ${wantedLength}`,
    );

  const graph = buildInfluenceGraph(index, query);
  const s = graph.nodeOf.get(fromActor.id)!;
  const t = graph.nodeOf.get(toActor.id)!;
  const forward = shortestPaths(graph, s, "out");
  const backward = shortestPaths(graph, t, "in");
  const shortest = forward.dist[t]!;
  const from = actorRef(index, fromActor.id);
  const to = actorRef(index, toActor.id);
  const base = { from, to, graph: describeGraph(graph), limit };

  if (shortest < 0) {
    const maxLength = wantedLength ?? MAX_PATH_LENGTH;
    return { ...base, ...none(maxLength), reason: unreachable(graph, from, to, s, t) };
  }
  const maxLength = wantedLength ?? Math.max(shortest, Math.min(shortest + 1, MAX_PATH_LENGTH));
  const shortestPathCount = forward.sigma[t]!;
  if (shortest > maxLength)
    return {
      ...base,
      ...none(maxLength),
      shortestLength: shortest,
      shortestPathCount,
      reason: `the shortest chain from ${from.name} to ${to.name} takes ${shortest} steps, more than ${maxLength}`,
    };

  const found = simplePaths(graph, s, t, backward.dist, shortest, maxLength, limit);
  const paths = found.paths.map((edgeIds) => {
    const steps = edgeIds.map((id) => describeEdge(index, graph, graph.edges[id]!));
    return {
      length: steps.length,
      shortest: steps.length === shortest,
      actors: [from, ...steps.map((step) => step.to)],
      steps,
    };
  });

  const listed = new Map<number, number>();
  for (const edgeIds of found.paths)
    for (const id of edgeIds.slice(1)) {
      const node = graph.edges[id]!.from;
      listed.set(node, (listed.get(node) ?? 0) + 1);
    }
  const share = new Map<number, number>();
  for (let v = 0; v < graph.actorIds.length; v++)
    if (
      v !== s &&
      v !== t &&
      forward.dist[v]! >= 0 &&
      backward.dist[v]! >= 0 &&
      forward.dist[v]! + backward.dist[v]! === shortest
    )
      share.set(v, (forward.sigma[v]! * backward.sigma[v]!) / shortestPathCount);
  const intermediaries = [...new Set([...share.keys(), ...listed.keys()])]
    .map((node) => ({
      actor: actorRef(index, graph.actorIds[node]!),
      paths: listed.get(node) ?? 0,
      shareOfShortestPaths: share.get(node) ?? 0,
    }))
    .sort(
      (a, b) =>
        b.shareOfShortestPaths - a.shareOfShortestPaths ||
        b.paths - a.paths ||
        compareIds(a.actor.id, b.actor.id),
    );

  return {
    ...base,
    shortestLength: shortest,
    shortestPathCount,
    maxLength,
    paths,
    complete: found.complete,
    intermediaries,
  };
}

function none(maxLength: number) {
  return {
    shortestLength: null,
    shortestPathCount: 0,
    maxLength,
    paths: [],
    complete: true,
    intermediaries: [],
  };
}

function unreachable(graph: InfluenceGraph, from: ActorRef, to: ActorRef, s: number, t: number): string {
  if (graph.outOffsets[s + 1] === graph.outOffsets[s])
    return `${from.name} acts on no one through ties of the chosen kinds`;
  if (graph.inOffsets[t + 1] === graph.inOffsets[t])
    return `no one acts on ${to.name} through ties of the chosen kinds`;
  const back = shortestPaths(graph, t, "out").dist[s]!;
  const converse = back >= 0 ? `; ${to.name} can reach ${from.name}, in ${back} steps` : "";
  return `no chain of ties of the chosen kinds leads from ${from.name} to ${to.name}${converse}`;
}

/** Breadth-first distances (−1: unreached) and shortest-path counts from `root` along out- or in-edges. */
function shortestPaths(graph: InfluenceGraph, root: number, along: "out" | "in") {
  const offsets = along === "out" ? graph.outOffsets : graph.inOffsets;
  const neighbours = along === "out" ? graph.outTargets : graph.inSources;
  const n = graph.actorIds.length;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const queue = new Int32Array(n);
  dist[root] = 0;
  sigma[root] = 1;
  queue[0] = root;
  let tail = 1;
  for (let q = 0; q < tail; q++) {
    const v = queue[q]!;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = neighbours[e]!;
      if (dist[w]! < 0) {
        dist[w] = dist[v]! + 1;
        queue[tail++] = w;
      }
      if (dist[w] === dist[v]! + 1) sigma[w]! += sigma[v]!;
    }
  }
  return { dist, sigma };
}

/**
 * Simple paths from s to t, by length from `shortest` to `maxLength` and, within a length, in node (id)
 * order, up to `limit`; each path as its edge ids. A branch is cut when t is out of reach in the steps left.
 */
function simplePaths(
  graph: InfluenceGraph,
  s: number,
  t: number,
  distanceToT: Int32Array,
  shortest: number,
  maxLength: number,
  limit: number,
): { paths: number[][]; complete: boolean } {
  const paths: number[][] = [];
  const onPath = new Uint8Array(graph.actorIds.length);
  const trail: number[] = [];
  const extend = (v: number, length: number): boolean => {
    if (v === t) {
      if (trail.length === length) paths.push([...trail]);
      return paths.length < limit;
    }
    onPath[v] = 1;
    for (let e = graph.outOffsets[v]!; e < graph.outOffsets[v + 1]!; e++) {
      const w = graph.outTargets[e]!;
      const left = distanceToT[w]!;
      if (onPath[w] || left < 0 || trail.length + 1 + left > length) continue;
      trail.push(graph.outEdges[e]!);
      const more = extend(w, length);
      trail.pop();
      if (!more) {
        onPath[v] = 0;
        return false;
      }
    }
    onPath[v] = 0;
    return true;
  };
  for (let length = shortest; length <= maxLength; length++)
    if (!extend(s, length)) return { paths, complete: false };
  return { paths, complete: true };
}
