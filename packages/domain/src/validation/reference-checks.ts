import { forEachCitation } from "../model/for-each-citation";
import type { Theatre } from "../model/theatre";
import type { CollectionKey } from "../model/theatre-document";
import { closestMatch } from "./suggest";
import { reportParentCycles } from "./parent-cycles";
import type { PathSegment, Problem } from "./problem";
import { indexed, ReferenceContext, type Path } from "./reference-context";
import type { ParsedCollections } from "./schema-checks";

/**
 * Checks everything the schemas cannot see on their own: that ids are unique and every reference
 * resolves, that parent chains end, that dates run forwards and that values lie on their scales.
 */
export function checkReferences(theatre: Theatre | undefined, c: ParsedCollections): Problem[] {
  const context = new ReferenceContext(c);
  checkActors(context, c);
  checkInterests(context, c);
  checkRelationships(context, c);
  checkCooperationAreas(context, c);
  checkLeverageAndTradeOffs(context, c);
  checkScenarios(context, c);
  checkOptionSets(context, c);
  checkEventsAndFigures(context, c);
  checkCitations(context, theatre, c);
  return context.problems;
}

function checkActors(context: ReferenceContext, c: ParsedCollections): void {
  const parentOf = new Map<string, string>();
  for (const { index, value: actor } of c.actors) {
    const at: Path = ["actors", index];
    if (actor.parentId === actor.id) context.report([...at, "parentId"], "an actor cannot be its own parent");
    else if (actor.parentId !== undefined) {
      context.expect("actor", actor.parentId, at, "parentId");
      parentOf.set(actor.id, actor.parentId);
    } else if (actor.parentRelation !== undefined) {
      context.report([...at, "parentRelation"], "is set but parentId is not");
    }
    context.dateOrder(actor.founded, actor.dissolved, "founded", at, "dissolved");
    const capabilities = indexed(actor.capabilities);
    context.duplicates(
      capabilities,
      (cap) => cap.issueId ?? "(general)",
      (i) => [...at, "capabilities", i, "issueId"],
      "capability",
    );
    for (const { index: i, value: cap } of capabilities)
      context.expect("issue", cap.issueId, at, "capabilities", i, "issueId");
  }
  reportParentCycles(context, c.actors, parentOf);
}

function checkInterests(context: ReferenceContext, c: ParsedCollections): void {
  /** Issue id -> actor id -> index of the first interest giving that actor's position on the issue. */
  const positionAt = new Map<string, Map<string, number>>();
  for (const { index, value: interest } of c.interests) {
    const at: Path = ["interests", index];
    context.expect("actor", interest.actorId, at, "actorId");
    if (!interest.position) continue;
    const { issueId, value } = interest.position;
    context.expect("issue", issueId, at, "position", "issueId");
    context.onScale(
      context.entryWithId("issues", issueId)?.scale,
      value.value,
      "issue",
      issueId,
      at,
      "position",
      "value",
      "value",
    );
    let onIssue = positionAt.get(issueId);
    if (!onIssue) positionAt.set(issueId, (onIssue = new Map()));
    const first = onIssue.get(interest.actorId);
    if (first === undefined) onIssue.set(interest.actorId, index);
    else
      context.report(
        [...at, "position", "issueId"],
        `actor "${interest.actorId}" already has a position on "${issueId}" (interests[${first}])`,
      );
  }
}

function checkRelationships(context: ReferenceContext, c: ParsedCollections): void {
  for (const { index, value: tie } of c.relationships) {
    const at: Path = ["relationships", index];
    context.expect("actor", tie.from, at, "from");
    context.expect("actor", tie.to, at, "to");
    if (tie.from === tie.to) context.report([...at, "to"], "a relationship needs two different actors");
    if (tie.kind === "mediates-between") {
      if (tie.otherPartyId === undefined)
        context.report([...at, "otherPartyId"], 'is required for "mediates-between"');
      else if (tie.otherPartyId === tie.to || tie.otherPartyId === tie.from)
        context.report([...at, "otherPartyId"], "must differ from both from and to");
      else context.expect("actor", tie.otherPartyId, at, "otherPartyId");
    } else if (tie.otherPartyId !== undefined) {
      context.report([...at, "otherPartyId"], `is only for "mediates-between", not "${tie.kind}"`);
    }
    context.dateOrder(tie.start, tie.end, "start", at, "end");
  }
}

function checkCooperationAreas(context: ReferenceContext, c: ParsedCollections): void {
  for (const { index, value: area } of c.cooperationAreas) {
    const at: Path = ["cooperationAreas", index];
    const participants = indexed(area.participants);
    for (const { index: i, value: p } of participants)
      context.expect("actor", p.actorId, at, "participants", i, "actorId");
    context.duplicates(
      participants,
      (p) => p.actorId,
      (i) => [...at, "participants", i, "actorId"],
      "participant",
    );
    const participantIds = new Set(area.participants.map((p) => p.actorId));
    area.sharedInterests.forEach((shared, i) =>
      shared.interestIds.forEach((id, j) => {
        context.expect("interest", id, at, "sharedInterests", i, "interestIds", j);
        const owner = context.entryWithId("interests", id)?.actorId;
        if (owner !== undefined && !participantIds.has(owner))
          context.report(
            [...at, "sharedInterests", i, "interestIds", j],
            `interest "${id}" belongs to "${owner}", who is not a participant`,
          );
      }),
    );
    area.obstacles.forEach((obstacle, i) => {
      context.expectAll("actor", obstacle.actorIds, at, "obstacles", i, "actorIds");
      context.expectAll("interest", obstacle.interestIds, at, "obstacles", i, "interestIds");
    });
    area.enablers.forEach((enabler, i) =>
      context.expectAll("actor", enabler.actorIds, at, "enablers", i, "actorIds"),
    );
    context.expectAll("issue", area.issueIds, at, "issueIds");
  }
}

