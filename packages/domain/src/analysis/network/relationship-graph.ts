import { relationshipTiming } from "../relationship-timing";
import { compareIds } from "../compare-ids";
import { RelationshipKind, type Relationship } from "../../model/relationship";
import { closestMatch } from "../../validation/suggest";
import { AnalysisError } from "../analysis-error";
import type { TheatreIndex } from "../theatre-index";
import {
  DEFAULT_CHANNEL_KINDS,
  INFLUENCE_CHANNELS,
  type ChannelDirection,
  type StepDirection,
} from "./influence-channels";

/** Which relationships make up the influence graph. */
export interface InfluenceGraphQuery {
  /** Relationship kinds to treat as channels; default: every kind whose `channelByDefault` is true. */
  kinds?: readonly string[];
  /** Keep ties that ended before, or start after, the theatre's as-of date. Default false. */
  includeInactive?: boolean;
}

/** One relationship behind an edge, and whether the edge follows it as stated or against it. */
export interface EdgeRelationship {
  relationship: Relationship;
  direction: StepDirection;
}

/** A directed edge "influence can pass from `from` to `to`", merging every parallel relationship. */
export interface InfluenceEdge {
  from: number;
  to: number;
  relationships: EdgeRelationship[];
}

/** What the graph was built from; plain JSON. */
export interface InfluenceGraphDescription {
  asOf: string;
  includeInactive: boolean;
  channels: { kind: RelationshipKind; direction: ChannelDirection; rule: string; relationships: number }[];
  /** Every actor of the theatre is a node. */
  actors: number;
  /** Actors with at least one edge. */
  connectedActors: number;
  /** Relationships used as channels. */
  relationships: number;
  /** Directed edges after merging parallel relationships between the same ordered pair of actors. */
  edges: number;
  leftOut: {
    /** Relationships of kinds not chosen as channels. */
    otherKinds: number;
    /** Relationships that ended before the as-of date. */
    ended: number;
    /** Relationships that start after the as-of date. */
    notYetStarted: number;
  };
}

/**
 * The influence graph as compressed adjacency: node i is `actorIds[i]` (sorted by id, so neighbour lists in
 * index order are in id order); the out-edges of i are `outTargets[outOffsets[i] .. outOffsets[i + 1])`,
 * each the edge `edges[outEdges[k]]`; in-edges likewise.
 */
export interface InfluenceGraph {
  actorIds: readonly string[];
  nodeOf: ReadonlyMap<string, number>;
  outOffsets: Int32Array;
  outTargets: Int32Array;
  outEdges: Int32Array;
  inOffsets: Int32Array;
  inSources: Int32Array;
  inEdges: Int32Array;
  edges: readonly InfluenceEdge[];
  description: InfluenceGraphDescription;
}

/** The relationship kinds a query names, checked; the default channels when it names none. */
export function channelKinds(kinds: readonly string[] | undefined): RelationshipKind[] {
  if (kinds === undefined) return [...DEFAULT_CHANNEL_KINDS];
  if (kinds.length === 0) throw new AnalysisError("kinds", "name at least one relationship kind");
  const known = RelationshipKind.options;
  const chosen = new Set<RelationshipKind>();
  kinds.forEach((kind, i) => {
    const parsed = RelationshipKind.safeParse(kind);
    if (parsed.success) return void chosen.add(parsed.data);
    const guess = closestMatch(kind, known);
    throw new AnalysisError(
      `kinds[${i}]`,
      `unknown relationship kind "${kind}"` +
        (guess ? ` (did you mean "${guess}"?)` : `; kinds: ${known.join(", ")}`),
      guess ? [guess] : known,
    );
  });
  return known.filter((kind) => chosen.has(kind));
}

const built = new WeakMap<TheatreIndex, Map<string, InfluenceGraph>>();

/**
 * The directed influence graph over the chosen kinds of relationship current at the as-of date. Built once
 * per index and choice of kinds (an index is immutable), so repeated queries do not rebuild it.
 */
export function buildInfluenceGraph(index: TheatreIndex, query: InfluenceGraphQuery = {}): InfluenceGraph {
  const kinds = channelKinds(query.kinds);
  const includeInactive = query.includeInactive ?? false;
  const key = `${kinds.join(",")}|${includeInactive}`;
  let graphs = built.get(index);
  if (!graphs) built.set(index, (graphs = new Map()));
  let graph = graphs.get(key);
  if (!graph) graphs.set(key, (graph = influenceGraph(index, new Set(kinds), includeInactive)));
  return graph;
}

