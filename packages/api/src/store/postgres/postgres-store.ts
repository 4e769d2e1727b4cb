import type { TheatreDocument } from "@parley/domain";
import pg from "pg";
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
import { checkedName, historyOf, recordOf, stampRow, tokenOf, type Row } from "../stored-rows";
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
import { POSTGRES_MIGRATIONS } from "./postgres-migrations";

type Client = pg.PoolClient;
const MIGRATION_LOCK = 7_240_001;
const ROWS_PER_INSERT = 1000;

/** The team store: PostgreSQL, shared by any number of stateless server processes. */
export class PostgresStore implements Store {
  readonly dialect = "postgres";
  private readonly cache = new Map<string, StoredTheatre>();

  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string, seed?: () => TheatreDocument[]): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const store = new PostgresStore(pool);
    try {
      await store.transaction(async (client) => {
        await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
        await store.migrate(client);
        const seeded = await client.query("SELECT 1 FROM settings WHERE key = 'seeded'");
        if (seeded.rowCount) return;
        for (const document of seed?.() ?? []) await store.importWith(client, document, "seed", false);
        await client.query("INSERT INTO settings (key, value) VALUES ('seeded', $1)", [
          new Date().toISOString(),
        ]);
      });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  private async migrate(client: Client): Promise<void> {
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    const current = Number(
      (await client.query("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations")).rows[0].v,
    );
    const known = POSTGRES_MIGRATIONS.at(-1)!.version;
    if (current > known) throw new DatabaseTooNew(current, known);
    for (const migration of POSTGRES_MIGRATIONS.filter((m) => m.version > current)) {
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
  }

  private async transaction<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async listTheatres(): Promise<TheatreRecord[]> {
    return (await this.pool.query("SELECT * FROM theatres ORDER BY id")).rows.map(recordOf);
  }

  async readTheatre(theatreId: string): Promise<StoredTheatre | undefined> {
    return this.readWith(this.pool, theatreId);
  }

  private async readWith(
    db: pg.Pool | Client,
    theatreId: string,
    lock = false,
  ): Promise<StoredTheatre | undefined> {
    const found = await db.query(`SELECT revision FROM theatres WHERE id = $1${lock ? " FOR UPDATE" : ""}`, [
      theatreId,
    ]);
    if (!found.rowCount) {
      this.cache.delete(theatreId);
      return undefined;
    }
    const revision = Number(found.rows[0].revision);
    const cached = this.cache.get(theatreId);
    if (cached && cached.record.revision === revision) return cached;
    const client = db instanceof pg.Pool ? await db.connect() : db;
    try {
      if (client !== db) await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const theatre = (await client.query("SELECT * FROM theatres WHERE id = $1", [theatreId])).rows[0] as
        Row | undefined;
      const rows = (
        await client.query(
          `SELECT kind, id, version, data, updated_at AS "updatedAt", updated_by AS "updatedBy"
           FROM entities WHERE theatre_id = $1 ORDER BY kind COLLATE "C", position`,
          [theatreId],
        )
      ).rows as EntityRow[];
      if (client !== db) await client.query("COMMIT");
      if (!theatre) return undefined;
      const read = assembleTheatre(recordOf(theatre), stampRow(theatre), rows);
      this.cache.set(theatreId, read);
      return read;
    } finally {
      if (client !== db) client.release();
    }
  }

  async importTheatre(
    document: TheatreDocument,
    by: string,
    options: { replace?: boolean } = {},
  ): Promise<TheatreRecord> {
    return this.transaction((client) => this.importWith(client, document, by, options.replace ?? false));
  }

  private async importWith(
    client: Client,
    document: TheatreDocument,
    by: string,
    replace: boolean,
  ): Promise<TheatreRecord> {
    const id = document.theatre.id;
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [id]);
    const existing = await this.readWith(client, id, true);
    if (existing && !replace) throw new TheatreExists(id);
    const at = new Date().toISOString();
    const plan = planImport(document, by, at, existing);
    const revision = existing ? existing.record.revision + 1 : 0;
    const { data, version, updatedAt, updatedBy } = plan.theatre;
    if (existing) {
      await client.query("DELETE FROM entities WHERE theatre_id = $1", [id]);
      await client.query("DELETE FROM search_index WHERE theatre_id = $1", [id]);
    }
    await client.query(UPSERT_THEATRE, [
      id,
      document.theatre.name,
      revision,
      data,
      version,
      updatedAt,
      updatedBy,
      at,
    ]);
    const positions = new Map<string, number>();
    await insertMany(
      client,
      "entities (theatre_id, kind, id, position, version, data, updated_at, updated_by)",
      plan.rows.map((row) => {
        const position = positions.get(row.kind) ?? 0;
        positions.set(row.kind, position + 1);
        return [id, row.kind, row.id, position, row.version, row.data, row.updatedAt, row.updatedBy];
      }),
    );
    const searchRows: unknown[][] = searchTexts("theatre", document.theatre).map((t) => [
      id,
      "theatre",
      id,
      t.field,
      t.text,
    ]);
    for (const row of plan.rows)
      for (const t of searchTexts(row.kind, JSON.parse(row.data)))
        searchRows.push([id, row.kind, row.id, t.field, t.text]);
    await insertMany(client, "search_index (theatre_id, kind, entity_id, field, text)", searchRows);
    await this.recordHistory(client, id, plan.history);
    this.cache.delete(id);
    return recordOf((await client.query("SELECT * FROM theatres WHERE id = $1", [id])).rows[0]);
  }

  async deleteTheatre(theatreId: string): Promise<boolean> {
    return this.transaction(async (client) => {
      const deleted =
        ((await client.query("DELETE FROM theatres WHERE id = $1", [theatreId])).rowCount ?? 0) > 0;
      await client.query("DELETE FROM history WHERE theatre_id = $1", [theatreId]);
      await client.query("DELETE FROM search_index WHERE theatre_id = $1", [theatreId]);
      this.cache.delete(theatreId);
      return deleted;
    });
  }

  async mutate(theatreId: string, by: string, plan: MutationPlan): Promise<MutationResult> {
    const writes = await this.transaction(async (client) => {
      const current = await this.readWith(client, theatreId, true);
      if (!current) throw new Error(`no theatre "${theatreId}"`);
      const at = new Date().toISOString();
      const writes = planWrites(current, plan(current), by, at);
      for (const { operation, row, expectedVersion } of writes.entities) {
        if (operation === "insert")
          await client.query(
            `INSERT INTO entities (theatre_id, kind, id, position, version, data, updated_at, updated_by)
               VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), -1) + 1 FROM entities WHERE theatre_id = $1 AND kind = $2), $4, $5, $6, $7)`,
            [theatreId, row.kind, row.id, row.version, row.data, row.updatedAt, row.updatedBy],
          );
        else {
          const changed =
            operation === "delete"
              ? await client.query(
                  "DELETE FROM entities WHERE theatre_id = $1 AND kind = $2 AND id = $3 AND version = $4",
                  [theatreId, row.kind, row.id, expectedVersion],
                )
              : await client.query(
                  "UPDATE entities SET version = $1, data = $2, updated_at = $3, updated_by = $4 WHERE theatre_id = $5 AND kind = $6 AND id = $7 AND version = $8",
                  [
                    row.version,
                    row.data,
                    row.updatedAt,
                    row.updatedBy,
                    theatreId,
                    row.kind,
                    row.id,
                    expectedVersion,
                  ],
                );
          if (changed.rowCount !== 1) throw new VersionConflict(row.kind, row.id, expectedVersion, null);
        }
        await this.indexForSearch(
          client,
          theatreId,
          row.kind,
          row.id,
          operation === "delete" ? undefined : JSON.parse(row.data),
        );
      }
      if (writes.theatre) {
        const next = writes.next.document.theatre;
        await client.query(
          "UPDATE theatres SET name = $1, data = $2, version = $3, updated_at = $4, updated_by = $5 WHERE id = $6 AND version = $7",
          [
            next.name,
            writes.theatre.data,
            writes.theatre.version,
            at,
            by,
            theatreId,
            writes.theatre.expectedVersion,
          ],
        );
        await this.indexForSearch(client, theatreId, "theatre", theatreId, next);
      }
      await client.query("UPDATE theatres SET revision = $1, updated_at = $2 WHERE id = $3", [
        writes.result.revision,
        at,
        theatreId,
      ]);
      await this.recordHistory(client, theatreId, writes.history);
      return writes;
    });
    // A failed mutation is rolled back whole, so the cached theatre stays true to the database.
    this.cache.set(theatreId, writes.next);
    return writes.result;
  }

  private async recordHistory(client: Client, theatreId: string, rows: readonly HistoryRow[]): Promise<void> {
    await insertMany(
      client,
      "history (theatre_id, kind, entity_id, operation, version, by, at, before, after)",
      rows.map((r) => [theatreId, r.kind, r.entityId, r.operation, r.version, r.by, r.at, r.before, r.after]),
    );
  }

  private async indexForSearch(
    client: Client,
    theatreId: string,
    kind: EntityKind,
    id: string,
    data: unknown,
  ): Promise<void> {
    await client.query("DELETE FROM search_index WHERE theatre_id = $1 AND kind = $2 AND entity_id = $3", [
      theatreId,
      kind,
      id,
    ]);
    if (data === undefined) return;
    await insertMany(
      client,
      "search_index (theatre_id, kind, entity_id, field, text)",
      searchTexts(kind, data).map((t) => [theatreId, kind, id, t.field, t.text]),
    );
  }

  async history(
    theatreId: string,
    kind: EntityKind,
    entityId: string,
    options: { limit?: number; beforeSequence?: number } = {},
  ): Promise<HistoryEntry[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM history WHERE theatre_id = $1 AND kind = $2 AND entity_id = $3 AND sequence < $4
       ORDER BY sequence DESC LIMIT $5`,
      [theatreId, kind, entityId, options.beforeSequence ?? Number.MAX_SAFE_INTEGER, options.limit ?? 50],
    );
    return rows.map(historyOf);
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const words = searchWords(query.text);
    const tsquery = words.map((word, i) => `'${word}'${i === words.length - 1 ? ":*" : ""}`).join(" & ");
    const params: unknown[] = [tsquery, query.limit];
    const theatreFilter =
      query.theatreId !== undefined ? `AND theatre_id = $${params.push(query.theatreId)}` : "";
    const kindFilter = query.kinds?.length ? `AND kind = ANY($${params.push(query.kinds)})` : "";
    const { rows } = await this.pool.query(
      `SELECT theatre_id, kind, entity_id, field,
              ts_headline('english', text, q, 'StartSel=«, StopSel=», MaxWords=24, MinWords=8') AS snippet,
              ts_rank(words, q) / (1 + log(length(text))) AS score
       FROM search_index, to_tsquery('english', $1) AS q
       WHERE words @@ q ${theatreFilter} ${kindFilter}
       ORDER BY score DESC, theatre_id, kind, entity_id LIMIT $2`,
      params,
    );
    return rows.map((row: Row) => ({
      theatreId: row.theatre_id as string,
      kind: row.kind as EntityKind,
      entityId: row.entity_id as string,
      field: row.field as string,
      snippet: row.snippet as string,
      score: Number(row.score),
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
    await this.pool.query(
      "INSERT INTO tokens (id, name, role, hash, created_at) VALUES ($1, $2, $3, $4, $5)",
      [record.id, record.name, record.role, token.hash, record.createdAt],
    );
    return { record, secret: token.secret };
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (await this.pool.query("SELECT * FROM tokens ORDER BY created_at, id")).rows.map(tokenOf);
  }

  async revokeToken(id: string): Promise<boolean> {
    const result = await this.pool.query(
      "UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
      [new Date().toISOString(), id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async verifyToken(secret: string): Promise<TokenRecord | undefined> {
    const { rows } = await this.pool.query("SELECT * FROM tokens WHERE hash = $1 AND revoked_at IS NULL", [
      hashSecret(secret),
    ]);
    return rows[0] && tokenOf(rows[0]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function insertMany(client: Client, into: string, rows: readonly unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const batch = rows.slice(start, start + ROWS_PER_INSERT);
    const width = batch[0]!.length;
    const values = batch.map(
      (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(", ")})`,
    );
    await client.query(`INSERT INTO ${into} VALUES ${values.join(", ")}`, batch.flat());
  }
}
