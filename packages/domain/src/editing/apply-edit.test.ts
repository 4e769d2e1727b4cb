import { describe, expect, it } from "vitest";
import { smallTheatre, thrownBy } from "../../test/fixtures";
import { formatPath } from "../validation/problem";
import { applyEdit, EntityNotFound } from "./apply-edit";

describe("applyEdit", () => {
  it("creates, replaces and deletes entries, leaving the input document as it was", () => {
    const document = smallTheatre();
    const before = JSON.stringify(document);
    const actor = { ...document.actors[0]!, id: "observer", name: "Observer" };
    const created = applyEdit(document, { operation: "create", kind: "actors", data: actor });
    expect(created.ok && created.document.actors.map((a) => a.id)).toContain("observer");
    expect(created.ok && created.entity).toMatchObject({ id: "observer", name: "Observer" });

    const renamed = applyEdit(document, {
      operation: "update",
      kind: "actors",
      id: "mediator",
      data: { ...document.actors.find((a) => a.id === "mediator")!, name: "Go-between" },
    });
    expect(renamed.ok && renamed.document.actors.find((a) => a.id === "mediator")?.name).toBe("Go-between");

    const removed = applyEdit(document, {
      operation: "delete",
      kind: "tradeOffs",
      id: document.tradeOffs[0]!.id,
    });
    expect(removed.ok && removed.document.tradeOffs).toHaveLength(document.tradeOffs.length - 1);
    expect(JSON.stringify(document)).toBe(before);
  });

  it("reports problems in the edited entry under data, and those it causes elsewhere by the other entry's id", () => {
    const document = smallTheatre();
    const interest = { ...document.interests[0]!, id: "new-interest", actorId: "nobody" };
    const bad = applyEdit(document, { operation: "create", kind: "interests", data: interest });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => formatPath(p.path))).toContain("data.actorId");

    const orphaning = applyEdit(document, { operation: "delete", kind: "actors", id: "mediator" });
    expect(orphaning.ok).toBe(false);
    if (!orphaning.ok) {
      const where = orphaning.problems.map((p) => p.path.slice(0, 2).join("/"));
      expect(where).toContain("relationships/mediator-mediates");
      expect(orphaning.problems.every((p) => typeof p.path[1] === "string")).toBe(true);
    }
  });

  it("refuses a duplicate id, an id change and an unknown entry", () => {
    const document = smallTheatre();
    const duplicate = applyEdit(document, { operation: "create", kind: "actors", data: document.actors[0] });
    expect(!duplicate.ok && duplicate.problems[0]).toMatchObject({ path: ["data", "id"] });
    const moved = applyEdit(document, {
      operation: "update",
      kind: "actors",
      id: "mediator",
      data: { ...document.actors[0]!, id: "someone-else" },
    });
    expect(!moved.ok && moved.problems[0]!.message).toMatch(/ids cannot change/);
    expect(
      thrownBy(() => applyEdit(document, { operation: "delete", kind: "actors", id: "ghost" })),
    ).toBeInstanceOf(EntityNotFound);
  });
});