function influenceGraph(
  index: TheatreIndex,
  kinds: ReadonlySet<RelationshipKind>,
  includeInactive: boolean,
): InfluenceGraph {
  const asOf = index.document.theatre.asOf;

  const actorIds = [...index.actors.keys()].sort(compareIds);
  const nodeOf = new Map(actorIds.map((id, i) => [id, i]));
  const n = actorIds.length;
  const edges: InfluenceEdge[] = [];
  const edgeOf = new Map<number, InfluenceEdge>();
  const leftOut = { otherKinds: 0, ended: 0, notYetStarted: 0 };
  const used = new Map<RelationshipKind, number>();

  const link = (from: string, to: string, relationship: Relationship, direction: StepDirection) => {
    const a = nodeOf.get(from);
    const b = nodeOf.get(to);
    if (a === undefined || b === undefined || a === b) return;
    const key = a * n + b;
    let edge = edgeOf.get(key);
    if (!edge) {
      edge = { from: a, to: b, relationships: [] };
      edgeOf.set(key, edge);
      edges.push(edge);
    }
    edge.relationships.push({ relationship, direction });
  };

  for (const relationship of index.document.relationships) {
    if (!kinds.has(relationship.kind)) {
      leftOut.otherKinds++;
      continue;
    }
    const timing = includeInactive ? "current" : relationshipTiming(relationship, asOf);
    if (timing === "ended") {
      leftOut.ended++;
      continue;
    }
    if (timing === "not-yet-started") {
      leftOut.notYetStarted++;
      continue;
    }
    used.set(relationship.kind, (used.get(relationship.kind) ?? 0) + 1);
    const { from, to, otherPartyId } = relationship;
    const direction = INFLUENCE_CHANNELS[relationship.kind].direction;
    const parties = otherPartyId === undefined ? [to] : [to, otherPartyId];
    for (const party of parties) {
      if (direction !== "to-from") link(from, party, relationship, "as-stated");
      if (direction !== "from-to") link(party, from, relationship, "reversed");
    }
  }

  const out = compress(n, edges, "from", "to");
  const into = compress(n, edges, "to", "from");
  let connectedActors = 0;
  for (let i = 0; i < n; i++)
    if (out.offsets[i + 1]! > out.offsets[i]! || into.offsets[i + 1]! > into.offsets[i]!) connectedActors++;

  return {
    actorIds,
    nodeOf,
    outOffsets: out.offsets,
    outTargets: out.neighbours,
    outEdges: out.edgeIds,
    inOffsets: into.offsets,
    inSources: into.neighbours,
    inEdges: into.edgeIds,
    edges,
    description: {
      asOf,
      includeInactive,
      channels: [...kinds].map((kind) => ({
        kind,
        direction: INFLUENCE_CHANNELS[kind].direction,
        rule: INFLUENCE_CHANNELS[kind].rule,
        relationships: used.get(kind) ?? 0,
      })),
      actors: n,
      connectedActors,
      relationships: [...used.values()].reduce((sum, count) => sum + count, 0),
      edges: edges.length,
      leftOut,
    },
  };
}

/** A copy of the graph's description for a result, so that changing a result cannot change the graph. */
export function describeGraph(graph: InfluenceGraph): InfluenceGraphDescription {
  const { description } = graph;
  return {
    ...description,
    channels: description.channels.map((channel) => ({ ...channel })),
    leftOut: { ...description.leftOut },
  };
}

/** Adjacency lists of `edges` grouped by `key` node, each list sorted by the `other` node. */
function compress(n: number, edges: readonly InfluenceEdge[], key: "from" | "to", other: "from" | "to") {
  const offsets = new Int32Array(n + 1);
  for (const edge of edges) offsets[edge[key] + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const order = edges.map((_, i) => i).sort((a, b) => edges[a]![other] - edges[b]![other]);
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(edges.length);
  const edgeIds = new Int32Array(edges.length);
  for (const id of order) {
    const edge = edges[id]!;
    const at = fill[edge[key]]!++;
    neighbours[at] = edge[other];
    edgeIds[at] = id;
  }
  return { offsets, neighbours, edgeIds };
}

/** The edge from node `a` to node `b`, if there is one (binary search of a's sorted out-list). */
export function edgeBetween(graph: InfluenceGraph, a: number, b: number): InfluenceEdge | undefined {
  let lo = graph.outOffsets[a]!;
  let hi = graph.outOffsets[a + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const target = graph.outTargets[mid]!;
    if (target === b) return graph.edges[graph.outEdges[mid]!];
    if (target < b) lo = mid + 1;
    else hi = mid;
  }
  return undefined;
}
