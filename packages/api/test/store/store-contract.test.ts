import { smallTheatre } from "@parley/domain/testing";
import { generateSyntheticTheatre } from "@parley/domain/synthetic";
import { validateTheatre } from "@parley/domain";
import pg from "pg";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { EmptySearch } from "../../src/store/search-text";
import { DatabaseTooNew, DuplicateEntity, TheatreExists } from "../../src/store/store-errors";
import { VersionConflict, type Store } from "../../src/store/store";
import { type SqliteStore } from "../../src/store/sqlite/sqlite-store";
import { storeCases } from "../stores";

const opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

describe.each(storeCases())("the $dialect store", (storeCase) => {
  const open = async (seed?: () => ReturnType<typeof smallTheatre>[], location?: string) => {
    const result = await storeCase.open(seed, location);
    opened.push(result.store);
    return result;
  };

  it("imports a theatre and reads it back in order, every entity at version 1", async () => {
    const { store } = await open();
    const document = smallTheatre();
    await store.importTheatre(document, "tester");
    const stored = (await store.readTheatre("ruritania"))!;
    expect(stored.document).toEqual(document);
    expect(stored.record.revision).toBe(0);
    expect(
      [...stored.stamps.values()].every((stamp) => stamp.version === 1 && stamp.updatedBy === "tester"),
    ).toBe(true);
    await expect(store.importTheatre(document, "tester")).rejects.toBeInstanceOf(TheatreExists);
  });

  it("round-trips a synthetic theatre of 300 actors", async () => {
    const { store } = await open();
    const validation = validateTheatre(
      JSON.parse(JSON.stringify(generateSyntheticTheatre({ actors: 300, seed: 3 }))),
    );
    if (!validation.ok) throw new Error("the synthetic theatre is invalid");
    await store.importTheatre(validation.document, "import");
    expect((await store.readTheatre(validation.document.theatre.id))!.document).toEqual(validation.document);
  });

  it("writes nothing when a version is stale, an id is taken or the plan throws", async () => {
    const { store, location } = await open(() => [smallTheatre()]);
    const before = (await store.readTheatre("ruritania"))!;
    const actor = before.document.actors[0]!;
    const attempts = [
      () =>
        store.mutate("ruritania", "t", () => [
          { operation: "update", kind: "actors", id: actor.id, expectedVersion: 2, data: actor },
        ]),
      () =>
        store.mutate("ruritania", "t", () => [
          { operation: "create", kind: "actors", id: actor.id, data: actor },
        ]),
      () =>
        store.mutate("ruritania", "t", () => [
          {
            operation: "update",
            kind: "actors",
            id: actor.id,
            expectedVersion: 1,
            data: { ...actor, name: "changed" },
          },
          { operation: "delete", kind: "actors", id: "ghost", expectedVersion: 1 },
        ]),
      () =>
        store.mutate("ruritania", "t", () => {
          throw new Error("refused by the plan");
        }),
    ];
    const errors = [];
    for (const attempt of attempts) errors.push(await attempt().catch((error: unknown) => error));
    expect(errors[0]).toBeInstanceOf(VersionConflict);
    expect((errors[0] as VersionConflict).currentVersion).toBe(1);
    expect(errors[1]).toBeInstanceOf(DuplicateEntity);
    expect(errors[2]).toBeInstanceOf(VersionConflict);
    expect((errors[3] as Error).message).toBe("refused by the plan");

    // A second store on the same database sees exactly what was there before: nothing was written.
    const { store: fresh } = await open(undefined, location);
    const after = (await fresh.readTheatre("ruritania"))!;
    expect(after.document).toEqual(before.document);
    expect(after.record.revision).toBe(before.record.revision);
    expect(await fresh.history("ruritania", "actors", actor.id)).toHaveLength(1);
  });

  it("records every change with before and after, newest first", async () => {
    const { store } = await open(() => [smallTheatre()]);
    const actor = (await store.readTheatre("ruritania"))!.document.actors[0]!;
    await store.mutate("ruritania", "ann", () => [
      {
        operation: "update",
        kind: "actors",
        id: actor.id,
        expectedVersion: 1,
        data: { ...actor, name: "Second" },
      },
    ]);
    await store.mutate("ruritania", "bob", () => [
      { operation: "restore", kind: "actors", id: actor.id, expectedVersion: 2, data: actor },
    ]);
    const history = await store.history("ruritania", "actors", actor.id);
    expect(history.map((entry) => [entry.operation, entry.version, entry.by])).toEqual([
      ["restore", 3, "bob"],
      ["update", 2, "ann"],
      ["import", 1, "seed"],
    ]);
    expect(history[1]!.before).toEqual(actor);
    expect((history[1]!.after as { name: string }).name).toBe("Second");
    expect(history[0]!.sequence).toBeGreaterThan(history[1]!.sequence);
    expect(
      await store.history("ruritania", "actors", actor.id, {
        limit: 1,
        beforeSequence: history[0]!.sequence,
      }),
    ).toEqual([history[1]]);
  });

  it("searches names, aliases and quotes, ranked, and takes any text without breaking", async () => {
    const { store } = await open(() => [smallTheatre()]);
    const document = smallTheatre();
    const rebels = document.actors.find((a) => a.id === "rebels")!;
    const hits = await store.search({ text: rebels.name, theatreId: "ruritania", limit: 10 });
    expect(hits[0]).toMatchObject({ kind: "actors", entityId: "rebels" });
    expect(hits[0]!.snippet).toMatch(/«.+»/);
    const quote = document.interests[0]!.citations[0]!.quote.split(" ").slice(0, 3).join(" ");
    expect((await store.search({ text: quote, limit: 10 })).some((hit) => hit.field === "quote")).toBe(true);
    expect(await store.search({ text: rebels.name, kinds: ["scenarios"], limit: 10 })).toEqual(
      (await store.search({ text: rebels.name, limit: 50 })).filter((hit) => hit.kind === "scenarios"),
    );
    for (const text of [
      '"rebels',
      "rebels*",
      "-rebels",
      "rebels AND OR NOT",
      "NEAR(",
      "é ü ß 中文",
      "x".repeat(5000),
      "'; DROP TABLE theatres; --",
    ])
      await expect(store.search({ text, limit: 5 })).resolves.toBeInstanceOf(Array);
    for (const text of [" !?* ", '"', "*"])
      await expect(store.search({ text, limit: 5 })).rejects.toBeInstanceOf(EmptySearch);
    expect(await store.listTheatres()).toHaveLength(1);
  });

  it("keeps only a hash of each token, and revoked tokens stop working", async () => {
    const { store, location } = await open();
    const { record, secret } = await store.createToken("desk", "editor");
    expect(await store.verifyToken(secret)).toEqual(record);
    expect(await store.verifyToken(`${secret}x`)).toBeUndefined();
    expect(await everythingStored(storeCase.dialect, location)).not.toContain(secret);
    expect(await store.revokeToken(record.id)).toBe(true);
    expect(await store.revokeToken(record.id)).toBe(false);
    expect(await store.verifyToken(secret)).toBeUndefined();
    expect((await store.listTokens())[0]!.revokedAt).not.toBeNull();
  });

  it("migrates once, seeds once, and deletes a theatre with its history", async () => {
    const { store, location } = await open(() => [smallTheatre()]);
    await store.deleteTheatre("ruritania");
    const { store: again } = await open(() => [smallTheatre()], location);
    expect(await again.listTheatres()).toEqual([]);
    expect(await again.history("ruritania", "actors", "rebels")).toEqual([]);
    expect(await everythingStored(storeCase.dialect, location)).toMatch(
      /theatres, entities, history, tokens, search/,
    );
  });
});

describe("SQLite", () => {
  it("refuses a database from a newer Parley and stays sound", async () => {
    const [sqlite] = storeCases();
    const { store, location } = await sqlite!.open(() => [smallTheatre()]);
    expect((store as SqliteStore).integrityCheck()).toBe("ok");
    await store.close();
    const db = new Database(location);
    db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')",
    ).run();
    db.close();
    await expect(sqlite!.open(undefined, location)).rejects.toBeInstanceOf(DatabaseTooNew);
  });
});

/** Every table's rows as text: what someone reading the database file or server would see. */
async function everythingStored(dialect: string, location: string): Promise<string> {
  if (dialect === "sqlite") {
    const db = new Database(location, { readonly: true });
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    const text = tables
      .map((table) => JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all()))
      .join("\n");
    db.close();
    return text;
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  const tables = (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map(
    (r) => r.tablename as string,
  );
  const parts = [];
  for (const table of tables)
    parts.push(JSON.stringify((await client.query(`SELECT * FROM "${table}"`)).rows));
  await client.end();
  return parts.join("\n");
}
