import { describe, expect, it } from "vitest";
import { smallTheatre, thrownBy } from "../../test/fixtures";
import { AnalysisError } from "../analysis/analysis-error";
import { Actor } from "../model/actor";
import { Interest } from "../model/interest";
import { listEntities } from "./list-entities";

const actorFields = Object.keys(Actor.shape);
const interestFields = Object.keys(Interest.shape);

describe("listEntities", () => {
  const document = smallTheatre();

  it("pages through every entity in id order, saying where the next page starts", () => {
    const first = listEntities(document.actors, { limit: 2 }, actorFields);
    expect(first.items.map((a) => a.id)).toEqual(["capital", "mediator"]);
    expect(first).toMatchObject({ total: 4, offset: 0, limit: 2, nextOffset: 2 });
    const last = listEntities(document.actors, { limit: 2, offset: 2 }, actorFields);
    expect(last.items.map((a) => a.id)).toEqual(["rebel-wing", "rebels"]);
    expect(last.nextOffset).toBeNull();
  });

  it("filters on a field, on a judged value, on references and on words in names and aliases", () => {
    expect(
      listEntities(document.actors, { where: { parentId: "rebels" } }, actorFields).items.map((a) => a.id),
    ).toEqual(["rebel-wing"]);
    expect(
      listEntities(document.interests, { refersTo: "autonomy" }, interestFields).items.map((i) => i.id),
    ).toEqual(["capital-unity", "rebels-autonomy"]);
    const salience = document.interests[0]!.salience.value;
    expect(
      listEntities(document.interests, { where: { salience } }, interestFields).items.map((i) => i.id),
    ).toContain(document.interests[0]!.id);
    const named = listEntities(
      document.actors,
      { text: document.actors[1]!.name.toUpperCase() },
      actorFields,
    );
    expect(named.items.map((a) => a.id)).toContain(document.actors[1]!.id);
  });

  it("sorts on a judged value either way, ties broken by id", () => {
    const up = listEntities(document.interests, { sort: { field: "salience" } }, interestFields).items;
    const values = up.map((i) => i.salience.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const down = listEntities(
      document.interests,
      { sort: { field: "salience", direction: "desc" } },
      interestFields,
    ).items;
    expect(down.map((i) => i.salience.value)).toEqual([...values].reverse());
  });

  it("names the field at fault", () => {
    const unknown = thrownBy(() => listEntities(document.actors, { where: { knd: "state" } }, actorFields));
    expect(unknown).toBeInstanceOf(AnalysisError);
    expect((unknown as AnalysisError).message).toMatch(
      /^where\.knd: unknown field "knd" \(did you mean "kind"\?\)/,
    );
    expect(
      (thrownBy(() => listEntities(document.actors, { sort: { field: "nope" } }, actorFields)) as Error)
        .message,
    ).toMatch(/^sort\.field: unknown field "nope"/);
    expect((thrownBy(() => listEntities(document.actors, { limit: 0 }, actorFields)) as Error).message).toBe(
      "limit: must be a whole number from 1 to 500, not 0",
    );
    expect(
      (thrownBy(() => listEntities(document.actors, { offset: -1 }, actorFields)) as Error).message,
    ).toBe("offset: must be a whole number of at least 0, not -1");
  });
});
