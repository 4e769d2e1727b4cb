import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { TheatreDocument } from "@parley/domain";
import pg from "pg";
import { inject } from "vitest";
import { openStore } from "../src/store/open-store";
import type { Store } from "../src/store/store";
import { temporaryDirectory } from "./helpers";

export interface StoreCase {
  dialect: "sqlite" | "postgres";
  /** A fresh, empty database of this dialect; the same one again when given its `location`. */
  open(seed?: () => TheatreDocument[], location?: string): Promise<{ store: Store; location: string }>;
  /** Where a new, empty database of this dialect can be made (nothing created in it yet). */
  blank(): Promise<string>;
}

/**
 * Both dialects, so one suite can run against each. Without PostgreSQL its case fails under CI=true (CI
 * must test both) and is left out locally, saying why.
 */
export function storeCases(): StoreCase[] {
  const postgres = inject("postgres");
  const cases: StoreCase[] = [
    {
      dialect: "sqlite",
      async open(seed, location = join(temporaryDirectory(), "parley.sqlite")) {
        return { store: await openStore({ sqlitePath: location, ...(seed && { seed }) }), location };
      },
      blank: async () => join(temporaryDirectory(), "parley.sqlite"),
    },
  ];
  if ("url" in postgres)
    cases.push({
      dialect: "postgres",
      async open(seed, location) {
        const url = location ?? (await createDatabase(postgres.url));
        return {
          store: await openStore({ databaseUrl: url, sqlitePath: "", ...(seed && { seed }) }),
          location: url,
        };
      },
      blank: () => createDatabase(postgres.url),
    });
  else if (process.env.CI === "true") throw new Error(`the PostgreSQL tests cannot run: ${postgres.missing}`);
  else console.warn(`skipping the PostgreSQL cases: ${postgres.missing}`);
  return cases;
}

async function createDatabase(serverUrl: string): Promise<string> {
  const name = `parley_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return `${serverUrl}/${name}`;
}
