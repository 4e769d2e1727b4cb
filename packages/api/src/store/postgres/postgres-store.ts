import type { TheatreDocument } from "@parley/domain";
import pg from "pg";
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
  type ImportPlan,
} from "../theatre-state";
import { checkedToken, hashSecret, newToken } from "../token-secret";
import { historyOf, recordOf, stampRow, tokenOf, type Row } from "../stored-rows";
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
import { inBatches } from "./in-batches";
import { entityWrite, mutationRecorded, theatreWrite } from "./mutation-statements";
import { POSTGRES_MIGRATIONS } from "./postgres-migrations";

type Client = pg.PoolClient;
/** The advisory lock that serialises migrating and seeding across processes starting together. */
const MIGRATION_LOCK = 7_240_001;
const RECORD_COLUMNS = "id, name, revision, created_at, revised_at";

/**
 * The team store: PostgreSQL, shared by any number of stateless server processes. A mutation locks its
 * theatre's row (`SELECT … FOR UPDATE`), so mutations of one theatre queue across processes.
 */
export class PostgresStore implements Store {
  readonly dialect = "postgres";
  private readonly cache = new Map<string, StoredTheatre>();

  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string, seed?: () => TheatreDocument[], poolSize = 10): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle client that loses its server (a restart) must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
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

  private async transaction<T>(work: (client: Client) => Promise<T>, begin = "BEGIN"): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(begin);
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
    return (await this.pool.query(`SELECT ${RECORD_COLUMNS} FROM theatres ORDER BY id`)).rows.map(recordOf);
  }

  async readTheatre(theatreId: string): Promise<StoredTheatre | undefined> {
    const found = await this.pool.query("SELECT revision FROM theatres WHERE id = $1", [theatreId]);
    if (!found.rowCount) {
      this.cache.delete(theatreId);
      return undefined;
    }
    const cached = this.cache.get(theatreId);
    if (cached && cached.record.revision === Number(found.rows[0].revision)) return cached;
    return this.transaction(
      (client) => this.readWith(client, theatreId),
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    );
  }

  /**
   * The theatre as `client`'s transaction sees it: the cached one while its revision is current, else read
   * whole. With `lock`, its row stays locked until the transaction ends (mutations and imports queue there).
   */
  private async readWith(
    client: Client,
    theatreId: string,
    lock = false,
  ): Promise<StoredTheatre | undefined> {
    const found = await client.query(
      `SELECT revision FROM theatres WHERE id = $1${lock ? " FOR UPDATE" : ""}`,
      [theatreId],
    );
    if (!found.rowCount) {
      this.cache.delete(theatreId);
      return undefined;
    }
    const cached = this.cache.get(theatreId);
    if (cached && cached.record.revision === Number(found.rows[0].revision)) return cached;
    const theatre = (await client.query("SELECT * FROM theatres WHERE id = $1", [theatreId])).rows[0] as Row;
    // In the order of the (theatre_id, kind, position) index, so the server only walks it.
    const rows = await client.query<EntityTuple>({
      text: `SELECT ${ENTITY_COLUMNS} FROM entities WHERE theatre_id = $1 ORDER BY kind, position`,
      values: [theatreId],
      rowMode: "array",
    });
    const read = assembleTheatre(recordOf(theatre), stampRow(theatre), rows.rows);
    this.cache.set(theatreId, read);
    return read;
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
    // Two imports of a new theatre have no row to lock yet: they queue on this instead.
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [id]);
    const existing = await this.readWith(client, id, true);
    if (existing && !replace) throw new TheatreExists(id);
    const at = new Date().toISOString();
    const plan = planImport(
      document,
      by,
      at,
      existing && { stored: existing, positions: await this.positionsOf(client, id) },
    );
    if (plan.unchanged) return existing!.record;
    const revision = existing
      ? existing.record.revision + 1
      : firstRevision(
          (await client.query("SELECT value FROM settings WHERE key = $1", [retiredRevisionKey(id)])).rows[0]
            ?.value,
        );
    const { data, version, updatedAt, updatedBy } = plan.theatre;
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
    await this.writeImport(client, id, plan, by, at);
    const record = recordOf(
      (await client.query(`SELECT ${RECORD_COLUMNS} FROM theatres WHERE id = $1`, [id])).rows[0],
    );
    this.cache.set(id, plan.next(record));
    return record;
  }

  private async writeImport(client: Client, id: string, plan: ImportPlan, by: string, at: string) {
    const search = importSearchChanges(plan, id);
    await forgetSearchRows(client, id, search.forget);
    await inBatches(
      client,
      "DELETE FROM entities WHERE theatre_id = $1 AND (kind, id) IN (VALUES {rows})",
      [id],
      plan.deletes.map((row) => [row.kind, row.id]),
    );
    await inBatches(
      client,
      `UPDATE entities SET position = v.position::int, version = v.version::int, data = v.data,
         updated_at = v.updated_at, updated_by = v.updated_by
       FROM (VALUES {rows}) AS v (kind, id, position, version, data, updated_at, updated_by)
       WHERE theatre_id = $1 AND entities.kind = v.kind AND entities.id = v.id`,
      [id],
      plan.updates.map((r) => [r.kind, r.id, r.position, r.version, r.data, r.updatedAt, r.updatedBy]),
    );
    await inBatches(
      client,
      `UPDATE entities SET position = v.position::int FROM (VALUES {rows}) AS v (kind, id, position)
       WHERE theatre_id = $1 AND entities.kind = v.kind AND entities.id = v.id`,
      [id],
      plan.moves.map((row) => [row.kind, row.id, row.position]),
    );
    // Each new entity and its history row from one copy of its data on the wire.
    await inBatches(
      client,
      `WITH v (kind, id, position, data) AS (VALUES {rows}),
         stored AS (INSERT INTO entities (theatre_id, kind, id, position, version, data, updated_at, updated_by)
           SELECT $1::text, kind, id, position::int, 1, data, $2::text, $3::text FROM v)
       INSERT INTO history (theatre_id, kind, entity_id, operation, version, by, at, before, after)
       SELECT $1::text, kind, id, 'import', 1, $3::text, $2::text, NULL, data FROM v`,
      [id, at, by],
      plan.inserts.map((row) => [row.kind, row.id, row.position, row.data]),
      2000,
    );
    await recordHistory(client, id, plan.history);
    await indexForSearch(
      client,
      id,
      search.index.map((row) => ({ kind: row.kind, id: row.id, data: JSON.parse(row.data) })),
    );
  }

  private async positionsOf(client: Client, theatreId: string): Promise<Map<string, number>> {
    const { rows } = await client.query<[EntityKind, string, number]>({
      text: "SELECT kind, id, position FROM entities WHERE theatre_id = $1",
      values: [theatreId],
      rowMode: "array",
    });
    return new Map(rows.map(([kind, id, position]) => [stampKey(kind, id), position]));
  }

  async deleteTheatre(theatreId: string): Promise<boolean> {
    return this.transaction(async (client) => {
      this.cache.delete(theatreId);
      const found = await client.query("SELECT revision FROM theatres WHERE id = $1 FOR UPDATE", [theatreId]);
      if (!found.rowCount) return false;
      await client.query(RETIRE_REVISION, [retiredRevisionKey(theatreId), String(found.rows[0].revision)]);
      await client.query("DELETE FROM theatres WHERE id = $1", [theatreId]);
      await client.query("DELETE FROM history WHERE theatre_id = $1", [theatreId]);
      await client.query("DELETE FROM search_index WHERE theatre_id = $1", [theatreId]);
      return true;
    });
  }

  async mutate(theatreId: string, by: string, plan: MutationPlan): Promise<MutationResult> {
    const writes = await this.transaction(async (client) => {
      const current = await this.readWith(client, theatreId, true);
      if (!current) throw new NoSuchTheatre(theatreId);
      const wanted = plan(current);
      if (wanted.length === 0)
        return { next: current, result: { revision: current.record.revision, stamps: [] } };
      const at = new Date().toISOString();
      const writes = planWrites(current, wanted, by, at);
      for (const write of writes.entities) {
        const { rows } = await client.query(entityWrite(theatreId, write));
        if (rows[0].written !== 1)
          throw await this.staleWrite(client, theatreId, write.row.kind, write.row.id, write.expectedVersion);
      }
      if (writes.theatre) {
        const next = writes.next.document.theatre;
        const { rows } = await client.query(
          theatreWrite(theatreId, next, next.name, { ...writes.theatre, at, by }),
        );
        if (rows[0].written !== 1)
          throw await this.staleWrite(
            client,
            theatreId,
            "theatre",
            theatreId,
            writes.theatre.expectedVersion,
          );
      }
      await client.query(mutationRecorded(theatreId, writes.result.revision, at, writes.history));
      return writes;
    });
    // A failed mutation is rolled back whole, so the cached theatre stays true to the database.
    this.cache.set(theatreId, writes.next);
    return writes.result;
  }

  /** The conflict for a row the database holds at another version than the theatre read said. */
  private async staleWrite(
    client: Client,
    theatreId: string,
    kind: EntityKind,
    id: string,
    expected: number,
  ): Promise<VersionConflict> {
    const { rows } =
      kind === "theatre"
        ? await client.query("SELECT version FROM theatres WHERE id = $1", [theatreId])
        : await client.query("SELECT version FROM entities WHERE theatre_id = $1 AND kind = $2 AND id = $3", [
            theatreId,
            kind,
            id,
          ]);
    this.cache.delete(theatreId);
    return new VersionConflict(kind, id, expected, rows[0] ? Number(rows[0].version) : null);
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
    // Each word a quoted lexeme (no operator can get through), all required, the last one also as a prefix.
    const tsquery = words.map((word, i) => `'${word}'${i === words.length - 1 ? ":*" : ""}`).join(" & ");
    const params: unknown[] = [tsquery, query.limit];
    const theatreFilter =
      query.theatreId !== undefined ? `AND theatre_id = $${params.push(query.theatreId)}` : "";
    const kindFilter = query.kinds?.length ? `AND kind = ANY($${params.push(query.kinds)})` : "";
    const { rows } = await this.pool.query(
      `SELECT theatre_id, kind, entity_id, field,
              ts_headline('english', text, q, 'StartSel=«, StopSel=», MaxWords=24, MinWords=8') AS snippet,
              ts_rank_cd(words, q, 1) * ${FIELD_WEIGHT} AS score
       FROM search_index, to_tsquery('english', $1) AS q
       WHERE words @@ q ${theatreFilter} ${kindFilter}
       ORDER BY score DESC, ${FIELD_PRECEDENCE}, theatre_id, kind, entity_id, field LIMIT $2`,
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
    const checked = checkedToken(name, role);
    const token = newToken();
    const record: TokenRecord = {
      id: token.id,
      ...checked,
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
    if (!this.pool.ending) await this.pool.end();
  }
}

async function recordHistory(client: Client, theatreId: string, rows: readonly HistoryRow[]): Promise<void> {
  await inBatches(
    client,
    "INSERT INTO history (theatre_id, kind, entity_id, operation, version, by, at, before, after) VALUES {rows}",
    [],
    rows.map((r) => [theatreId, r.kind, r.entityId, r.operation, r.version, r.by, r.at, r.before, r.after]),
  );
}

async function forgetSearchRows(
  client: Client,
  theatreId: string,
  entities: readonly { kind: EntityKind; id: string }[],
): Promise<void> {
  await inBatches(
    client,
    "DELETE FROM search_index WHERE theatre_id = $1 AND (kind, entity_id) IN (VALUES {rows})",
    [theatreId],
    entities.map((entity) => [entity.kind, entity.id]),
  );
}

/** Adds the search texts of entities whose old ones are gone (forgetSearchRows, or new entities). */
async function indexForSearch(
  client: Client,
  theatreId: string,
  entities: readonly { kind: EntityKind; id: string; data: unknown }[],
): Promise<void> {
  await inBatches(
    client,
    "INSERT INTO search_index (theatre_id, kind, entity_id, field, text) SELECT $1::text, * FROM (VALUES {rows}) AS v",
    [theatreId],
    entities.flatMap(({ kind, id, data }) => searchTexts(kind, data).map((t) => [kind, id, t.field, t.text])),
    2000,
  );
}
