import { AnalysisError } from "../analysis-error";
import type { TheatreIndex } from "../theatre-index";
import { directedBetweenness } from "./betweenness";
import { actorRef, type ActorRef } from "../actor-ref";
import { compareIds } from "../compare-ids";
import { describeEdge, type InfluenceStep } from "./influence-step";
import {
  buildInfluenceGraph,
  describeGraph,
  edgeBetween,
  type InfluenceGraph,
  type InfluenceGraphDescription,
  type InfluenceGraphQuery,
} from "./relationship-graph";

export interface BrokersQuery extends InfluenceGraphQuery {
  /** How many brokers to list, 1 to 1,000; default 15. */
  limit?: number;
  /** Estimate from this many sampled sources instead of searching from every actor (an estimate). */
  sampleSources?: number;
  /** Seed of the sample; default 1. */
  seed?: number;
}

/** Two neighbours of a broker that it connects: `from` acts on the broker, which acts on `to`. */
export interface BridgedPair {
  from: ActorRef;
  to: ActorRef;
  /** True when the broker is the only actor through which `from` reaches `to` in two steps. */
  soleIntermediary: boolean;
  /** The two steps, with the relationships and citations behind them. */
  steps: [InfluenceStep, InfluenceStep];
}

export interface Broker {
  /** 1 for the strongest broker. */
  rank: number;
  actor: ActorRef;
  /**
   * Sum over ordered pairs (s, t) of other actors of the share of shortest s→t chains of influence that pass
   * through this actor; from 0 to (n − 1)(n − 2) for n actors. Rounded to 6 decimals.
   */
  betweenness: number;
  /** `betweenness / ((n − 1)(n − 2))`: from 0 to 1, the share of all ordered pairs it stands between. */
  normalised: number;
  /** Actors that can act on it directly. */
  inDegree: number;
  /** Actors it can act on directly. */
  outDegree: number;
  bridges: {
    /** Pairs (one that acts on it, one it acts on) with no direct channel between them. */
    pairs: number;
    /** Of those, the pairs it alone connects in two steps. */
    solePairs: number;
    /** Up to five such pairs, those it alone connects first, in id order. */
    examples: BridgedPair[];
  };
}

export interface Brokers {
  graph: InfluenceGraphDescription;
  method: {
    /** False when `sampleSources` was smaller than the sources available: the scores are estimates. */
    exact: boolean;
    sourcesSearched: number;
    sourcesAvailable: number;
    /** Actors with a single neighbour, whose share is counted without searching from them. */
    foldedPendants: number;
    seed?: number;
    description: string;
  };
  /** Actors with a betweenness above zero. */
  actorsBetweenOthers: number;
  brokers: Broker[];
}

const DEFAULT_LIMIT = 15;
const MAX_LIMIT = 1000;
const BRIDGE_EXAMPLES = 5;

/** The actors that stand between others on the shortest chains of influence, ranked by betweenness. */
export function findBrokers(index: TheatreIndex, query: BrokersQuery = {}): Brokers {
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new AnalysisError("limit", `must be a whole number from 1 to ${MAX_LIMIT}, not ${limit}`);
  const { sampleSources, seed = 1 } = query;
  if (sampleSources !== undefined && (!Number.isInteger(sampleSources) || sampleSources < 1))
    throw new AnalysisError("sampleSources", `must be a whole number of at least 1, not ${sampleSources}`);
  if (!Number.isSafeInteger(seed)) throw new AnalysisError("seed", `must be a whole number, not ${seed}`);

  const graph = buildInfluenceGraph(index, query);
  const scores = directedBetweenness(graph, {
    ...(sampleSources === undefined ? {} : { sampleSources }),
    seed,
  });
  const n = graph.actorIds.length;
  const pairsOfOthers = n > 2 ? (n - 1) * (n - 2) : 1;
  const rounded = Array.from(scores.raw, (value) => Math.round(value * 1e6) / 1e6);
  const ranked = rounded
    .map((value, node) => ({ value, node }))
    .filter((entry) => entry.value > 0)
    .sort((a, b) => b.value - a.value || compareIds(graph.actorIds[a.node]!, graph.actorIds[b.node]!));

  const mark = new Int32Array(n).fill(-1);
  return {
    graph: describeGraph(graph),
    method: {
      exact: scores.exact,
      sourcesSearched: scores.sourcesSearched,
      sourcesAvailable: scores.sourcesAvailable,
      foldedPendants: scores.foldedPendants,
      ...(scores.exact ? {} : { seed }),
      description: scores.exact
        ? "exact betweenness over shortest directed chains of influence (Brandes 2001)"
        : `estimate from ${scores.sourcesSearched} of ${scores.sourcesAvailable} sources drawn with seed ${seed}, ` +
          "scaled up (Brandes & Pich 2007); ranks among close scores may differ from the exact ones",
    },
    actorsBetweenOthers: ranked.length,
    brokers: ranked.slice(0, limit).map(({ value, node }, i) => ({
      rank: i + 1,
      actor: actorRef(index, graph.actorIds[node]!),
      betweenness: value,
      normalised: value / pairsOfOthers,
      inDegree: graph.inOffsets[node + 1]! - graph.inOffsets[node]!,
      outDegree: graph.outOffsets[node + 1]! - graph.outOffsets[node]!,
      bridges: bridgesOf(index, graph, node, mark),
    })),
  };
}

/**
 * The pairs of neighbours `broker` connects that have no direct channel between them. `mark[x] === u` means
 * u acts on x directly; it stays true across brokers, so one array serves them all.
 */
function bridgesOf(
  index: TheatreIndex,
  graph: InfluenceGraph,
  broker: number,
  mark: Int32Array,
): Broker["bridges"] {
  const { outOffsets, outTargets, inOffsets, inSources } = graph;
  let pairs = 0;
  let solePairs = 0;
  const sole: [number, number][] = [];
  const shared: [number, number][] = [];
  for (let i = inOffsets[broker]!; i < inOffsets[broker + 1]!; i++) {
    const u = inSources[i]!;
    for (let e = outOffsets[u]!; e < outOffsets[u + 1]!; e++) mark[outTargets[e]!] = u;
    for (let j = outOffsets[broker]!; j < outOffsets[broker + 1]!; j++) {
      const w = outTargets[j]!;
      if (w === u || mark[w] === u) continue;
      pairs++;
      let routes = 0;
      for (let k = inOffsets[w]!; k < inOffsets[w + 1]!; k++) if (mark[inSources[k]!] === u) routes++;
      if (routes === 1) {
        solePairs++;
        if (sole.length < BRIDGE_EXAMPLES) sole.push([u, w]);
      } else if (shared.length < BRIDGE_EXAMPLES) shared.push([u, w]);
    }
  }
  const examples = [...sole, ...shared].slice(0, BRIDGE_EXAMPLES).map(([u, w]) => ({
    from: actorRef(index, graph.actorIds[u]!),
    to: actorRef(index, graph.actorIds[w]!),
    soleIntermediary: sole.some(([a, b]) => a === u && b === w),
    steps: [
      describeEdge(index, graph, edgeBetween(graph, u, broker)!),
      describeEdge(index, graph, edgeBetween(graph, broker, w)!),
    ] as [InfluenceStep, InfluenceStep],
  }));
  return { pairs, solePairs, examples };
}
