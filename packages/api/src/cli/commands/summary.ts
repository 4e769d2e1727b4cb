import { parseArgs } from "node:util";
import { summariseTheatre, type TheatreDocument } from "@parley/domain";
import { checkTheatre } from "../../theatre-files";
import type { Config } from "../../env";
import { EXIT, type Output } from "../io";
import { plural, printInvalid } from "../print-problems";
import { selectTheatres } from "../select-theatres";

export const summaryUsage = `parley summary [PATH] [--theatre ID]
  Validates each shipped theatre (or the one given) and prints what it holds: counts, actors by kind,
  cooperation areas by assessed feasibility, scenarios and their indicators, citations per source.`;

export function summaryCommand(args: string[], config: Config, io: Output): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { theatre: { type: "string" } },
  });
  let failed = 0;
  for (const location of selectTheatres(config, { path: positionals[0], theatreId: values.theatre }, "all")) {
    const check = checkTheatre(location);
    if (!check.document) {
      failed++;
      printInvalid(io, location, check.problems, "INVALID");
      continue;
    }
    printSummary(io, check.document, location);
  }
  return failed > 0 ? EXIT.invalid : EXIT.ok;
}

function printSummary(io: Output, document: TheatreDocument, location: string): void {
  const summary = summariseTheatre(document);
  const { counts } = summary;
  const { theatre } = document;
  io.out(`${theatre.name} [${theatre.id}], as of ${theatre.asOf}: valid (${location})`);
  io.out(`  ${theatre.description}`);
  io.out("");
  io.out(
    `  ${plural(counts.sources, "source")} · ${plural(counts.actors, "actor")} · ${plural(counts.issues, "issue")} · ` +
      `${plural(counts.interests, "interest")} (${plural(counts.positions, "position")}) · ${plural(counts.relationships, "relationship")} · ` +
      `${plural(counts.cooperationAreas, "cooperation area")} · ${plural(counts.leverage, "leverage instrument")} · ` +
      `${plural(counts.tradeOffs, "trade-off")} · ${plural(counts.scenarios, "scenario")} (${plural(counts.indicators, "indicator")}) · ` +
      `${plural(counts.options, "option set")} · ${plural(counts.events, "event")} · ${plural(counts.figures, "figure")}`,
  );
  io.out(
    `  ${plural(counts.citations, "citation")}; ${summary.judgedValues.judgement} values are analyst judgements (with rationale), ${summary.judgedValues.sourced} are sourced`,
  );
  io.out("");
  io.out("  Actors by kind:");
  for (const [kind, count] of Object.entries(summary.actorsByKind).sort(([, a], [, b]) => b - a))
    io.out(`    ${String(count).padStart(3)}  ${kind}`);
  io.out("");
  io.out("  Cooperation areas, by assessed feasibility (0-100):");
  for (const area of summary.cooperationAreas)
    io.out(`    ${String(area.feasibility).padStart(3)}  ${area.name} (${area.status})`);
  io.out("");
  io.out("  Destabilisation scenarios (likelihood 0-100; indicators by status):");
  for (const scenario of summary.scenarios) {
    const statuses = Object.entries(scenario.indicators)
      .map(([status, count]) => `${count} ${status}`)
      .join(", ");
    io.out(`    ${String(scenario.likelihood).padStart(3)}  ${scenario.name}: ${statuses}`);
  }
  io.out("");
  io.out("  Citations by source:");
  for (const source of document.sources)
    io.out(
      `    ${String(summary.citationsBySource[source.id] ?? 0).padStart(4)}  ${source.title} (${source.publisher ?? "publisher not stated"})`,
    );
}
