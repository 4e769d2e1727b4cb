import type { BargainingActor, BargainingScenario } from "../bargaining-scenario";
import { fieldName, numberField, ScenarioFileError, type CsvLine } from "./csv-lines";

const KTAB_SCALE = 100;
const MAX_CAPABILITY = 1e8;

/**
 * A scenario in KTAB's CSV format. Line 1: name, description, number of actors, number of dimensions.
 * Line 2: "Actor", "Description", "Power", then a position and a salience heading per dimension (the
 * position heading names the dimension). Then one line per actor: name, description, power, and per
 * dimension a position and a salience, both on 0-100; an actor's saliences add up to at most 100.
 */
export function readKtabCsv(records: CsvLine[]): BargainingScenario {
  const [title, heading, ...rows] = records;
  if (!title) throw new ScenarioFileError(1, undefined, "the file is empty");
  const name = title.fields[0] ?? "";
  if (name === "") throw new ScenarioFileError(title.line, fieldName(0, "scenario name"), "is missing");
  const actorCount = countField(title, 2, "number of actors", 2);
  const dimensionCount = countField(title, 3, "number of dimensions", 1);
  if (!heading) throw new ScenarioFileError(title.line + 1, undefined, "the heading line is missing");
  const width = 3 + 2 * dimensionCount;
  if (heading.fields.length < width)
    throw new ScenarioFileError(
      heading.line,
      undefined,
      `the heading names ${heading.fields.length} fields; ${dimensionCount} dimension${dimensionCount === 1 ? "" : "s"} need ${width}`,
    );
  const dimensions = Array.from({ length: dimensionCount }, (_, d) => ({
    name: heading.fields[3 + 2 * d] || `Dimension ${d + 1}`,
    min: 0,
    max: KTAB_SCALE,
  }));
  if (rows.length !== actorCount) {
    const line = rows.length > actorCount ? rows[actorCount]!.line : (rows.at(-1) ?? heading).line;
    throw new ScenarioFileError(
      line,
      undefined,
      `line 1 announces ${actorCount} actors; the file has ${rows.length}`,
    );
  }
  const seen = new Map<string, number>();
  const actors = rows.map((row): BargainingActor => {
    const actorName = row.fields[0] ?? "";
    if (actorName === "") throw new ScenarioFileError(row.line, fieldName(0, "Actor"), "is missing");
    const earlier = seen.get(actorName);
    if (earlier !== undefined)
      throw new ScenarioFileError(
        row.line,
        fieldName(0, "Actor"),
        `"${actorName}" is already on line ${earlier}`,
      );
    seen.set(actorName, row.line);
    const capability = numberField(row, 2, heading.fields[2] || "Power");
    if (capability < 0 || capability > MAX_CAPABILITY)
      throw new ScenarioFileError(
        row.line,
        fieldName(2, heading.fields[2] || "Power"),
        `must be between 0 and ${MAX_CAPABILITY}`,
      );
    const position: number[] = [];
    const salience: number[] = [];
    let totalSalience = 0;
    for (let d = 0; d < dimensionCount; d++) {
      const positionIndex = 3 + 2 * d;
      const value = onKtabScale(row, positionIndex, heading.fields[positionIndex]!);
      const weight = onKtabScale(row, positionIndex + 1, heading.fields[positionIndex + 1]!);
      totalSalience += weight;
      position.push(value);
      salience.push(weight / KTAB_SCALE);
    }
    if (totalSalience > KTAB_SCALE + 1e-9)
      throw new ScenarioFileError(
        row.line,
        undefined,
        `the saliences add up to ${totalSalience}; at most 100 in all`,
      );
    if (row.fields.length > width)
      throw new ScenarioFileError(row.line, fieldName(width, "extra"), `unexpected "${row.fields[width]}"`);
    return {
      id: actorName,
      name: actorName,
      description: row.fields[1] ?? "",
      capability,
      position,
      salience,
    };
  });
  return { name, description: title.fields[1] ?? "", dimensions, actors };
}

function countField(record: CsvLine, index: number, name: string, least: number): number {
  const value = numberField(record, index, name);
  if (!Number.isInteger(value) || value < least)
    throw new ScenarioFileError(
      record.line,
      fieldName(index, name),
      `must be a whole number, at least ${least}`,
    );
  return value;
}

function onKtabScale(record: CsvLine, index: number, name: string): number {
  const value = numberField(record, index, name);
  if (value < 0 || value > KTAB_SCALE)
    throw new ScenarioFileError(record.line, fieldName(index, name), `${value} is outside 0 to 100`);
  return value;
}
