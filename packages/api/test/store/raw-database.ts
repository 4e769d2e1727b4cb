import Database from "better-sqlite3";
import pg from "pg";
import type { StoreCase } from "../stores";

/**
 * Plain SQL on a store's database, past the store: what another program (or someone with the file) sees.
 * `$1`-style parameters on both dialects.
 */
export async function rawQuery(
  dialect: StoreCase["dialect"],
  location: string,
  sql: string,
  params: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  if (dialect === "sqlite") {
    const db = new Database(location);
    try {
      const statement = db.prepare(sql);
      const named = Object.fromEntries(params.map((value, index) => [index + 1, value]));
      const bound = params.length ? [named] : [];
      return statement.reader
        ? (statement.all(...bound) as Record<string, unknown>[])
        : (statement.run(...bound), []);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every row of every table as text. */
export async function everythingStored(dialect: StoreCase["dialect"], location: string): Promise<string> {
  const tables =
    dialect === "sqlite"
      ? await rawQuery(dialect, location, "SELECT name FROM sqlite_master WHERE type = 'table'")
      : await rawQuery(
          dialect,
          location,
          "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'",
        );
  const parts: string[] = [];
  for (const { name } of tables)
    parts.push(JSON.stringify(await rawQuery(dialect, location, `SELECT * FROM "${name as string}"`)));
  return parts.join("\n");
}

/** SQLite's own check of a database file: "ok" when it is sound. */
export function sqliteIntegrity(location: string): string {
  const db = new Database(location, { readonly: true });
  try {
    return db.pragma("integrity_check", { simple: true }) as string;
  } finally {
    db.close();
  }
}
