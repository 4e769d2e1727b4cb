import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { TheatreDocument } from "@parley/domain";
import Database from "better-sqlite3";
import { searchTexts, searchWords } from "../search-text";
import { DatabaseTooNew, TheatreExists } from "../store-errors";
import {
  assembleTheatre,
  planImport,
  planWrites,
  UPSERT_THEATRE,
  type EntityRow,
  type HistoryRow,
} from "../theatre-state";
import { hashSecret, newToken } from "../token-secret";
import type {
  EntityKind,
  HistoryEntry,
  MutationPlan,
  MutationResult,
  Role,
  SearchHit,
  SearchQuery,
  Store,
  StoredTheatre,
  TheatreRecord,
  TokenRecord,
} from "../store";
import { VersionConflict } from "../store";
import { checkedName, historyOf, recordOf, stampRow, tokenOf, type Row } from "../stored-rows";
import { SQLITE_MIGRATIONS } from "./sqlite-migrations";

/** The embedded store: one SQLite file in WAL mode, safe to share with other processes (the CLI, a second server). */
export class SqliteStore implements Store {
  readonly dialect = "sqlite";
  private readonly db: Database.Database;
  private readonly cache = new Map<string, StoredTheatre>();
  private readonly revisionOf: Database.Statement;
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 10000");
    this.migrate();
    this.revisionOf = this.db.prepare("SELECT revision FROM theatres WHERE id = ?").pluck();
  }

  /** A prepared statement, prepared once per text. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  static open(path: string, seed?: () => TheatreDocument[]): SqliteStore {
    const store = new SqliteStore(path);
    store.db
      .transaction(() => {
        if (store.sql("SELECT 1 FROM settings WHERE key = 'seeded'").get()) return;
        for (const document of seed?.() ?? []) store.importNow(document, "seed", false);
        store.db
          .prepare("INSERT INTO settings (key, value) VALUES ('seeded', ?)")
          .run(new Date().toISOString());
      })
      .immediate();
    return store;
  }

  private migrate(): void {
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    this.db
      .transaction(() => {
        const current =
          (this.db.prepare("SELECT MAX(version) FROM schema_migrations").pluck().get() as number | null) ?? 0;
        const known = SQLITE_MIGRATIONS.at(-1)!.version;
        if (current > known) throw new DatabaseTooNew(current, known);
        for (const migration of SQLITE_MIGRATIONS.filter((m) => m.version > current)) {
          this.db.exec(migration.sql);
          this.sql("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
            migration.version,
            migration.name,
            new Date().toISOString(),
          );
        }
      })
      .immediate();
  }

  async listTheatres(): Promise<TheatreRecord[]> {
    return (this.sql("SELECT * FROM theatres ORDER BY id").all() as Row[]).map(recordOf);
  }

  async readTheatre(theatreId: string): Promise<StoredTheatre | undefined> {
    return this.readNow(theatreId);
  }

  private readNow(theatreId: string): StoredTheatre | undefined {
    const revision = this.revisionOf.get(theatreId) as number | undefined;
    const cached = this.cache.get(theatreId);
    if (revision === undefined) {
      this.cache.delete(theatreId);
      return undefined;
    }
    if (cached && cached.record.revision === revision) return cached;
    const read = this.db
      .transaction(() => {
        const theatre = this.sql("SELECT * FROM theatres WHERE id = ?").get(theatreId) as Row;
        const rows = this.sql(
          "SELECT kind, id, version, data, updated_at AS updatedAt, updated_by AS updatedBy FROM entities WHERE theatre_id = ? ORDER BY kind, position",
        ).all(theatreId) as EntityRow[];
        return assembleTheatre(recordOf(theatre), stampRow(theatre), rows);
      })
      .deferred();
    this.cache.set(theatreId, read);
    return read;
  }

  async importTheatre(
    document: TheatreDocument,
    by: string,
    options: { replace?: boolean } = {},
  ): Promise<TheatreRecord> {
    return this.db.transaction(() => this.importNow(document, by, options.replace ?? false)).immediate();
  }

  private importNow(document: TheatreDocument, by: string, replace: boolean): TheatreRecord {
    const id = document.theatre.id;
    const existing = this.readNow(id);
    if (existing && !replace) throw new TheatreExists(id);
    const at = new Date().toISOString();
    const plan = planImport(document, by, at, existing);
    const revision = existing ? existing.record.revision + 1 : 0;
    if (existing) {
      this.sql("DELETE FROM entities WHERE theatre_id = ?").run(id);
      this.forgetSearchRows("theatre_id = ?", id);
    }
    const { data, version, updatedAt, updatedBy } = plan.theatre;
    this.sql(UPSERT_THEATRE.replace(/\$\d+/g, "?")).run(
      id,
      document.theatre.name,
      revision,
      data,
      version,
      updatedAt,
      updatedBy,
      at,
    );
    this.indexForSearch(id, "theatre", id, document.theatre, true);
    const insert = this.sql(
      "INSERT INTO entities (theatre_id, kind, id, position, version, data, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const positions = new Map<string, number>();
    for (const row of plan.rows) {
      const position = positions.get(row.kind) ?? 0;
      positions.set(row.kind, position + 1);
      insert.run(id, row.kind, row.id, position, row.version, row.data, row.updatedAt, row.updatedBy);
    }
    for (const kind of Object.keys(document).filter((k) => k !== "theatre") as (keyof TheatreDocument)[])
      for (const entity of document[kind] as { id: string }[])
        this.indexForSearch(id, kind as EntityKind, entity.id, entity, true);
    this.recordHistory(id, plan.history);
    this.cache.delete(id);
    return recordOf(this.sql("SELECT * FROM theatres WHERE id = ?").get(id) as Row);
  }

  async deleteTheatre(theatreId: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        const deleted = this.sql("DELETE FROM theatres WHERE id = ?").run(theatreId).changes > 0;
        this.sql("DELETE FROM history WHERE theatre_id = ?").run(theatreId);
        this.forgetSearchRows("theatre_id = ?", theatreId);
        this.cache.delete(theatreId);
        return deleted;
      })
      .immediate();
  }

  async mutate(theatreId: string, by: string, plan: MutationPlan): Promise<MutationResult> {
    const run = this.db.transaction(() => {
      const current = this.readNow(theatreId);
      if (!current) throw new Error(`no theatre "${theatreId}"`);
      const at = new Date().toISOString();
      const writes = planWrites(current, plan(current), by, at);
      for (const { operation, row, expectedVersion } of writes.entities) {
        if (operation === "insert")
          this.sql(
            `INSERT INTO entities (theatre_id, kind, id, position, version, data, updated_at, updated_by)
               VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM entities WHERE theatre_id = ? AND kind = ?), ?, ?, ?, ?)`,
          ).run(
            theatreId,
            row.kind,
            row.id,
            theatreId,
            row.kind,
            row.version,
            row.data,
            row.updatedAt,
            row.updatedBy,
          );
        else {
          const changed =
            operation === "delete"
              ? this.sql(
                  "DELETE FROM entities WHERE theatre_id = ? AND kind = ? AND id = ? AND version = ?",
                ).run(theatreId, row.kind, row.id, expectedVersion).changes
              : this.sql(
                  "UPDATE entities SET version = ?, data = ?, updated_at = ?, updated_by = ? WHERE theatre_id = ? AND kind = ? AND id = ? AND version = ?",
                ).run(
                  row.version,
                  row.data,
                  row.updatedAt,
                  row.updatedBy,
                  theatreId,
                  row.kind,
                  row.id,
                  expectedVersion,
                ).changes;
          if (changed !== 1) throw new VersionConflict(row.kind, row.id, expectedVersion, null);
        }
        this.indexForSearch(
          theatreId,
          row.kind,
          row.id,
          operation === "delete" ? undefined : JSON.parse(row.data),
        );
      }
      if (writes.theatre) {
        const next = writes.next.document.theatre;
        this.sql(
          "UPDATE theatres SET name = ?, data = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?",
        ).run(
          next.name,
          writes.theatre.data,
          writes.theatre.version,
          at,
          by,
          theatreId,
          writes.theatre.expectedVersion,
        );
        this.indexForSearch(theatreId, "theatre", theatreId, next);
      }
      this.sql("UPDATE theatres SET revision = ?, updated_at = ? WHERE id = ?").run(
        writes.result.revision,
        at,
        theatreId,
      );
      this.recordHistory(theatreId, writes.history);
      return writes;
    });
    // A failed mutation is rolled back whole, so the cached theatre stays true to the database.
    const writes = run.immediate();
    this.cache.set(theatreId, writes.next);
    return writes.result;
  }

  private recordHistory(theatreId: string, rows: readonly HistoryRow[]): void {
    const insert = this.sql(
      "INSERT INTO history (theatre_id, kind, entity_id, operation, version, by, at, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    for (const row of rows)
      insert.run(
        theatreId,
        row.kind,
        row.entityId,
        row.operation,
        row.version,
        row.by,
        row.at,
        row.before,
        row.after,
      );
  }

  private indexForSearch(
    theatreId: string,
    kind: EntityKind,
    id: string,
    data: unknown,
    fresh = false,
  ): void {
    if (!fresh) this.forgetSearchRows("theatre_id = ? AND kind = ? AND entity_id = ?", theatreId, kind, id);
    if (data === undefined) return;
    const row = this.sql("INSERT INTO search_rows (theatre_id, kind, entity_id, field) VALUES (?, ?, ?, ?)");
    const words = this.sql("INSERT INTO search_index (rowid, text) VALUES (?, ?)");
    for (const { field, text } of searchTexts(kind, data))
      words.run(row.run(theatreId, kind, id, field).lastInsertRowid, text);
  }

  private forgetSearchRows(where: string, ...values: string[]): void {
    this.sql(`DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_rows WHERE ${where})`).run(
      ...values,
    );
    this.sql(`DELETE FROM search_rows WHERE ${where}`).run(...values);
  }

  async history(
    theatreId: string,
    kind: EntityKind,
    entityId: string,
    options: { limit?: number; beforeSequence?: number } = {},
  ): Promise<HistoryEntry[]> {
    const rows = this.sql(
      `SELECT * FROM history WHERE theatre_id = ? AND kind = ? AND entity_id = ? AND sequence < ?
         ORDER BY sequence DESC LIMIT ?`,
    ).all(
      theatreId,
      kind,
      entityId,
      options.beforeSequence ?? Number.MAX_SAFE_INTEGER,
      options.limit ?? 50,
    ) as Row[];
    return rows.map(historyOf);
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const words = searchWords(query.text);
    const match = words.map((word, i) => `"${word}"${i === words.length - 1 ? "*" : ""}`).join(" ");
    const kinds = query.kinds ?? [];
    const rows = this.sql(
      `SELECT theatre_id, kind, entity_id, field, snippet(search_index, 0, '«', '»', '…', 16) AS snippet, bm25(search_index) AS rank
         FROM search_index JOIN search_rows ON search_rows.id = search_index.rowid WHERE search_index MATCH ?
         ${query.theatreId !== undefined ? "AND theatre_id = ?" : ""}
         ${kinds.length ? `AND kind IN (${kinds.map(() => "?").join(", ")})` : ""}
         ORDER BY rank LIMIT ?`,
    ).all(match, ...(query.theatreId !== undefined ? [query.theatreId] : []), ...kinds, query.limit) as Row[];
    return rows.map((row) => ({
      theatreId: row.theatre_id as string,
      kind: row.kind as EntityKind,
      entityId: row.entity_id as string,
      field: row.field as string,
      snippet: row.snippet as string,
      score: -(row.rank as number),
    }));
  }

  async createToken(name: string, role: Role): Promise<{ record: TokenRecord; secret: string }> {
    const token = newToken();
    const record: TokenRecord = {
      id: token.id,
      name: checkedName(name),
      role,
      createdAt: new Date().toISOString(),
      revokedAt: null,
    };
    this.sql("INSERT INTO tokens (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)").run(
      record.id,
      record.name,
      record.role,
      token.hash,
      record.createdAt,
    );
    return { record, secret: token.secret };
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (this.sql("SELECT * FROM tokens ORDER BY created_at, id").all() as Row[]).map(tokenOf);
  }

  async revokeToken(id: string): Promise<boolean> {
    return (
      this.sql("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").run(
        new Date().toISOString(),
        id,
      ).changes > 0
    );
  }

  async verifyToken(secret: string): Promise<TokenRecord | undefined> {
    const row = this.sql("SELECT * FROM tokens WHERE hash = ? AND revoked_at IS NULL").get(
      hashSecret(secret),
    ) as Row | undefined;
    return row && tokenOf(row);
  }

  /** SQLite's own consistency check: "ok" when the file is sound. */
  integrityCheck(): string {
    return this.db.pragma("integrity_check", { simple: true }) as string;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
