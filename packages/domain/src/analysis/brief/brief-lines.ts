import { actorRef } from "../actor-ref";
import type { Interest } from "../../model/interest";
import type { Judged } from "../../model/judgement";
import type { Relationship } from "../../model/relationship";
import type { TheatreIndex } from "../theatre-index";
import type { Footnotes } from "./footnotes";
import { escapeMarkdown } from "./markdown";

export const JUDGEMENT_LEGEND = "† an analyst's judgement, not a figure the sources state.";

/** The lines every kind of brief shares: interests, ties, judged values. */
export class BriefLines {
  constructor(
    readonly index: TheatreIndex,
    readonly notes: Footnotes,
  ) {}

  name(actorId: string): string {
    return escapeMarkdown(actorRef(this.index, actorId).name);
  }

  names(actorIds: readonly string[]): string {
    return actorIds.map((id) => this.name(id)).join(", ");
  }

  /** A judged value: its number and, for a sourced one, its footnotes; an analyst's judgement says so. */
  judged(value: Judged<number>, unit = ""): string {
    return value.basis === "sourced"
      ? `${value.value}${unit}${this.notes.mark(value.citations)}`
      : `${value.value}${unit} (analyst's judgement)`;
  }

  /** A judged value in a table: a judgement is marked with a dagger (see JUDGEMENT_LEGEND). */
  judgedMark(value: Judged<number>): string {
    return value.basis === "sourced"
      ? `${value.value}${this.notes.mark(value.citations)}`
      : `${value.value}†`;
  }

  /** "- Objective — salience 90, core; position 10 on *Issue* (none–full)[^3]" */
  interest(interest: Interest, owner = false): string {
    const who = owner ? `${this.name(interest.actorId)}: ` : "";
    const facts = [`salience ${this.judged(interest.salience)}`];
    if (interest.core) facts.push("**core** (not traded)");
    if (interest.position) {
      const issue = this.index.issues.get(interest.position.issueId);
      const scale = issue
        ? ` (${issue.scale.min} = ${escapeMarkdown(issue.scale.minLabel)}, ${issue.scale.max} = ${escapeMarkdown(issue.scale.maxLabel)})`
        : "";
      facts.push(
        `position ${this.judged(interest.position.value)} on *${escapeMarkdown(issue?.name ?? interest.position.issueId)}*${scale}`,
      );
    }
    return `- ${who}${escapeMarkdown(interest.objective)}${this.notes.mark(interest.citations)} — ${facts.join("; ")}`;
  }

  /** "- Taliban —hosts→ TTP (since 2021): description[^4]" */
  tie(relationship: Relationship): string {
    const other = relationship.otherPartyId ? ` and ${this.name(relationship.otherPartyId)}` : "";
    const dates = [
      relationship.start ? `from ${relationship.start}` : "",
      relationship.end ? `until ${relationship.end}` : "",
    ]
      .filter(Boolean)
      .join(" ");
    return (
      `- ${this.name(relationship.from)} —${relationship.kind}→ ${this.name(relationship.to)}${other}` +
      `${dates ? ` (${dates})` : ""}: ${escapeMarkdown(relationship.description)}${this.notes.mark(relationship.citations)}`
    );
  }
}
