import type { TheatreDocument } from "@parley/domain";
import { SqliteStore } from "./sqlite/sqlite-store";
import type { Store } from "./store";

export interface StoreOptions {
  /** A PostgreSQL connection URL; when absent, the embedded SQLite file at `sqlitePath`. */
  databaseUrl?: string | undefined;
  sqlitePath: string;
  /** Theatres to load into a brand-new database, once. */
  seed?: () => TheatreDocument[];
}

export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) {
    const { PostgresStore } = await import("./postgres/postgres-store");
    return PostgresStore.open(options.databaseUrl, options.seed);
  }
  return SqliteStore.open(options.sqlitePath, options.seed);
}
