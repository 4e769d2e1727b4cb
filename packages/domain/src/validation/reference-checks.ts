import { forEachCitation } from "../model/for-each-citation";
import { endsBeforeStart, type PartialDate } from "../model/partial-date";
import { onScale, type Scale } from "../model/scale";
import type { Theatre } from "../model/theatre";
import type { CollectionKey } from "../model/theatre-document";
import type { PathSegment, Problem } from "./problem";
import type { Indexed, ParsedCollections } from "./schema-checks";
import { closestMatch } from "./suggest";

type Target = "actor" | "issue" | "source" | "interest" | "cooperation area" | "leverage instrument";
type Path = PathSegment[];

/**
 * Checks everything the schemas cannot see on their own: that ids are unique and every reference
 * resolves, that parent chains end, that dates run forwards and that values lie on their scales.
 */
export function checkReferences(theatre: Theatre | undefined, c: ParsedCollections): Problem[] {
  const problems: Problem[] = [];
  const report = (path: Path, message: string) => problems.push({ path, message });

  for (const key of Object.keys(c) as CollectionKey[]) {
    reportDuplicates(
      c[key] as Indexed<{ id: string }>[],
      (e) => e.id,
      (i) => [key, i, "id"],
      report,
    );
  }
  const known: Record<Target, Set<string>> = {
    actor: ids(c.actors),
    issue: ids(c.issues),
    source: ids(c.sources),
    interest: ids(c.interests),
    "cooperation area": ids(c.cooperationAreas),
    "leverage instrument": ids(c.leverage),
  };
  const expect = (target: Target, id: string | undefined, path: Path) => {
    if (id === undefined || known[target].has(id)) return;
    const guess = closestMatch(id, known[target]);
    report(path, `unknown ${target} "${id}"${guess ? ` (did you mean "${guess}"?)` : ""}`);
  };
  const expectAll = (target: Target, list: readonly string[], path: Path) =>
    list.forEach((id, i) => expect(target, id, [...path, i]));
  const dateOrder = (
    start: PartialDate | undefined,
    end: PartialDate | undefined,
    path: Path,
    startName: string,
  ) => {
    if (start !== undefined && end !== undefined && endsBeforeStart(start, end))
      report(path, `"${end}" is before ${startName} "${start}"`);
  };
  const issueScale = new Map(c.issues.map(({ value }) => [value.id, value.scale]));
  const interestOwner = new Map(c.interests.map(({ value }) => [value.id, value.actorId]));

  const expectSource = (citation: { sourceId: string }, path: Path) =>
    expect("source", citation.sourceId, [...path, "sourceId"]);
  if (theatre) forEachCitation(theatre, ["theatre"], expectSource);

  const parentOf = new Map<string, string>();
  for (const { index, value: actor } of c.actors) {
    const at: Path = ["actors", index];
    if (actor.parentId !== undefined) {
      if (actor.parentId === actor.id) report([...at, "parentId"], "an actor cannot be its own parent");
      else {
        expect("actor", actor.parentId, [...at, "parentId"]);
        parentOf.set(actor.id, actor.parentId);
      }
    } else if (actor.parentRelation !== undefined) {
      report([...at, "parentRelation"], "is set but parentId is not");
    }
    dateOrder(actor.founded, actor.dissolved, [...at, "dissolved"], "founded");
    reportDuplicates(
      actor.capabilities.map((value, i) => ({ index: i, value })),
      (cap) => cap.issueId ?? "(general)",
      (i) => [...at, "capabilities", i, "issueId"],
      report,
      "capability",
    );
    actor.capabilities.forEach((cap, i) =>
      expect("issue", cap.issueId, [...at, "capabilities", i, "issueId"]),
    );
  }
  reportParentCycles(c.actors, parentOf, report);

  const positionOf = new Map<string, number>();
  for (const { index, value: interest } of c.interests) {
    const at: Path = ["interests", index];
    expect("actor", interest.actorId, [...at, "actorId"]);
    if (!interest.position) continue;
    const { issueId, value } = interest.position;
    expect("issue", issueId, [...at, "position", "issueId"]);
    checkOnScale(
      issueScale.get(issueId),
      value.value,
      [...at, "position", "value", "value"],
      `issue "${issueId}"`,
      report,
    );
    const key = `${interest.actorId}\u0000${issueId}`;
    const first = positionOf.get(key);
    if (first !== undefined)
      report(
        [...at, "position", "issueId"],
        `actor "${interest.actorId}" already has a position on "${issueId}" (interests[${first}])`,
      );
    else positionOf.set(key, index);
  }

  for (const { index, value: tie } of c.relationships) {
    const at: Path = ["relationships", index];
    expect("actor", tie.from, [...at, "from"]);
    expect("actor", tie.to, [...at, "to"]);
    if (tie.from === tie.to) report([...at, "to"], "a relationship needs two different actors");
    if (tie.kind === "mediates-between") {
      if (tie.otherPartyId === undefined)
        report([...at, "otherPartyId"], 'is required for "mediates-between"');
      else {
        expect("actor", tie.otherPartyId, [...at, "otherPartyId"]);
        if (tie.otherPartyId === tie.to || tie.otherPartyId === tie.from)
          report([...at, "otherPartyId"], "must differ from both from and to");
      }
    } else if (tie.otherPartyId !== undefined) {
      report([...at, "otherPartyId"], `is only for "mediates-between", not "${tie.kind}"`);
    }
    dateOrder(tie.start, tie.end, [...at, "end"], "start");
  }

  for (const { index, value: area } of c.cooperationAreas) {
    const at: Path = ["cooperationAreas", index];
    const participants = new Set(area.participants.map((p) => p.actorId));
    area.participants.forEach((p, i) => expect("actor", p.actorId, [...at, "participants", i, "actorId"]));
    reportDuplicates(
      area.participants.map((value, i) => ({ index: i, value })),
      (p) => p.actorId,
      (i) => [...at, "participants", i, "actorId"],
      report,
      "participant",
    );
    area.sharedInterests.forEach((shared, i) =>
      shared.interestIds.forEach((id, j) => {
        const path = [...at, "sharedInterests", i, "interestIds", j];
        expect("interest", id, path);
        const owner = interestOwner.get(id);
        if (owner !== undefined && !participants.has(owner))
          report(path, `interest "${id}" belongs to "${owner}", who is not a participant`);
      }),
    );
    area.obstacles.forEach((obstacle, i) => {
      expectAll("actor", obstacle.actorIds, [...at, "obstacles", i, "actorIds"]);
      expectAll("interest", obstacle.interestIds, [...at, "obstacles", i, "interestIds"]);
    });
    area.enablers.forEach((enabler, i) =>
      expectAll("actor", enabler.actorIds, [...at, "enablers", i, "actorIds"]),
    );
    expectAll("issue", area.issueIds, [...at, "issueIds"]);
  }

  for (const { index, value: lever } of c.leverage) {
    const at: Path = ["leverage", index];
    expect("actor", lever.holderId, [...at, "holderId"]);
    expect("actor", lever.targetId, [...at, "targetId"]);
    if (lever.holderId === lever.targetId)
      report([...at, "targetId"], "an actor cannot hold leverage over itself");
    expectAll("cooperation area", lever.risksCooperationAreaIds, [...at, "risksCooperationAreaIds"]);
  }

  for (const { index, value: tradeOff } of c.tradeOffs) {
    const at: Path = ["tradeOffs", index];
    expectAll("actor", tradeOff.actorIds, [...at, "actorIds"]);
    expectAll("leverage instrument", tradeOff.leverageIds, [...at, "leverageIds"]);
    expectAll("cooperation area", tradeOff.cooperationAreaIds, [...at, "cooperationAreaIds"]);
  }

  for (const { index, value: scenario } of c.scenarios) {
    const at: Path = ["scenarios", index];
    expectAll("actor", scenario.actorIds, [...at, "actorIds"]);
    reportDuplicates(
      scenario.indicators.map((value, i) => ({ index: i, value })),
      (indicator) => indicator.id,
      (i) => [...at, "indicators", i, "id"],
      report,
    );
    scenario.consequences.forEach((consequence, i) => {
      expectAll("actor", consequence.actorIds, [...at, "consequences", i, "actorIds"]);
      expectAll("interest", consequence.interestIds, [...at, "consequences", i, "interestIds"]);
    });
  }

  for (const { index, value: set } of c.options) {
    const at: Path = ["options", index];
    expectAll("actor", set.decisionMakerIds, [...at, "decisionMakerIds"]);
    const criteria = new Map(set.criteria.map((criterion) => [criterion.id, criterion.scale]));
    reportDuplicates(
      set.criteria.map((value, i) => ({ index: i, value })),
      (criterion) => criterion.id,
      (i) => [...at, "criteria", i, "id"],
      report,
    );
    reportDuplicates(
      set.options.map((value, i) => ({ index: i, value })),
      (option) => option.id,
      (i) => [...at, "options", i, "id"],
      report,
    );
    set.options.forEach((option, i) => {
      const optionAt: Path = [...at, "options", i];
      expectAll("actor", option.actorIds, [...optionAt, "actorIds"]);
      reportDuplicates(
        option.scores.map((value, j) => ({ index: j, value })),
        (score) => score.criterionId,
        (j) => [...optionAt, "scores", j, "criterionId"],
        report,
        "score for criterion",
      );
      option.scores.forEach((score, j) => {
        const scale = criteria.get(score.criterionId);
        if (scale === undefined) {
          const guess = closestMatch(score.criterionId, criteria.keys());
          report(
            [...optionAt, "scores", j, "criterionId"],
            `unknown criterion "${score.criterionId}" in option set "${set.id}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
          );
        } else {
          checkOnScale(
            scale,
            score.value.value,
            [...optionAt, "scores", j, "value", "value"],
            `criterion "${score.criterionId}"`,
            report,
          );
        }
      });
    });
  }

  for (const { index, value: event } of c.events) {
    expectAll("actor", event.actorIds, ["events", index, "actorIds"]);
    dateOrder(event.date, event.endDate, ["events", index, "endDate"], "date");
  }

  for (const { index, value: figure } of c.figures) {
    expectAll("actor", figure.actorIds, ["figures", index, "actorIds"]);
    dateOrder(figure.date, figure.endDate, ["figures", index, "endDate"], "date");
    if (figure.upperValue !== undefined && figure.upperValue < figure.value)
      report(["figures", index, "upperValue"], `${figure.upperValue} is below value ${figure.value}`);
  }

  for (const key of Object.keys(c) as CollectionKey[]) {
    for (const { index, value } of c[key]) forEachCitation(value, [key, index], expectSource);
  }
  return problems;
}

function ids(entries: Indexed<{ id: string }>[]): Set<string> {
  return new Set(entries.map((entry) => entry.value.id));
}

function reportDuplicates<T>(
  entries: Indexed<T>[],
  keyOf: (value: T) => string,
  pathOf: (index: number) => Path,
  report: (path: Path, message: string) => void,
  what = "id",
): void {
  const firstIndex = new Map<string, number>();
  for (const { index, value } of entries) {
    const key = keyOf(value);
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else report(pathOf(index), `duplicate ${what} "${key}" (first used at index ${first})`);
  }
}

function checkOnScale(
  scale: Scale | undefined,
  value: number,
  path: Path,
  owner: string,
  report: (path: Path, message: string) => void,
): void {
  if (scale !== undefined && !onScale(scale, value))
    report(path, `${value} is outside the scale of ${owner} (${scale.min} to ${scale.max})`);
}

function reportParentCycles(
  actors: Indexed<{ id: string }>[],
  parentOf: Map<string, string>,
  report: (path: Path, message: string) => void,
): void {
  const indexOf = new Map(actors.map(({ index, value }) => [value.id, index]));
  const settled = new Set<string>();
  for (const { value } of actors) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let current: string | undefined = value.id;
    while (current !== undefined && !settled.has(current) && !onChain.has(current)) {
      chain.push(current);
      onChain.add(current);
      current = parentOf.get(current);
    }
    if (current !== undefined && onChain.has(current)) {
      const loop = chain.slice(chain.indexOf(current));
      report(
        ["actors", indexOf.get(current) ?? 0, "parentId"],
        `parent chain loops: ${[...loop, current].join(" -> ")}`,
      );
    }
    chain.forEach((id) => settled.add(id));
  }
}