function checkLeverageAndTradeOffs(context: ReferenceContext, c: ParsedCollections): void {
  for (const { index, value: lever } of c.leverage) {
    const at: Path = ["leverage", index];
    context.expect("actor", lever.holderId, at, "holderId");
    context.expect("actor", lever.targetId, at, "targetId");
    if (lever.holderId === lever.targetId)
      context.report([...at, "targetId"], "an actor cannot hold leverage over itself");
    context.expectAll("cooperation area", lever.risksCooperationAreaIds, at, "risksCooperationAreaIds");
  }
  for (const { index, value: tradeOff } of c.tradeOffs) {
    const at: Path = ["tradeOffs", index];
    context.expectAll("actor", tradeOff.actorIds, at, "actorIds");
    context.expectAll("leverage instrument", tradeOff.leverageIds, at, "leverageIds");
    context.expectAll("cooperation area", tradeOff.cooperationAreaIds, at, "cooperationAreaIds");
  }
}

function checkScenarios(context: ReferenceContext, c: ParsedCollections): void {
  for (const { index, value: scenario } of c.scenarios) {
    const at: Path = ["scenarios", index];
    context.expectAll("actor", scenario.actorIds, at, "actorIds");
    context.duplicates(
      indexed(scenario.indicators),
      (indicator) => indicator.id,
      (i) => [...at, "indicators", i, "id"],
    );
    scenario.consequences.forEach((consequence, i) => {
      context.expectAll("actor", consequence.actorIds, at, "consequences", i, "actorIds");
      context.expectAll("interest", consequence.interestIds, at, "consequences", i, "interestIds");
    });
  }
}

function checkOptionSets(context: ReferenceContext, c: ParsedCollections): void {
  for (const { index, value: set } of c.options) {
    const at: Path = ["options", index];
    context.expectAll("actor", set.decisionMakerIds, at, "decisionMakerIds");
    const scales = new Map(set.criteria.map((criterion) => [criterion.id, criterion.scale]));
    context.duplicates(
      indexed(set.criteria),
      (criterion) => criterion.id,
      (i) => [...at, "criteria", i, "id"],
    );
    set.criteria.forEach((criterion, j) => {
      if (criterion.veto !== undefined)
        context.onScale(
          criterion.scale,
          criterion.veto.value,
          "criterion",
          criterion.id,
          at,
          "criteria",
          j,
          "veto",
          "value",
        );
    });
    context.duplicates(
      indexed(set.options),
      (option) => option.id,
      (i) => [...at, "options", i, "id"],
    );
    set.options.forEach((option, i) => {
      const optionAt: Path = [...at, "options", i];
      context.expectAll("actor", option.actorIds, optionAt, "actorIds");
      const scores = indexed(option.scores);
      context.duplicates(
        scores,
        (score) => score.criterionId,
        (j) => [...optionAt, "scores", j, "criterionId"],
        "score for criterion",
      );
      for (const { index: j, value: score } of scores) {
        const scale = scales.get(score.criterionId);
        if (scale === undefined)
          context.reportUnknown(
            `criterion "${score.criterionId}" in option set "${set.id}"`,
            closestMatch(score.criterionId, scales.keys()),
            [...optionAt, "scores", j, "criterionId"],
          );
        else
          context.onScale(
            scale,
            score.value.value,
            "criterion",
            score.criterionId,
            optionAt,
            "scores",
            j,
            "value",
            "value",
          );
      }
    });
  }
}

function checkEventsAndFigures(context: ReferenceContext, c: ParsedCollections): void {
  for (const { index, value: event } of c.events) {
    const at: Path = ["events", index];
    context.expectAll("actor", event.actorIds, at, "actorIds");
    context.dateOrder(event.date, event.endDate, "date", at, "endDate");
  }
  for (const { index, value: figure } of c.figures) {
    const at: Path = ["figures", index];
    context.expectAll("actor", figure.actorIds, at, "actorIds");
    context.dateOrder(figure.date, figure.endDate, "date", at, "endDate");
    if (figure.upperValue !== undefined && figure.upperValue < figure.value)
      context.report(["figures", index, "upperValue"], `${figure.upperValue} is below value ${figure.value}`);
  }
}

/** Every `citations` list anywhere in the theatre must point at known sources. */
function checkCitations(context: ReferenceContext, theatre: Theatre | undefined, c: ParsedCollections): void {
  const expectSource = (citation: { sourceId: string }, path: readonly PathSegment[]) =>
    context.expect("source", citation.sourceId, path, "sourceId");
  if (theatre) forEachCitation(theatre, ["theatre"], expectSource);
  for (const key of Object.keys(c) as CollectionKey[]) {
    for (const { index, value } of c[key]) forEachCitation(value, [key, index], expectSource);
  }
}
