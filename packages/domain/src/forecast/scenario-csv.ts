import { checkScenario, type BargainingScenario } from "./bargaining-scenario";
import { readBdmCsv } from "./csv/bdm-csv";
import { readCsvLines, ScenarioFileError } from "./csv/csv-lines";
import { readKtabCsv } from "./csv/ktab-csv";

export { ScenarioFileError } from "./csv/csv-lines";

export type ScenarioCsvFormat = "ktab" | "bdm";

export interface ScenarioCsvOptions {
  /** Which layout; by default told from the first line (counts in fields 3 and 4 are KTAB, a heading naming "Actor" is BDM). */
  format?: ScenarioCsvFormat;
  /** The scenario's name when the file does not give one (BDM files): e.g. the file's name. */
  name?: string;
}

/** A bargaining scenario read from KTAB's or the common BDM CSV layout; a fault names its line and field. */
export function parseScenarioCsv(text: string, options: ScenarioCsvOptions = {}): BargainingScenario {
  return readScenarioCsv(text, options).scenario;
}

/** The scenario, and which layout it was read in (the one given, or the one the first line shows). */
export function readScenarioCsv(
  text: string,
  options: ScenarioCsvOptions = {},
): { scenario: BargainingScenario; format: ScenarioCsvFormat } {
  const records = readCsvLines(text);
  const first = records[0];
  if (!first) throw new ScenarioFileError(1, undefined, "the file is empty");
  const format = options.format ?? detectFormat(first.fields, first.line);
  const scenario =
    format === "bdm" ? readBdmCsv(records, options.name ?? "BDM scenario") : readKtabCsv(records);
  return { scenario: checkScenario(scenario), format };
}

function detectFormat(fields: string[], line: number): ScenarioCsvFormat {
  if (
    fields.length >= 4 &&
    fields.slice(2, 4).every((field) => field !== "" && Number.isFinite(Number(field)))
  )
    return "ktab";
  const headings = new Set(fields.map((field) => field.toLowerCase()));
  if (["actor", "name", "stakeholder"].some((heading) => headings.has(heading))) return "bdm";
  throw new ScenarioFileError(
    line,
    undefined,
    'neither layout: KTAB files begin "name, description, actors, dimensions"; BDM files begin with a heading naming Actor, Capability, Position and Salience',
  );
}
