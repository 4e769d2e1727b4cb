/**
 * An import killed with SIGKILL part-way leaves the database as if it never started, or (killed after it
 * committed) holds the whole theatre: never a part of one. A child process (fixtures/import-synthetic.ts)
 * imports a large synthetic theatre into a database already holding the Afghanistan seed; the test kills
 * it at different moments after it announces the import, reopens the database and looks.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { collectionKeys, validateTheatre, type TheatreDocument } from "@parley/domain";
import { generateSyntheticTheatre } from "@parley/domain/synthetic";
import Database from "better-sqlite3";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store";
import type { Store } from "../../src/store/store";
import { afghanistanTheatre } from "../shipped-theatres";
import { storeCases, type StoreCase } from "../stores";

const fixture = fileURLToPath(new URL("./fixtures/import-synthetic.ts", import.meta.url));
const packageDirectory = fileURLToPath(new URL("../..", import.meta.url));

let synthetic: TheatreDocument;
beforeAll(() => {
  const validation = validateTheatre(generateSyntheticTheatre({ actors: 2000, seed: 1 }));
  if (!validation.ok) throw new Error(`the synthetic theatre is invalid: ${validation.problems[0]?.message}`);
  synthetic = validation.document;
});

const randomBetween = (low: number, high: number) => Math.round(low + Math.random() * (high - low));

/**
 * When to kill the child: milliseconds after it printed "importing" (the import takes about 1.5 s), or
 * "committed": as soon as it reports the import committed.
 */
type Delay = number | "committed";
const killSchedules: Record<StoreCase["dialect"], () => { name: string; delay: Delay }[]> = {
  sqlite: () => [
    { name: "at once", delay: 0 },
    { name: "shortly after", delay: 30 },
    { name: "in mid-import", delay: randomBetween(100, 1500) },
    { name: "at a random later moment", delay: randomBetween(0, 4000) },
    { name: "just after it committed", delay: "committed" },
  ],
  postgres: () => [
    { name: "at once", delay: 0 },
    { name: "in mid-import", delay: randomBetween(100, 1500) },
    { name: "at a random later moment", delay: randomBetween(0, 4000) },
    { name: "just after it committed", delay: "committed" },
  ],
};

interface Run {
  /** Whether the child reported the import committed before it was killed. */
  committed: boolean;
  stderr: string;
}

