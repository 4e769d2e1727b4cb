/** One record of a CSV file: its 1-based line number and its fields, trimmed. */
export interface CsvLine {
  line: number;
  fields: string[];
}

/** A file that cannot be read, located by line and, where one is at fault, by field. */
export class ScenarioFileError extends Error {
  override readonly name = "ScenarioFileError";

  constructor(
    readonly line: number,
    readonly field: string | undefined,
    readonly problem: string,
  ) {
    super(`line ${line}${field === undefined ? "" : `, ${field}`}: ${problem}`);
  }
}

/**
 * The non-blank records of a CSV text (RFC 4180 quoting: a quoted field may hold commas, line breaks and
 * doubled quotes). A trailing comma, as KTAB writes, leaves no empty last field.
 */
export function readCsvLines(text: string): CsvLine[] {
  const records: CsvLine[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const endRecord = () => {
    fields.push(field.trim());
    if (fields.length > 1 && fields[fields.length - 1] === "") fields.pop();
    if (fields.some((value) => value !== "")) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        field += char;
      }
    } else if (char === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (char === ",") {
      fields.push(field.trim());
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += char;
  }
  if (quoted) throw new ScenarioFileError(recordLine, undefined, "a quoted field is never closed");
  endRecord();
  return records;
}

/** The field `name` at `index` of `record`, as a finite number. */
export function numberField(record: CsvLine, index: number, name: string): number {
  const raw = record.fields[index];
  if (raw === undefined || raw === "")
    throw new ScenarioFileError(record.line, fieldName(index, name), "is missing");
  const value = Number(raw);
  if (!Number.isFinite(value))
    throw new ScenarioFileError(record.line, fieldName(index, name), `"${raw}" is not a number`);
  return value;
}

export function fieldName(index: number, name: string): string {
  return `field ${index + 1} (${name})`;
}
