/** Opening, migrating and seeding a database, and the API's tokens, on both databases. */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { smallTheatre } from "@parley/domain/testing";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store";
import { POSTGRES_MIGRATIONS } from "../../src/store/postgres/postgres-migrations";
import { SQLITE_MIGRATIONS } from "../../src/store/sqlite/sqlite-migrations";
import { DatabaseTooNew } from "../../src/store/store-errors";
import { temporaryDirectory } from "../helpers";
import { storeCases } from "../stores";
import { closeOpenedStores, trackedOpen } from "./opened-stores";
import { everythingStored, rawQuery } from "./raw-database";

const track = closeOpenedStores();

describe.each(storeCases())("the $dialect database", (storeCase) => {
  const { dialect } = storeCase;
  const migrations = dialect === "sqlite" ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS;
  const open = trackedOpen(storeCase, track);
  const sql = (location: string, text: string, params: unknown[] = []) =>
    rawQuery(dialect, location, text, params);
  const applied = (location: string) =>
    sql(location, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");

  it("records each migration once, and opening again changes nothing", async () => {
    const { store, location } = await open(() => [smallTheatre()]);
    const rows = await applied(location);
    expect(rows.map((row) => [Number(row.version), row.name])).toEqual(
      migrations.map((m) => [m.version, m.name]),
    );
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const row of rows) expect(new Date(row.applied_at as string).toISOString()).toBe(row.applied_at);
    await store.close();
    const before = await everythingStored(dialect, location);
    const { store: again } = await open(() => [smallTheatre()], location);
    expect(await everythingStored(dialect, location)).toBe(before);
    expect((await again.readTheatre("ruritania"))!.document).toEqual(smallTheatre());
  });

  it("upgrades a database of schema version 1, keeping what it holds", async () => {
    const location = await storeCase.blank();
    const first = migrations[0]!;
    await sql(
      location,
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    for (const statement of first.sql.split(";").filter((s) => s.trim())) await sql(location, statement);
    await sql(location, "INSERT INTO schema_migrations VALUES (1, $1, '2026-01-01T00:00:00.000Z')", [
      first.name,
    ]);
    await sql(location, "INSERT INTO settings (key, value) VALUES ('seeded', 'then')");
    await sql(
      location,
      "INSERT INTO theatres (id, name, revision, data, version, updated_at, updated_by, created_at) VALUES ('ruritania', 'Ruritania', 3, $1, 1, '2026-01-02T00:00:00.000Z', 'import', '2026-01-01T00:00:00.000Z')",
      [JSON.stringify(smallTheatre().theatre)],
    );
    const { store } = await open(() => [smallTheatre()], location);
    expect((await applied(location)).map((row) => Number(row.version))).toEqual(
      migrations.map((m) => m.version),
    );
    const stored = (await store.readTheatre("ruritania"))!;
    expect(stored.record).toEqual({
      id: "ruritania",
      name: "Ruritania",
      revision: 3,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-02T00:00:00.000Z",
    });
    expect(stored.document.theatre).toEqual(smallTheatre().theatre);
    expect(stored.document.actors).toEqual([]);
  });

  it("refuses a database from a newer Parley, and leaves it as it was", async () => {
    const { store, location } = await open(() => [smallTheatre()]);
    await store.close();
    await sql(
      location,
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'later')",
    );
    const before = await everythingStored(dialect, location);
    const error = await storeCase.open(undefined, location).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTooNew);
    expect((error as Error).message).toBe(
      `the database is at schema version 999 but this Parley knows only up to ${migrations.length}: upgrade Parley, or use another database`,
    );
    expect(await everythingStored(dialect, location)).toBe(before);
  });

  it("seeds a new database once, never again (not even once it is empty), and not at all if the seed fails", async () => {
    let calls = 0;
    const seed = () => {
      calls++;
      return [smallTheatre()];
    };
    const { store, location } = await open(seed);
    expect(calls).toBe(1);
    expect((await store.listTheatres()).map((t) => t.id)).toEqual(["ruritania"]);
    expect((await store.history("ruritania", "actors", "rebels"))[0]).toMatchObject({
      by: "seed",
      operation: "import",
    });
    await open(seed, location);
    expect(calls).toBe(1);
    await store.deleteTheatre("ruritania");
    const { store: emptied } = await open(seed, location);
    expect(calls).toBe(1);
    expect(await emptied.listTheatres()).toEqual([]);

    const failing = await storeCase.blank();
    const error = await storeCase
      .open(() => {
        throw new Error("the shipped theatre is invalid");
      }, failing)
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe("the shipped theatre is invalid");
    const { store: retried } = await open(seed, failing);
    expect(calls).toBe(2);
    expect((await retried.listTheatres()).map((t) => t.id)).toEqual(["ruritania"]);
  });

  it("seeds once when two processes open a new database at the same moment", async () => {
    const location = await storeCase.blank();
    let calls = 0;
    const seed = () => {
      calls++;
      return [smallTheatre()];
    };
    const both = await Promise.all([open(seed, location), open(seed, location)]);
    expect(calls).toBe(1);
    for (const { store } of both)
      expect((await store.listTheatres()).map((t) => t.id)).toEqual(["ruritania"]);
  });

  it("keeps only a hash of each token; revoked tokens stop working", async () => {
    const { store, location } = await open();
    const { record, secret } = await store.createToken("  ops desk ", "editor");
    expect(secret).toMatch(/^parley_[A-Za-z0-9_-]{43}$/);
    expect(record).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{12}$/),
      name: "ops desk",
      role: "editor",
      createdAt: expect.any(String),
      revokedAt: null,
    });
    const other = await store.createToken("reader", "viewer");
    expect(other.secret).not.toBe(secret);
    expect(await store.verifyToken(secret)).toEqual(record);
    for (const wrong of [
      `${secret}x`,
      secret.slice(0, -1),
      secret.toUpperCase(),
      "",
      "parley_",
      "x".repeat(100_000),
    ])
      expect(await store.verifyToken(wrong)).toBeUndefined();

    const stored = await everythingStored(dialect, location);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice("parley_".length));
    expect(stored).toContain(createHash("sha256").update(secret).digest("hex"));

    expect(await store.revokeToken(record.id)).toBe(true);
    expect(await store.revokeToken(record.id)).toBe(false);
    expect(await store.revokeToken("no-such-id")).toBe(false);
    expect(await store.verifyToken(secret)).toBeUndefined();
    expect(await store.verifyToken(other.secret)).toEqual(other.record);
    const listed = (await store.listTokens()).sort((a, b) => a.name.localeCompare(b.name));
    expect(listed.map((t) => [t.name, t.role, t.revokedAt === null])).toEqual([
      ["ops desk", "editor", false],
      ["reader", "viewer", true],
    ]);
    expect(new Date(listed[0]!.revokedAt!).getTime()).toBeGreaterThanOrEqual(
      new Date(record.createdAt).getTime(),
    );
  });

  it("refuses a token without a name or with an unknown role, naming the field", async () => {
    const { store } = await open();
    for (const name of ["", "   ", "x".repeat(101)])
      await expect(store.createToken(name, "admin")).rejects.toThrow(
        /^name: give the token a name of 1 to 100 characters$/,
      );
    await expect(store.createToken("desk", "owner" as never)).rejects.toThrow(
      /^role: must be one of viewer, editor, admin, not "owner"$/,
    );
    expect(await store.listTokens()).toEqual([]);
  });
});

describe("openStore on SQLite", () => {
  it("creates the file's directory and opens it in WAL mode", async () => {
    const path = join(temporaryDirectory(), "not", "there", "yet", "parley.sqlite");
    const store = await openStore({ sqlitePath: path, seed: () => [smallTheatre()] });
    track(store, "sqlite", path);
    expect((await store.listTheatres()).map((t) => t.id)).toEqual(["ruritania"]);
    expect(await rawQuery("sqlite", path, "PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
  });
});
