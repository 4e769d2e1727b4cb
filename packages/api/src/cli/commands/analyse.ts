import { parseArgs } from "node:util";
import { AnalysisError, indexTheatre } from "@parley/domain";
import { checkTheatre } from "../../theatre-files";
import type { Config } from "../../env";
import { alignmentAnalysis } from "../analyse/alignment";
import type { AnalysisCommand } from "../analyse/analysis-command";
import { briefAnalysis } from "../analyse/brief";
import { cooperationAnalysis } from "../analyse/cooperation";
import { leverageAnalysis } from "../analyse/leverage";
import { networkAnalysis } from "../analyse/network";
import { optionsAnalysis } from "../analyse/options";
import { scenariosAnalysis } from "../analyse/scenarios";
import { EXIT, UsageError, type Output } from "../io";
import { printInvalid } from "../print-problems";
import { selectTheatres } from "../select-theatres";

const analyses: Record<string, AnalysisCommand> = {
  cooperation: cooperationAnalysis,
  alignment: alignmentAnalysis,
  leverage: leverageAnalysis,
  scenarios: scenariosAnalysis,
  options: optionsAnalysis,
  network: networkAnalysis,
  brief: briefAnalysis,
};

const commonOptions = {
  theatre: { type: "string" },
  json: { type: "boolean" },
} as const;

export const analyseUsage = `parley analyse <analysis> [PATH] [--theatre ID] [--json] [options]
  Runs one analysis on a theatre (a directory or document file, or a shipped theatre) and prints it as
  text, or the whole result as JSON with --json. Actors may be named by id, name or alias.
${Object.values(analyses)
  .map((analysis) => analysis.usage.replace(/^/gm, "    "))
  .join("\n")}`;

export function analyseCommand(args: string[], config: Config, io: Output): number {
  const [name, ...rest] = args;
  if (name === undefined) throw new UsageError(`name an analysis: ${Object.keys(analyses).join(", ")}`);
  const analysis = analyses[name];
  if (!analysis)
    throw new UsageError(`unknown analysis "${name}"; analyses: ${Object.keys(analyses).join(", ")}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { ...commonOptions, ...analysis.options },
  });
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const [location] = selectTheatres(config, { path: positionals[0], theatreId: values.theatre }, "one");
  const check = checkTheatre(location!);
  if (!check.document) {
    printInvalid(io, location!, check.problems, "INVALID");
    return EXIT.invalid;
  }
  try {
    const { result, text } = analysis.run(indexTheatre(check.document), values);
    io.out(values.json === true ? JSON.stringify(result, null, 2) : text);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof AnalysisError) {
      io.err(`parley analyse ${name}: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}
