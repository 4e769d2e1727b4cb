import type { BargainingScenario } from "../bargaining-scenario";
import { fieldName, numberField, ScenarioFileError, type CsvLine } from "./csv-lines";

/** Headings accepted for each column, lower-cased. */
const COLUMNS = {
  name: ["actor", "name", "stakeholder"],
  capability: ["capability", "power", "influence", "clout"],
  position: ["position"],
  salience: ["salience"],
  description: ["description"],
} as const;
type Column = keyof typeof COLUMNS;

/**
 * A scenario in the common BDM CSV layout: a heading line naming the columns Actor, Capability, Position
 * and Salience (in any order; Power, Influence or Clout for Capability; an optional Description), then one
 * line per actor. Saliences are read as fractions when none exceeds 1, as percentages otherwise. The
 * dimension's scale is the range of the positions, as in Scholz et al. (2011).
 */
export function readBdmCsv(records: CsvLine[], scenarioName: string): BargainingScenario {
  const [heading, ...rows] = records;
  if (!heading) throw new ScenarioFileError(1, undefined, "the file is empty");
  const columns = locateColumns(heading);
  if (rows.length < 2)
    throw new ScenarioFileError(heading.line, undefined, "a scenario needs at least two actors");
  const seen = new Map<string, number>();
  const actors = rows.map((row) => {
    const name = row.fields[columns.name] ?? "";
    if (name === "")
      throw new ScenarioFileError(
        row.line,
        fieldName(columns.name, heading.fields[columns.name]!),
        "is missing",
      );
    const earlier = seen.get(name);
    if (earlier !== undefined)
      throw new ScenarioFileError(
        row.line,
        fieldName(columns.name, heading.fields[columns.name]!),
        `"${name}" is already on line ${earlier}`,
      );
    seen.set(name, row.line);
    const capability = numberField(row, columns.capability, heading.fields[columns.capability]!);
    if (capability < 0)
      throw new ScenarioFileError(
        row.line,
        fieldName(columns.capability, heading.fields[columns.capability]!),
        "must not be negative",
      );
    const salience = numberField(row, columns.salience, heading.fields[columns.salience]!);
    if (salience < 0 || salience > 100)
      throw new ScenarioFileError(
        row.line,
        fieldName(columns.salience, heading.fields[columns.salience]!),
        `${salience} is outside 0 to 1 (or 0 to 100)`,
      );
    return {
      line: row.line,
      name,
      description: columns.description === undefined ? "" : (row.fields[columns.description] ?? ""),
      capability,
      position: numberField(row, columns.position, heading.fields[columns.position]!),
      salience,
    };
  });
  const percentages = actors.some((actor) => actor.salience > 1);
  const positions = actors.map((actor) => actor.position);
  const min = Math.min(...positions);
  const max = Math.max(...positions);
  if (min === max)
    throw new ScenarioFileError(
      rows[0]!.line,
      fieldName(columns.position, heading.fields[columns.position]!),
      `every actor stands at ${min}: there is nothing to bargain over`,
    );
  return {
    name: scenarioName,
    description: "",
    dimensions: [{ name: heading.fields[columns.position]!, min, max }],
    actors: actors.map((actor) => ({
      id: actor.name,
      name: actor.name,
      description: actor.description,
      capability: actor.capability,
      position: [actor.position],
      salience: [percentages ? actor.salience / 100 : actor.salience],
    })),
  };
}

function locateColumns(
  heading: CsvLine,
): Record<Exclude<Column, "description">, number> & { description?: number } {
  const found: Partial<Record<Column, number>> = {};
  heading.fields.forEach((title, index) => {
    const lower = title.toLowerCase();
    for (const column of Object.keys(COLUMNS) as Column[]) {
      if ((COLUMNS[column] as readonly string[]).includes(lower)) {
        if (found[column] !== undefined)
          throw new ScenarioFileError(heading.line, fieldName(index, title), `a second ${column} column`);
        found[column] = index;
      }
    }
  });
  for (const column of ["name", "capability", "position", "salience"] as const) {
    if (found[column] === undefined)
      throw new ScenarioFileError(
        heading.line,
        undefined,
        `no ${column} column: the heading must name ${COLUMNS[column].map((title) => `"${title}"`).join(" or ")}`,
      );
  }
  return found as Record<Exclude<Column, "description">, number> & { description?: number };
}
