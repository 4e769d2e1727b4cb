import { describe, expect, it } from "vitest";
import { smallTheatre } from "../../test/fixtures/small-theatre";
import { collectionKeys } from "../model/theatre-document";
import { formatProblem, type Problem } from "./problem";
import { validateTheatre } from "./validate-theatre";

function problemsOf(input: unknown): string[] {
  const result = validateTheatre(input);
  if (result.ok) return [];
  return result.problems.map(formatProblem);
}

function expectProblem(input: unknown, expected: string): void {
  expect(problemsOf(input)).toContainEqual(expect.stringContaining(expected));
}

describe("validateTheatre", () => {
  it("accepts a valid theatre and returns the parsed document with defaults filled in", () => {
    const input = smallTheatre() as Record<string, unknown>;
    delete input.figures;
    const result = validateTheatre(input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.document.figures).toEqual([]);
      expect(result.document.actors.map((actor) => actor.id)).toEqual([
        "capital",
        "rebels",
        "rebel-wing",
        "mediator",
      ]);
      expect(Object.keys(result.document)).toEqual(["theatre", ...collectionKeys]);
    }
  });

  it("names the unknown id, its path and a likely intended id", () => {
    const theatre = smallTheatre();
    theatre.interests[0]!.position!.issueId = "autonomi";
    expect(problemsOf(theatre)).toEqual([
      'interests[0].position.issueId: unknown issue "autonomi" (did you mean "autonomy"?)',
    ]);
  });

  it("reports every problem at once, not only the first", () => {
    const theatre = smallTheatre();
    theatre.interests[1]!.actorId = "nobody";
    theatre.relationships[0]!.to = "nowhere";
    theatre.events[0]!.actorIds.push("ghost");
    theatre.actors[0]!.citations[0]!.sourceId = "missing-source";
    theatre.figures[0]!.value = "many" as unknown as number;
    const problems = problemsOf(theatre);
    expect(problems).toHaveLength(5);
    expect(problems).toEqual(
      expect.arrayContaining([
        'interests[1].actorId: unknown actor "nobody"',
        'relationships[0].to: unknown actor "nowhere"',
        'events[0].actorIds[1]: unknown actor "ghost"',
        'actors[0].citations[0].sourceId: unknown source "missing-source"',
        "figures[0].value: Invalid input: expected number, received string",
      ]),
    );
  });

  it("checks references inside entries even when another entry fails its schema", () => {
    const theatre = smallTheatre();
    theatre.actors[1]!.kind = "militia" as never;
    theatre.leverage[0]!.targetId = "nobody";
    const problems = problemsOf(theatre);
    expect(problems).toContainEqual(expect.stringMatching(/^actors\[1\]\.kind: Invalid option/));
    expect(problems).toContain('leverage[0].targetId: unknown actor "nobody"');
  });

  it("finds duplicate ids in collections and inside entries", () => {
    const theatre = smallTheatre();
    theatre.actors.push({ ...theatre.actors[0]! });
    theatre.scenarios[0]!.indicators.push({ ...theatre.scenarios[0]!.indicators[0]! });
    theatre.options[0]!.options[1]!.scores.push({
      criterionId: "access",
      value: { basis: "judgement", value: 1, rationale: "x" },
    });
    const problems = problemsOf(theatre);
    expect(problems).toContain('actors[4].id: duplicate id "capital" (first used at index 0)');
    expect(problems).toContain(
      'scenarios[0].indicators[1].id: duplicate id "defections" (first used at index 0)',
    );
    expect(problems).toContain(
      'options[0].options[1].scores[2].criterionId: duplicate score for criterion "access" (first used at index 0)',
    );
  });

  it("finds cycles in parent chains", () => {
    const theatre = smallTheatre();
    theatre.actors[1]!.parentId = "rebel-wing";
    expectProblem(theatre, "parent chain loops: rebels -> rebel-wing -> rebels");
    const selfParent = smallTheatre();
    selfParent.actors[0]!.parentId = "capital";
    expectProblem(selfParent, "actors[0].parentId: an actor cannot be its own parent");
  });

  it("finds end dates before start dates, whatever precision they are given at", () => {
    const theatre = smallTheatre();
    theatre.relationships[0]!.end = "2018-12";
    theatre.events[0]!.endDate = "2019-02";
    theatre.actors[1]!.dissolved = "2018";
    const problems = problemsOf(theatre);
    expect(problems).toContain('relationships[0].end: "2018-12" is before start "2019"');
    expect(problems).toContain('events[0].endDate: "2019-02" is before date "2019-03-01"');
    expect(problems).toContain('actors[1].dissolved: "2018" is before founded "2019"');
    const sameYear = smallTheatre();
    sameYear.relationships[0]!.end = "2019";
    expect(problemsOf(sameYear)).toEqual([]);
  });

  it("rejects impossible dates", () => {
    const theatre = smallTheatre();
    theatre.events[0]!.date = "2021-02-30";
    theatre.figures[0]!.date = "21-08";
    const problems = problemsOf(theatre);
    expect(problems).toContain("events[0].date: is not a real calendar date");
    expect(problems).toContainEqual(
      expect.stringMatching(/^figures\[0\]\.date: must be a date written YYYY/),
    );
  });

  it("finds values outside their scales", () => {
    const theatre = smallTheatre();
    theatre.interests[0]!.position!.value.value = 150;
    theatre.options[0]!.options[0]!.scores[0]!.value.value = -1;
    theatre.interests[1]!.salience.value = 101;
    theatre.scenarios[0]!.indicators[0]!.weight.value = 2;
    theatre.figures[0]!.upperValue = 10;
    const problems = problemsOf(theatre);
    expect(problems).toContain(
      'interests[0].position.value.value: 150 is outside the scale of issue "autonomy" (0 to 100)',
    );
    expect(problems).toContain(
      'options[0].options[0].scores[0].value.value: -1 is outside the scale of criterion "access" (0 to 10)',
    );
    expect(problems).toContain("interests[1].salience.value: Too big: expected number to be <=100");
    expect(problems).toContain("scenarios[0].indicators[0].weight.value: Too big: expected number to be <=1");
    expect(problems).toContain("figures[0].upperValue: 10 is below value 3000");
  });

  it("checks the shape of relationships and cooperation areas beyond ids", () => {
    const theatre = smallTheatre();
    delete theatre.relationships[1]!.otherPartyId;
    theatre.relationships[0]!.otherPartyId = "mediator";
    theatre.relationships[0]!.to = "rebels";
    theatre.cooperationAreas[0]!.participants = theatre.cooperationAreas[0]!.participants.filter(
      (p) => p.actorId !== "capital",
    );
    const problems = problemsOf(theatre);
    expect(problems).toContain('relationships[1].otherPartyId: is required for "mediates-between"');
    expect(problems).toContain(
      'relationships[0].otherPartyId: is only for "mediates-between", not "attacks"',
    );
    expect(problems).toContain("relationships[0].to: a relationship needs two different actors");
    expect(problems).toContain(
      'cooperationAreas[0].sharedInterests[0].interestIds[0]: interest "capital-peace" belongs to "capital", who is not a participant',
    );
  });

  it("gives one position per actor and issue", () => {
    const theatre = smallTheatre();
    theatre.interests[2]!.position = {
      issueId: "autonomy",
      value: { basis: "judgement", value: 20, rationale: "x" },
    };
    expectProblem(
      theatre,
      'interests[2].position.issueId: actor "capital" already has a position on "autonomy" (interests[0])',
    );
  });

  it("tells a judgement from a sourced fact and demands what each needs", () => {
    const theatre = smallTheatre() as unknown as { interests: { salience: unknown }[] };
    theatre.interests[0]!.salience = { basis: "judgement", value: 50 };
    theatre.interests[1]!.salience = { basis: "sourced", value: 50, citations: [] };
    theatre.interests[2]!.salience = { value: 50, rationale: "no basis" };
    const problems = problemsOf(theatre);
    expect(problems).toContain(
      "interests[0].salience.rationale: Invalid input: expected string, received undefined",
    );
    expect(problems).toContain("interests[1].salience.citations: must cite at least one passage of a source");
    expect(problems).toContain(
      'interests[2].salience.basis: basis must be "judgement" (with a rationale) or "sourced" (with citations)',
    );
  });

  it("demands a citation on every statement and keeps quotes short", () => {
    const theatre = smallTheatre();
    theatre.cooperationAreas[0]!.obstacles[0]!.citations = [];
    theatre.events[0]!.citations[0]!.quote = "x".repeat(401);
    const problems = problemsOf(theatre);
    expect(problems).toContain(
      "cooperationAreas[0].obstacles[0].citations: must cite at least one passage of a source",
    );
    expect(problems).toContain(
      "events[0].citations[0].quote: must be at most 400 characters: quote a passage, not a page",
    );
  });

  it("rejects misspelt fields and unknown top-level keys", () => {
    const theatre = { ...smallTheatre(), actor: [] } as Record<string, unknown>;
    (theatre.sources as Record<string, unknown>[])[0]!.titel = "typo";
    const problems = problemsOf(theatre);
    expect(problems).toContainEqual(
      expect.stringMatching(/^actor: unknown key; expected one of theatre, sources, actors/),
    );
    expect(problems).toContain('sources[0]: Unrecognized key: "titel"');
  });

  it.each<[unknown, string]>([
    [null, "(document): a theatre document must be an object, not null"],
    [[], "(document): a theatre document must be an object, not a list"],
    ["theatre", "(document): a theatre document must be an object, not a string"],
    [{}, "theatre: is required"],
    [{ theatre: smallTheatre().theatre, actors: {} }, "actors: must be a list, not an object"],
  ])("explains what is wrong with a document that is not a theatre (%j)", (input, expected) => {
    expect(problemsOf(input)).toContain(expected);
  });

  it("keeps problems as data: path segments and a message", () => {
    const theatre = smallTheatre();
    theatre.interests[0]!.actorId = "nobody";
    const result = validateTheatre(theatre);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual<Problem[]>([
        { path: ["interests", 0, "actorId"], message: 'unknown actor "nobody"' },
      ]);
  });
});
