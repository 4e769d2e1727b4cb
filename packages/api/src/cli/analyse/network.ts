import {
  findBrokers,
  findInfluencePaths,
  resolveActor,
  type Brokers,
  type InfluencePaths,
  type InfluenceStep,
  type TheatreIndex,
} from "@parley/domain";
import { UsageError } from "../io";
import { integer, list, type AnalysisCommand, type OptionValues } from "./analysis-command";

export const networkAnalysis: AnalysisCommand = {
  usage: `network --from ACTOR --to ACTOR [--kinds K,...] [--max-length N] [--limit N]
  The chains of influence by which one actor can reach another, and through whom.
network --brokers [--limit N] [--kinds K,...] [--sample N --seed N]
  The actors that stand between others (betweenness), with the pairs they bridge.
  Channels by default: every tie but adversary-of, rival-of and attacks, current at the as-of date.`,
  options: {
    from: { type: "string" },
    to: { type: "string" },
    brokers: { type: "boolean" },
    kinds: { type: "string" },
    "max-length": { type: "string" },
    limit: { type: "string" },
    sample: { type: "string" },
    seed: { type: "string" },
  },
  run(index, values) {
    const kinds = list(values, "kinds");
    const limit = integer(values, "limit", 1, 1000);
    if (values.brokers === true) {
      if (values.from !== undefined || values.to !== undefined)
        throw new UsageError("--brokers lists brokers; leave out --from and --to");
      const sampleSources = integer(values, "sample", 1, Number.MAX_SAFE_INTEGER);
      const seed = integer(values, "seed", 0, 2 ** 32 - 1);
      const result = findBrokers(index, { kinds, limit, sampleSources, seed });
      return { result, text: brokersText(index, result) };
    }
    return pathsCommand(index, values, kinds, limit);
  },
};

function pathsCommand(index: TheatreIndex, values: OptionValues, kinds?: string[], limit?: number) {
  if (typeof values.from !== "string" || typeof values.to !== "string")
    throw new UsageError("name --from and --to (or ask for --brokers)");
  const from = resolveActor(index, values.from, "--from");
  const to = resolveActor(index, values.to, "--to");
  const maxLength = integer(values, "max-length", 1, 6);
  const result = findInfluencePaths(index, { fromId: from.id, toId: to.id, kinds, maxLength, limit });
  return { result, text: pathsText(index, result) };
}

function pathsText(index: TheatreIndex, result: InfluencePaths): string {
  const lines = [
    `Influence from ${result.from.name} to ${result.to.name} (${index.document.theatre.name})`,
    channelsLine(result.graph),
  ];
  if (result.paths.length === 0) return [...lines, "", `No path: ${result.reason}.`].join("\n");
  const count = `${result.shortestPathCount} shortest path${result.shortestPathCount === 1 ? "" : "s"}`;
  lines.push(
    `Shortest: ${result.shortestLength} steps (${count} in all). Listed: ${result.paths.length} path` +
      `${result.paths.length === 1 ? "" : "s"} up to ${result.maxLength} steps` +
      (result.complete ? ", all there are." : `, the first ${result.limit}.`),
    "",
  );
  result.paths.forEach((path, i) => {
    const chain = path.steps.map((step) => ` —${verbs(step)}→ ${step.to.name}`).join("");
    lines.push(
      `${String(i + 1).padStart(2)}. ${result.from.name}${chain}${path.shortest ? "" : "  (longer)"}`,
    );
    for (const step of path.steps)
      lines.push(
        `      ${step.from.name} → ${step.to.name}: ` +
          step.relationships.map((r) => `${r.id} [${r.citations[0]!.sourceId}]`).join(", "),
      );
  });
  lines.push("", "Through whom:");
  const width = Math.max(...result.intermediaries.map((entry) => entry.actor.name.length), 0);
  for (const entry of result.intermediaries)
    lines.push(
      `  ${entry.actor.name.padEnd(width)}  ${percent(entry.shareOfShortestPaths).padStart(4)} of shortest paths, ` +
        `on ${entry.paths} of ${result.paths.length} listed`,
    );
  return lines.join("\n");
}

function brokersText(index: TheatreIndex, result: Brokers): string {
  const { graph, method } = result;
  const lines = [
    `Brokers of ${index.document.theatre.name}: ${method.exact ? "exact betweenness" : method.description}`,
    channelsLine(graph),
    `${graph.actors} actors, ${graph.edges} directed edges from ${graph.relationships} relationships; ` +
      `${result.actorsBetweenOthers} actors stand between others.`,
    "",
  ];
  if (result.brokers.length === 0) return [...lines, "No actor stands between two others."].join("\n");
  const width = Math.max(5, ...result.brokers.map((broker) => broker.actor.name.length));
  lines.push(` #  ${"Actor".padEnd(width)}  Betweenness  Normalised   In  Out  Bridged (sole)  For example`);
  for (const broker of result.brokers) {
    const example = broker.bridges.examples[0];
    lines.push(
      `${String(broker.rank).padStart(2)}  ${broker.actor.name.padEnd(width)}  ` +
        `${broker.betweenness.toFixed(1).padStart(11)}  ${broker.normalised.toFixed(4).padStart(10)}  ` +
        `${String(broker.inDegree).padStart(3)}  ${String(broker.outDegree).padStart(3)}  ` +
        `${`${broker.bridges.pairs} (${broker.bridges.solePairs})`.padStart(14)}  ` +
        (example ? `${example.from.name} → ${broker.actor.name} → ${example.to.name}` : ""),
    );
  }
  return lines.join("\n");
}

function channelsLine(graph: Brokers["graph"]): string {
  const dated = graph.includeInactive ? "whatever their dates" : `current at ${graph.asOf}`;
  return `Channels (${dated}): ${graph.channels.map((channel) => channel.kind).join(", ")}`;
}

function verbs(step: InfluenceStep): string {
  return [...new Set(step.relationships.map((relationship) => relationship.verb))].join(", ");
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
