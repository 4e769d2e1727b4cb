/** Text that Markdown must print literally: no emphasis, links or footnote marks from the data. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/([\\`*_[\]<>|#])/g, "\\$1");
}

/** A section: a level-2 heading and its lines, or nothing when there are no lines. */
export function section(title: string, lines: readonly string[], empty?: string): string[] {
  if (lines.length === 0) return empty === undefined ? [] : [`## ${title}`, "", empty, ""];
  return [`## ${title}`, "", ...lines, ""];
}

/** A Markdown table; cells are escaped by the caller. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  if (rows.length === 0) return [];
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
}
