import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { TheatreDocument } from "@parley/domain";
import Database from "better-sqlite3";
import { FIELD_PRECEDENCE, FIELD_WEIGHT, searchTexts, searchWords } from "../search-text";
import { DatabaseTooNew, NoSuchTheatre, TheatreExists } from "../store-errors";
import {
  assembleTheatre,
  ENTITY_COLUMNS,
  firstRevision,
  importSearchChanges,
  planImport,
  planWrites,
  RETIRE_REVISION,
  retiredRevisionKey,
  UPSERT_THEATRE,
  type EntityTuple,
  type HistoryRow,
} from "../theatre-state";
import { checkedToken, hashSecret, newToken } from "../token-secret";
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
import { stampKey, VersionConflict } from "../store";
import { historyOf, recordOf, stampRow, tokenOf, type Row } from "../stored-rows";
import { SQLITE_MIGRATIONS } from "./sqlite-migrations";

const RECORD_COLUMNS = "id, name, revision, created_at, revised_at";

/** Values for a statement with `$1`, `$2` … placeholders (which SQLite binds by name). */
function numbered(...values: unknown[]): Record<number, unknown> {
  return Object.fromEntries(values.map((value, index) => [index + 1, value]));
}

/**
 * The embedded store: one SQLite file in WAL mode, safe to share with other processes (the CLI, a second
 * server). Every write runs in a `BEGIN IMMEDIATE` transaction, so writers queue on the file's lock.
 */
