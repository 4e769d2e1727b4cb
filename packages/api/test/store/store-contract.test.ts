/**
 * The Store contract, run against SQLite (a temporary file) and PostgreSQL (a database on the run's own
 * server): the same behaviour on both. "Nothing written" is checked on every row of every table, read past
 * the store, and "what is stored" through a second store instance on the same database (no shared cache).
 */
import { validateTheatre, type Actor, type TheatreDocument } from "@parley/domain";
import { generateSyntheticTheatre } from "@parley/domain/synthetic";
import { smallTheatre } from "@parley/domain/testing";
import { describe, expect, it } from "vitest";
import { DuplicateEntity, NoSuchTheatre, TheatreExists } from "../../src/store/store-errors";
import { stampKey, VersionConflict, type EntityWrite } from "../../src/store/store";
import { storeCases } from "../stores";
import { closeOpenedStores, trackedOpen } from "./opened-stores";
import { everythingStored, rawQuery } from "./raw-database";

const track = closeOpenedStores();

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

function validated(document: unknown): TheatreDocument {
  const result = validateTheatre(JSON.parse(JSON.stringify(document)));
  if (!result.ok) throw new Error(`invalid test theatre: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.document;
}

describe.each(storeCases())("the $dialect store", (storeCase) => {
  const open = trackedOpen(storeCase, track);
  /** A store of its own on the same database: it reads what is stored, not what another one cached. */
  const another = async (location: string) => (await open(undefined, location)).store;
  const dump = (location: string) => everythingStored(storeCase.dialect, location);
  const ruritania = async () => {
    const { store, location } = await open(() => [smallTheatre()]);
    return { store, location, stored: (await store.readTheatre("ruritania"))! };
  };
  const update = (actor: Actor, expectedVersion: number, change: Partial<Actor> = {}): EntityWrite => ({
    operation: "update",
    kind: "actors",
    id: actor.id,
    expectedVersion,
    data: { ...actor, ...change },
  });

  it("imports a theatre and reads it back in order, every entity at version 1, revision 0", async () => {
    const { store, location } = await open();
    const document = smallTheatre();
    const record = await store.importTheatre(document, "tester");
    expect(record).toMatchObject({ id: "ruritania", name: "Ruritania", revision: 0 });
    const stored = (await store.readTheatre("ruritania"))!;
    expect(stored.document).toEqual(document);
    expect(stored.record).toEqual(record);
    const entities = Object.values(document).filter(Array.isArray).flat().length;
    expect(stored.stamps.size).toBe(1 + entities);
    for (const stamp of stored.stamps.values())
      expect(stamp).toMatchObject({ version: 1, updatedBy: "tester" });

    const fresh = (await (await another(location)).readTheatre("ruritania"))!;
    expect(fresh.document).toEqual(document);
    expect(Object.keys(fresh.document)).toEqual(Object.keys(document));
    expect(fresh.stamps).toEqual(stored.stamps);
    expect(fresh.record).toEqual(record);
    expect(await store.listTheatres()).toEqual([record]);
    expect(await store.readTheatre("nowhere")).toBeUndefined();

    const before = await dump(location);
    expect(await errorOf(store.importTheatre(document, "tester"))).toBeInstanceOf(TheatreExists);
    expect(await dump(location)).toBe(before);
  });

  it("round-trips a synthetic theatre of 500 actors; importing it again unchanged writes nothing", async () => {
    const { store, location } = await open();
    const document = validated(generateSyntheticTheatre({ actors: 500, seed: 5 }));
    const record = await store.importTheatre(document, "import");
    expect((await store.readTheatre(document.theatre.id))!.document).toEqual(document);
    expect((await (await another(location)).readTheatre(document.theatre.id))!.document).toEqual(document);
    // The actor named is found first, by its name; narrowing the search to one theatre must not make it
    // slower (the full-text match leads, not the filter).
    const text = document.actors[7]!.name;
    const fastest = async (theatreId?: string) => {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const hits = await store.search({ text, limit: 20, ...(theatreId && { theatreId }) });
        best = Math.min(best, performance.now() - started);
        expect(hits[0]).toMatchObject({ kind: "actors", entityId: document.actors[7]!.id, field: "name" });
      }
      return best;
    };
    const everywhere = await fastest();
    expect(await fastest(document.theatre.id)).toBeLessThan(3 * everywhere + 15);

    const before = await dump(location);
    expect(await store.importTheatre(document, "again", { replace: true })).toEqual(record);
    expect(await dump(location)).toBe(before);
  });

  it("starts versions at 1, goes up by one per change, puts new entities last and counts mutations", async () => {
    const { store, location, stored } = await ruritania();
    const [first, second] = stored.document.actors as [Actor, Actor];
    const newcomer: Actor = { ...first, id: "newcomer", name: "Newcomer", aliases: [] };
    const created = await store.mutate("ruritania", "ann", () => [
      { operation: "create", kind: "actors", id: "newcomer", data: newcomer },
    ]);
    expect(created).toMatchObject({ revision: 1, stamps: [{ kind: "actors", id: "newcomer", version: 1 }] });
    expect(created.stamps[0]).toMatchObject({ updatedBy: "ann", deleted: false });

    const changed = await store.mutate("ruritania", "bob", () => [
      update(first, 1, { name: "First, renamed" }),
      update(second, 1, { name: "Second, renamed" }),
      update({ ...first, name: "First, renamed" }, 2, { name: "First, renamed twice" }),
    ]);
    expect(changed.revision).toBe(2);
    expect(changed.stamps.map((s) => [s.id, s.version])).toEqual([
      [first.id, 2],
      [second.id, 2],
      [first.id, 3],
    ]);
    const deleted = await store.mutate("ruritania", "cy", () => [
      { operation: "delete", kind: "actors", id: "newcomer", expectedVersion: 1 },
    ]);
    expect(deleted).toMatchObject({ revision: 3, stamps: [{ id: "newcomer", version: 1, deleted: true }] });
    const again = await store.mutate("ruritania", "cy", () => [
      { operation: "create", kind: "actors", id: "newcomer", data: newcomer },
    ]);
    expect(again.stamps[0]!.version).toBe(1);

    const fresh = (await (await another(location)).readTheatre("ruritania"))!;
    expect(fresh.record.revision).toBe(4);
    expect(fresh.document.actors.map((a) => a.id)).toEqual([
      ...stored.document.actors.map((a) => a.id),
      "newcomer",
    ]);
    expect(fresh.document.actors[0]!.name).toBe("First, renamed twice");
    expect(fresh.stamps.get(stampKey("actors", first.id))).toMatchObject({ version: 3, updatedBy: "bob" });
    expect(fresh).toEqual(await store.readTheatre("ruritania"));

    // A plan with nothing to write changes nothing, not even the revision.
    const before = await dump(location);
    expect(await store.mutate("ruritania", "dee", () => [])).toEqual({ revision: 4, stamps: [] });
    expect(await dump(location)).toBe(before);
  });

  it("writes nothing when a version is stale, an id is taken, an entity is gone or the plan throws", async () => {
    const { store, location, stored } = await ruritania();
    const actor = stored.document.actors[0]!;
    await store.mutate("ruritania", "t", () => [update(actor, 1, { name: "Version 2" })]);
    const before = await dump(location);
    const current = (await store.readTheatre("ruritania"))!;

    const staleUpdate = await errorOf(
      store.mutate("ruritania", "t", () => [update(actor, 1, { name: "lost" })]),
    );
    expect(staleUpdate).toBeInstanceOf(VersionConflict);
    expect(staleUpdate).toMatchObject({
      kind: "actors",
      id: actor.id,
      expectedVersion: 1,
      currentVersion: 2,
    });
    const staleDelete = await errorOf(
      store.mutate("ruritania", "t", () => [
        { operation: "delete", kind: "actors", id: actor.id, expectedVersion: 1 },
      ]),
    );
    expect(staleDelete).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    expect(staleDelete).toBeInstanceOf(VersionConflict);
    const gone = await errorOf(
      store.mutate("ruritania", "t", () => [
        { operation: "delete", kind: "actors", id: "ghost", expectedVersion: 1 },
      ]),
    );
    expect(gone).toMatchObject({ id: "ghost", currentVersion: null });
    expect((gone as Error).message).toMatch(/no longer exists/);
    const taken = await errorOf(
      store.mutate("ruritania", "t", () => [
        { operation: "create", kind: "actors", id: actor.id, data: actor },
      ]),
    );
    expect(taken).toBeInstanceOf(DuplicateEntity);
    expect((taken as Error).message).toBe(`actors "${actor.id}" already exists`);
    // The first write of this plan is good; the second one fails, so neither is written.
    const halfGood = await errorOf(
      store.mutate("ruritania", "t", () => [
        update(actor, 2, { name: "would be version 3" }),
        update(stored.document.actors[1]!, 7),
      ]),
    );
    expect(halfGood).toMatchObject({ id: stored.document.actors[1]!.id, currentVersion: 1 });
    const refused = await errorOf(
      store.mutate("ruritania", "t", () => {
        throw new Error("refused by the plan");
      }),
    );
    expect((refused as Error).message).toBe("refused by the plan");
    expect(await errorOf(store.mutate("nowhere", "t", () => []))).toBeInstanceOf(NoSuchTheatre);

    expect(await dump(location)).toBe(before);
    expect(await store.readTheatre("ruritania")).toEqual(current);
    expect((await (await another(location)).readTheatre("ruritania"))!.record.revision).toBe(1);
  });

  it("versions the theatre's own description and records it like any entity", async () => {
    const { store, location, stored } = await ruritania();
    const theatre = { ...stored.document.theatre, name: "Ruritania, revised" };
    const result = await store.mutate("ruritania", "ann", () => [
      { operation: "update", kind: "theatre", id: "ruritania", expectedVersion: 1, data: theatre },
    ]);
    expect(result.stamps[0]).toMatchObject({ kind: "theatre", id: "ruritania", version: 2 });
    const fresh = (await (await another(location)).readTheatre("ruritania"))!;
    expect(fresh.document.theatre).toEqual(theatre);
    expect(fresh.record.name).toBe("Ruritania, revised");
    expect(fresh.stamps.get(stampKey("theatre", "ruritania"))).toMatchObject({
      version: 2,
      updatedBy: "ann",
    });
    expect((await store.listTheatres())[0]!.name).toBe("Ruritania, revised");
    const [entry] = await store.history("ruritania", "theatre", "ruritania", { limit: 1 });
    expect(entry).toMatchObject({
      operation: "update",
      version: 2,
      before: stored.document.theatre,
      after: theatre,
    });

    // Changing an actor moves the theatre's revision but not its description's stamp.
    await store.mutate("ruritania", "bob", () => [update(stored.document.actors[0]!, 1, { name: "x" })]);
    const after = (await (await another(location)).readTheatre("ruritania"))!;
    expect(after.stamps.get(stampKey("theatre", "ruritania"))).toEqual(
      fresh.stamps.get(stampKey("theatre", "ruritania")),
    );
    expect(after.record.updatedAt >= fresh.record.updatedAt).toBe(true);
    expect(
      await errorOf(
        store.mutate("ruritania", "t", () => [
          { operation: "update", kind: "theatre", id: "ruritania", expectedVersion: 1, data: theatre },
        ]),
      ),
    ).toMatchObject({ kind: "theatre", currentVersion: 2 });
  });

  it("records every change with before and after, newest first, restores included", async () => {
    const { store, stored } = await ruritania();
    const actor = stored.document.actors[0]!;
    await store.mutate("ruritania", "ann", () => [update(actor, 1, { name: "Second" })]);
    await store.mutate("ruritania", "bob", () => [
      { operation: "restore", kind: "actors", id: actor.id, expectedVersion: 2, data: actor },
    ]);
    await store.mutate("ruritania", "cy", () => [
      { operation: "delete", kind: "actors", id: actor.id, expectedVersion: 3 },
    ]);
    const history = await store.history("ruritania", "actors", actor.id);
    expect(history.map((entry) => [entry.operation, entry.version, entry.by])).toEqual([
      ["delete", 3, "cy"],
      ["restore", 3, "bob"],
      ["update", 2, "ann"],
      ["import", 1, "seed"],
    ]);
    expect(history[3]).toMatchObject({ before: null, after: actor, theatreId: "ruritania", kind: "actors" });
    expect(history[2]).toMatchObject({ before: actor, after: { ...actor, name: "Second" } });
    expect(history[1]).toMatchObject({ before: { ...actor, name: "Second" }, after: actor });
    expect(history[0]).toMatchObject({ before: actor, after: null });
    for (let i = 1; i < history.length; i++)
      expect(history[i - 1]!.sequence).toBeGreaterThan(history[i]!.sequence);
    expect(new Date(history[0]!.at).toISOString()).toBe(history[0]!.at);
    expect(
      await store.history("ruritania", "actors", actor.id, {
        limit: 2,
        beforeSequence: history[0]!.sequence,
      }),
    ).toEqual(history.slice(1, 3));
    expect(await store.history("ruritania", "actors", "nobody")).toEqual([]);
  });

  it("replaces a theatre: unchanged entities keep their version, changed ones go up, removed ones are recorded", async () => {
    const { store, location, stored } = await ruritania();
    const [kept, changed, removed, moved] = stored.document.actors as [Actor, Actor, Actor, Actor];
    await store.mutate("ruritania", "ann", () => [
      update(kept, 1, { description: "Edited before the import." }),
    ]);
    const editedKept = { ...kept, description: "Edited before the import." };
    const added: Actor = { ...moved, id: "added", name: "Added", aliases: [] };
    const next = smallTheatre();
    next.theatre.name = "Ruritania, reimported";
    // `removed` is a faction with no references to it, so the document stays valid without it.
    next.actors = [editedKept, moved, { ...changed, name: "Changed" }, added];
    const record = await store.importTheatre(validated(next), "admin", { replace: true });
    expect(record).toMatchObject({
      revision: 2,
      name: "Ruritania, reimported",
      createdAt: stored.record.createdAt,
    });

    const fresh = (await (await another(location)).readTheatre("ruritania"))!;
    expect(fresh.document).toEqual(validated(next));
    expect(await store.readTheatre("ruritania")).toEqual(fresh);
    const version = (id: string) => fresh.stamps.get(stampKey("actors", id))?.version;
    expect([
      version(kept.id),
      version(moved.id),
      version(changed.id),
      version("added"),
      version(removed.id),
    ]).toEqual([2, 1, 2, 1, undefined]);
    expect(fresh.stamps.get(stampKey("actors", moved.id))!.updatedBy).toBe("seed");
    expect(fresh.stamps.get(stampKey("theatre", "ruritania"))).toMatchObject({
      version: 2,
      updatedBy: "admin",
    });
    expect((await store.history("ruritania", "actors", kept.id)).map((e) => e.operation)).toEqual([
      "update",
      "import",
    ]);
    expect(await store.history("ruritania", "actors", changed.id)).toMatchObject([
      {
        operation: "import",
        version: 2,
        by: "admin",
        before: changed,
        after: { ...changed, name: "Changed" },
      },
      { operation: "import", version: 1, by: "seed" },
    ]);
    expect(await store.history("ruritania", "actors", removed.id)).toMatchObject([
      { operation: "delete", version: 1, before: removed, after: null },
      { operation: "import", version: 1 },
    ]);
    expect(await store.history("ruritania", "actors", "added")).toMatchObject([
      { operation: "import", version: 1, before: null, after: added },
    ]);
    // Entities created after a replace still go last.
    await store.mutate("ruritania", "ann", () => [
      { operation: "create", kind: "actors", id: "later", data: { ...added, id: "later" } },
    ]);
    const last = (await (await another(location)).readTheatre("ruritania"))!.document.actors.map((a) => a.id);
    expect(last).toEqual([kept.id, moved.id, changed.id, "added", "later"]);
  });

  it("deletes a theatre with its history; one imported again under its id carries the revisions on", async () => {
    const { store, location, stored } = await ruritania();
    await store.mutate("ruritania", "ann", () => [update(stored.document.actors[0]!, 1, { name: "x" })]);
    const watcher = await another(location);
    expect((await watcher.readTheatre("ruritania"))!.record.revision).toBe(1);

    expect(await store.deleteTheatre("ruritania")).toBe(true);
    expect(await store.deleteTheatre("ruritania")).toBe(false);
    expect(await store.readTheatre("ruritania")).toBeUndefined();
    expect(await watcher.readTheatre("ruritania")).toBeUndefined();
    expect(await store.history("ruritania", "actors", stored.document.actors[0]!.id)).toEqual([]);
    expect(await store.search({ text: "Rebels", limit: 5 })).toEqual([]);
    for (const table of [
      "entities",
      "history",
      storeCase.dialect === "sqlite" ? "search_rows" : "search_index",
    ])
      expect(await rawQuery(storeCase.dialect, location, `SELECT * FROM ${table}`), table).toEqual([]);

    const record = await store.importTheatre(smallTheatre(), "again");
    expect(record.revision).toBe(2);
    expect((await watcher.readTheatre("ruritania"))!.document).toEqual(smallTheatre());
  });

  it("sees what another store instance wrote, and of two mutations from one version exactly one wins", async () => {
    const { store: first, location, stored } = await ruritania();
    const second = await another(location);
    const actor = stored.document.actors[0]!;
    expect((await second.readTheatre("ruritania"))!.document.actors[0]).toEqual(actor);

    await first.mutate("ruritania", "first", () => [update(actor, 1, { name: "By the first" })]);
    expect((await second.readTheatre("ruritania"))!.document.actors[0]!.name).toBe("By the first");
    // The second's stale read cannot overwrite it, however it was cached.
    expect(await errorOf(second.mutate("ruritania", "second", () => [update(actor, 1)]))).toMatchObject({
      currentVersion: 2,
    });

    const outcomes = await Promise.allSettled(
      [first, second].map((store, i) =>
        store.mutate("ruritania", `racer ${i}`, () => [update(actor, 2, { name: `Racer ${i}` })]),
      ),
    );
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o) => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflict);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ currentVersion: 3 });
    const winner = outcomes.indexOf(won[0]!);
    for (const store of [first, second, await another(location)])
      expect((await store.readTheatre("ruritania"))!.document.actors[0]!.name).toBe(`Racer ${winner}`);
    expect((await first.history("ruritania", "actors", actor.id)).map((e) => e.by)).toEqual([
      `racer ${winner}`,
      "first",
      "seed",
    ]);
  });
});
