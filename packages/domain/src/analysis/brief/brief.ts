import type { TheatreIndex } from "../theatre-index";
import type { BriefLines } from "./brief-lines";
import type { Footnote } from "./footnotes";
import { escapeMarkdown } from "./markdown";

/** A Markdown brief and the passages its numbered footnotes quote. */
export interface Brief {
  kind: "actor" | "area" | "pair";
  subjectIds: string[];
  title: string;
  markdown: string;
  footnotes: Footnote[];
}

/** Puts the title, the provenance line, the sections and the footnotes together. */
export function assembleBrief(
  lines: BriefLines,
  kind: Brief["kind"],
  subjectIds: string[],
  title: string,
  body: string[],
): Brief {
  const theatre = lines.index.document.theatre;
  const markdown = [
    `# ${escapeMarkdown(title)}`,
    "",
    `*A Parley brief from the theatre “${escapeMarkdown(theatre.name)}”, as of ${theatre.asOf}. ` +
      "Numbers marked “analyst's judgement” are assessments, not facts the sources state; " +
      "every other statement is footnoted to the passage that supports it.*",
    "",
    ...body,
    ...(lines.notes.list.length > 0 ? ["## Sources", "", lines.notes.render(lines.index.sources), ""] : []),
  ].join("\n");
  return { kind, subjectIds, title, markdown, footnotes: lines.notes.list };
}

export function scenarioIdsNaming(index: TheatreIndex, actorIds: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const actorId of actorIds)
    for (const scenario of index.scenariosByActor.get(actorId) ?? []) ids.add(scenario.id);
  return index.document.scenarios.filter((scenario) => ids.has(scenario.id)).map((scenario) => scenario.id);
}