export class SqliteStore implements Store {
  readonly dialect = "sqlite";
  private readonly db: Database.Database;
  private readonly cache = new Map<string, StoredTheatre>();
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    try {
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = NORMAL");
      this.db.pragma("foreign_keys = ON");
      this.db.pragma("busy_timeout = 10000");
      this.migrate();
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  static open(path: string, seed?: () => TheatreDocument[]): SqliteStore {
    const store = new SqliteStore(path);
    try {
      store.db
        .transaction(() => {
          if (store.sql("SELECT 1 FROM settings WHERE key = 'seeded'").get()) return;
          for (const document of seed?.() ?? []) store.importNow(document, "seed", false);
          store.sql("INSERT INTO settings (key, value) VALUES ('seeded', ?)").run(new Date().toISOString());
        })
        .immediate();
    } catch (error) {
      store.db.close();
      throw error;
    }
    return store;
  }

  /** A prepared statement, prepared once per text. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
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
          this.db
            .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
            .run(migration.version, migration.name, new Date().toISOString());
        }
      })
      .immediate();
  }

  async listTheatres(): Promise<TheatreRecord[]> {
    return (this.sql(`SELECT ${RECORD_COLUMNS} FROM theatres ORDER BY id`).all() as Row[]).map(recordOf);
  }

  async readTheatre(theatreId: string): Promise<StoredTheatre | undefined> {
    return this.readNow(theatreId);
  }

  /** The cached theatre while its revision is the stored one (another process may have written), else read. */
  private readNow(theatreId: string): StoredTheatre | undefined {
    const revision = this.sql("SELECT revision FROM theatres WHERE id = ?").pluck().get(theatreId) as
      number | undefined;
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
          `SELECT ${ENTITY_COLUMNS} FROM entities WHERE theatre_id = ? ORDER BY kind, position`,
        )
          .raw()
          .iterate(theatreId) as IterableIterator<EntityTuple>;
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
    const plan = planImport(
      document,
      by,
      at,
      existing && { stored: existing, positions: this.positionsOf(id) },
    );
    if (plan.unchanged) return existing!.record;
    const revision = existing
      ? existing.record.revision + 1
      : firstRevision(
          this.sql("SELECT value FROM settings WHERE key = ?").pluck().get(retiredRevisionKey(id)),
        );
    const { data, version, updatedAt, updatedBy } = plan.theatre;
    this.sql(UPSERT_THEATRE).run(
      numbered(id, document.theatre.name, revision, data, version, updatedAt, updatedBy, at),
    );

    const search = importSearchChanges(plan, id);
    for (const { kind, id: entityId } of search.forget) this.forgetSearchRows(id, kind, entityId);
    const remove = this.sql("DELETE FROM entities WHERE theatre_id = ? AND kind = ? AND id = ?");
    for (const row of plan.deletes) remove.run(id, row.kind, row.id);
    const update = this.sql(
      "UPDATE entities SET position = ?, version = ?, data = ?, updated_at = ?, updated_by = ? WHERE theatre_id = ? AND kind = ? AND id = ?",
    );
    for (const row of plan.updates)
      update.run(row.position, row.version, row.data, row.updatedAt, row.updatedBy, id, row.kind, row.id);
    const move = this.sql("UPDATE entities SET position = ? WHERE theatre_id = ? AND kind = ? AND id = ?");
    for (const row of plan.moves) move.run(row.position, id, row.kind, row.id);
    const insert = this.sql(
      "INSERT INTO entities (theatre_id, kind, id, position, version, data, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const history = this.historyInsert();
    for (const row of plan.inserts) {
      insert.run(id, row.kind, row.id, row.position, row.version, row.data, row.updatedAt, row.updatedBy);
      history.run(id, row.kind, row.id, "import", row.version, by, at, null, row.data);
    }
    this.recordHistory(id, plan.history);
    for (const row of search.index) this.indexForSearch(id, row.kind, row.id, JSON.parse(row.data));

    const record = recordOf(this.sql(`SELECT ${RECORD_COLUMNS} FROM theatres WHERE id = ?`).get(id) as Row);
    this.cache.set(id, plan.next(record));
    return record;
  }

  private positionsOf(theatreId: string): Map<string, number> {
    const rows = this.sql("SELECT kind, id, position FROM entities WHERE theatre_id = ?")
      .raw()
      .iterate(theatreId) as IterableIterator<[EntityKind, string, number]>;
    const positions = new Map<string, number>();
    for (const [kind, id, position] of rows) positions.set(stampKey(kind, id), position);
    return positions;
  }

  async deleteTheatre(theatreId: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        this.cache.delete(theatreId);
        const revision = this.sql("SELECT revision FROM theatres WHERE id = ?").pluck().get(theatreId);
        if (revision === undefined) return false;
        this.sql(RETIRE_REVISION).run(numbered(retiredRevisionKey(theatreId), String(revision)));
        this.sql("DELETE FROM theatres WHERE id = ?").run(theatreId);
        this.sql("DELETE FROM history WHERE theatre_id = ?").run(theatreId);
        this.sql(
          "DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_rows WHERE theatre_id = ?)",
        ).run(theatreId);
        this.sql("DELETE FROM search_rows WHERE theatre_id = ?").run(theatreId);
        return true;
      })
      .immediate();
  }

  async mutate(theatreId: string, by: string, plan: MutationPlan): Promise<MutationResult> {
    const run = this.db.transaction(() => {
      const current = this.readNow(theatreId);
      if (!current) throw new NoSuchTheatre(theatreId);
      const wanted = plan(current);
      if (wanted.length === 0) return undefined;
      const at = new Date().toISOString();
      const writes = planWrites(current, wanted, by, at);
      for (const { operation, row, expectedVersion } of writes.entities) {
        if (operation === "insert")
          this.sql(
            `INSERT INTO entities (theatre_id, kind, id, position, version, data, updated_at, updated_by)
               VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), -1) + 1 FROM entities WHERE theatre_id = $1 AND kind = $2), $4, $5, $6, $7)`,
          ).run(numbered(theatreId, row.kind, row.id, row.version, row.data, row.updatedAt, row.updatedBy));
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
          if (changed !== 1) throw this.staleWrite(theatreId, row.kind, row.id, expectedVersion);
        }
        this.forgetSearchRows(theatreId, row.kind, row.id);
        if (operation !== "delete") this.indexForSearch(theatreId, row.kind, row.id, JSON.parse(row.data));
      }
      if (writes.theatre) {
        const next = writes.next.document.theatre;
        const changed = this.sql(
          "UPDATE theatres SET name = ?, data = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?",
        ).run(
          next.name,
          writes.theatre.data,
          writes.theatre.version,
          at,
          by,
          theatreId,
          writes.theatre.expectedVersion,
        ).changes;
        if (changed !== 1)
          throw this.staleWrite(theatreId, "theatre", theatreId, writes.theatre.expectedVersion);
        this.forgetSearchRows(theatreId, "theatre", theatreId);
        this.indexForSearch(theatreId, "theatre", theatreId, next);
      }
      this.sql("UPDATE theatres SET revision = ?, revised_at = ? WHERE id = ?").run(
        writes.result.revision,
        at,
        theatreId,
      );
      this.recordHistory(theatreId, writes.history);
      return writes;
    });
    // A failed mutation is rolled back whole, so the cached theatre stays true to the database.
    const writes = run.immediate();
    if (!writes) return { revision: this.readNow(theatreId)!.record.revision, stamps: [] };
    this.cache.set(theatreId, writes.next);
    return writes.result;
  }

  /** The conflict for a row the database holds at another version than the theatre read said. */
  private staleWrite(theatreId: string, kind: EntityKind, id: string, expected: number): VersionConflict {
    const current =
      kind === "theatre"
        ? this.sql("SELECT version FROM theatres WHERE id = ?").pluck().get(theatreId)
        : this.sql("SELECT version FROM entities WHERE theatre_id = ? AND kind = ? AND id = ?")
            .pluck()
            .get(theatreId, kind, id);
    this.cache.delete(theatreId);
    return new VersionConflict(kind, id, expected, current === undefined ? null : Number(current));
  }

  private historyInsert(): Database.Statement {
    return this.sql(
      "INSERT INTO history (theatre_id, kind, entity_id, operation, version, by, at, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
  }

  private recordHistory(theatreId: string, rows: readonly HistoryRow[]): void {
    const insert = this.historyInsert();
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

  /** Adds the search texts of one entity; its old ones must be gone (forgetSearchRows, or a new entity). */
  private indexForSearch(theatreId: string, kind: EntityKind, id: string, data: unknown): void {
    const row = this.sql("INSERT INTO search_rows (theatre_id, kind, entity_id, field) VALUES (?, ?, ?, ?)");
    const words = this.sql("INSERT INTO search_index (rowid, text) VALUES (?, ?)");
    for (const { field, text } of searchTexts(kind, data))
      words.run(row.run(theatreId, kind, id, field).lastInsertRowid, text);
  }

  private forgetSearchRows(theatreId: string, kind: EntityKind, id: string): void {
    this.sql(
      "DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_rows WHERE theatre_id = ? AND kind = ? AND entity_id = ?)",
    ).run(theatreId, kind, id);
    this.sql("DELETE FROM search_rows WHERE theatre_id = ? AND kind = ? AND entity_id = ?").run(
      theatreId,
      kind,
      id,
    );
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
    // Each word a quoted FTS5 string (no operator can get through), the last one also as a prefix.
    const match = words.map((word, i) => `"${word}"${i === words.length - 1 ? "*" : ""}`).join(" ");
    const kinds = query.kinds ?? [];
    // The filters are written `+column` so that SQLite cannot use search_rows' index for them: the full-text
    // match must lead (a theatre's every search row probed against the index took seconds). Snippets are
    // made for the best rows only.
    const best = this.sql(
      `SELECT search_rows.id AS id, theatre_id, kind, entity_id, field, bm25(search_index) * ${FIELD_WEIGHT} AS rank
         FROM search_index JOIN search_rows ON search_rows.id = search_index.rowid WHERE search_index MATCH ?
         ${query.theatreId !== undefined ? "AND +theatre_id = ?" : ""}
         ${kinds.length ? `AND +kind IN (${kinds.map(() => "?").join(", ")})` : ""}
         ORDER BY rank, ${FIELD_PRECEDENCE}, search_rows.id LIMIT ?`,
    ).all(match, ...(query.theatreId !== undefined ? [query.theatreId] : []), ...kinds, query.limit) as Row[];
    if (best.length === 0) return [];
    const snippets = new Map(
      this.sql(
        `SELECT rowid, snippet(search_index, 0, '«', '»', '…', 16) FROM search_index
           WHERE search_index MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
      )
        .raw()
        .all(match, JSON.stringify(best.map((row) => row.id))) as [number, string][],
    );
    return best.map((row) => ({
      theatreId: row.theatre_id as string,
      kind: row.kind as EntityKind,
      entityId: row.entity_id as string,
      field: row.field as string,
      snippet: snippets.get(row.id as number) ?? "",
      score: -(row.rank as number),
    }));
  }

  async createToken(name: string, role: Role): Promise<{ record: TokenRecord; secret: string }> {
    const checked = checkedToken(name, role);
    const token = newToken();
    const record: TokenRecord = {
      id: token.id,
      ...checked,
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