/** Runs the fixture on the database and kills it `delay` ms after it announces the import. */
function importAndKill(location: string, delay: Delay): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", fixture, location], {
      cwd: packageDirectory,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let committed = false;
    let announced = false;
    let killed = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the import child never announced the import within 60 s; stderr: ${stderr}`));
    }, 60_000);
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const kill = () => {
      killed = true;
      child.kill("SIGKILL");
    };
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line === "importing") {
        announced = true;
        clearTimeout(timer);
        if (delay !== "committed") setTimeout(kill, delay);
      } else if (line.startsWith("imported") && !killed) {
        committed = true;
        if (delay === "committed") kill();
      }
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (!announced)
        reject(new Error(`the import child exited (${code ?? signal}) early; stderr: ${stderr}`));
      else if (signal !== "SIGKILL" && code !== 0)
        reject(new Error(`the import child failed (${code ?? signal}); stderr: ${stderr}`));
      else resolve({ committed, stderr });
    });
  });
}

/** Rows of a theatre left in each table, read straight from the database. */
async function rowsOf(dialect: StoreCase["dialect"], location: string, theatreId: string) {
  const tables = ["theatres", "entities", "history", dialect === "sqlite" ? "search_rows" : "search_index"];
  const counts: Record<string, number> = {};
  if (dialect === "sqlite") {
    const db = new Database(location, { readonly: true });
    try {
      for (const table of tables)
        counts[table] = db
          .prepare(`SELECT COUNT(*) FROM ${table} WHERE ${table === "theatres" ? "id" : "theatre_id"} = ?`)
          .pluck()
          .get(theatreId) as number;
      counts.search_index = db.prepare("SELECT COUNT(*) FROM search_index").pluck().get() as number;
      counts.search_rows_total = db.prepare("SELECT COUNT(*) FROM search_rows").pluck().get() as number;
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      for (const table of tables)
        counts[table] = Number(
          (
            await client.query(
              `SELECT COUNT(*) AS n FROM ${table} WHERE ${table === "theatres" ? "id" : "theatre_id"} = $1`,
              [theatreId],
            )
          ).rows[0].n,
        );
    } finally {
      await client.end();
    }
  }
  return counts;
}

/** Waits until the killed child's connections are gone, so its transaction can no longer commit. */
async function waitForOtherConnectionsToEnd(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let waited = 0; ; waited += 50) {
      const { rows } = await client.query(
        "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      );
      if (Number(rows[0].n) === 0) return;
      if (waited > 30_000) throw new Error("the killed import's connection did not end within 30 s");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

const exportOf = async (store: Store, theatreId: string) => (await store.readTheatre(theatreId))?.document;

describe.each(storeCases())("an import killed with SIGKILL on $dialect", (storeCase) => {
  const schedule = killSchedules[storeCase.dialect]();
  const outcomes: { name: string; delay: Delay; present: boolean }[] = [];

  it.each(schedule)(
    "leaves the theatre whole or absent, and the seed intact, when killed $name",
    async ({ name, delay }) => {
      const seeded = await storeCase.open(() => [afghanistanTheatre()]);
      const location = seeded.location;
      const seedBefore = JSON.stringify(await exportOf(seeded.store, "afghanistan"));
      await seeded.store.close();

      const run = await importAndKill(location, delay);
      if (storeCase.dialect === "postgres") await waitForOtherConnectionsToEnd(location);

      const { store } = await storeCase.open(undefined, location);
      try {
        const id = synthetic.theatre.id;
        const present = (await store.listTheatres()).some((theatre) => theatre.id === id);
        outcomes.push({ name, delay, present });
        if (run.committed) expect(present, "the child saw the import commit").toBe(true);
        const rows = await rowsOf(storeCase.dialect, location, id);
        if (present) {
          const stored = (await store.readTheatre(id))!;
          expect(Object.keys(stored.document).sort()).toEqual(Object.keys(synthetic).sort());
          // Compared as JSON text, collection by collection: the export is byte for byte what was imported.
          expect(JSON.stringify(stored.document.theatre)).toBe(JSON.stringify(synthetic.theatre));
          for (const key of collectionKeys)
            expect(JSON.stringify(stored.document[key]), key).toBe(JSON.stringify(synthetic[key]));
          const entityCount = collectionKeys.reduce((sum, key) => sum + synthetic[key].length, 0);
          expect(stored.stamps.size).toBe(entityCount + 1);
          expect([...stored.stamps.values()].filter((stamp) => stamp.version !== 1)).toEqual([]);
          expect(stored.record.revision).toBe(0);
          expect(rows).toMatchObject({ theatres: 1, entities: entityCount, history: entityCount + 1 });
        } else {
          expect(await store.readTheatre(id)).toBeUndefined();
          expect(rows).toMatchObject({ theatres: 0, entities: 0, history: 0 });
          expect(rows[storeCase.dialect === "sqlite" ? "search_rows" : "search_index"]).toBe(0);
        }
        if (store instanceof SqliteStore) {
          expect(store.integrityCheck()).toBe("ok");
          // Every search row has its words and nothing else is indexed: the FTS table moved with the rows.
          expect(rows.search_index).toBe(rows.search_rows_total);
        }
        expect(JSON.stringify(await exportOf(store, "afghanistan"))).toBe(seedBefore);
      } finally {
        await store.close();
      }
    },
    60_000,
  );

  it("saw both outcomes: an interrupted import (absent) and a committed one (whole)", () => {
    console.info(
      `${storeCase.dialect}: ${outcomes.map((o) => `killed ${o.name} (${o.delay}) → ${o.present ? "whole" : "absent"}`).join("; ")}`,
    );
    expect(outcomes.length).toBe(schedule.length);
    expect(outcomes.find((outcome) => outcome.delay === 0)?.present).toBe(false);
    expect(outcomes.find((outcome) => outcome.delay === "committed")?.present).toBe(true);
  });
});
