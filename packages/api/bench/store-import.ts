// `pnpm bench:store [--actors N] [--seed S]`: times the store on a synthetic theatre of N actors (default
// 10,000, about 160,000 entities) on SQLite (a temporary file) and PostgreSQL (a throwaway server started
// from Debian's binaries on 127.0.0.1, as the tests do): the import, the first read by another store
// instance, a cached read, a replace that changes nothing and one that changes 1% of the actors, one
// update, and a search.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { validateTheatre, type TheatreDocument } from "@parley/domain";
import { generateSyntheticTheatre } from "@parley/domain/synthetic";
import pg from "pg";
import { openStore, type StoreOptions } from "../src/store/open-store";
import { findPostgresBin, startLocalPostgres, type LocalPostgres } from "../test/postgres/local-postgres";

const { values } = parseArgs({
  options: { actors: { type: "string", default: "10000" }, seed: { type: "string", default: "1" } },
});
const actors = Number(values.actors);
if (!Number.isInteger(actors) || actors < 2) throw new Error("--actors must be a whole number >= 2");

let started = performance.now();
const validation = validateTheatre(generateSyntheticTheatre({ actors, seed: Number(values.seed) }));
if (!validation.ok) throw new Error(`the synthetic theatre is invalid: ${validation.problems[0]?.message}`);
const document = validation.document;
const entities = Object.values(document).filter(Array.isArray).flat().length;
console.log(
  `synthetic theatre: ${actors} actors, ${entities} entities, ${(JSON.stringify(document).length / 1e6).toFixed(0)} MB of JSON (made and validated in ${ms(started)})`,
);

const directory = mkdtempSync(join(tmpdir(), "parley-bench-store-"));
let server: LocalPostgres | undefined;
try {
  await time("sqlite", { sqlitePath: join(directory, "parley.sqlite") });
  const bin = findPostgresBin();
  if (bin) {
    server = await startLocalPostgres(bin);
    await time("postgres", { databaseUrl: await freshDatabase(server.url), sqlitePath: "" });
  } else console.log("\npostgres: skipped (PostgreSQL is not installed: apt-get install postgresql)");
} finally {
  server?.stop();
  rmSync(directory, { recursive: true, force: true });
}

async function time(dialect: string, options: StoreOptions) {
  const store = await openStore(options);
  const id = document.theatre.id;
  const figures: [string, string][] = [];
  started = performance.now();
  await store.importTheatre(document, "bench");
  figures.push(["import", ms(started)]);

  const other = await openStore(options);
  started = performance.now();
  await other.readTheatre(id);
  figures.push(["first read (another instance)", ms(started)]);
  started = performance.now();
  await other.readTheatre(id);
  figures.push(["cached read", ms(started)]);
  await other.close();

  started = performance.now();
  await store.importTheatre(document, "bench", { replace: true });
  figures.push(["replace, nothing changed", ms(started)]);
  const changed: TheatreDocument = {
    ...document,
    actors: document.actors.map((actor, i) =>
      i % 100 === 0 ? { ...actor, name: `${actor.name} (renamed)` } : actor,
    ),
  };
  started = performance.now();
  await store.importTheatre(changed, "bench", { replace: true });
  figures.push(["replace, 1% of actors changed", ms(started)]);

  const stored = (await store.readTheatre(id))!;
  const actor = stored.document.actors[1]!;
  started = performance.now();
  await store.mutate(id, "bench", () => [
    {
      operation: "update",
      kind: "actors",
      id: actor.id,
      expectedVersion: stored.stamps.get(`actors/${actor.id}`)!.version,
      data: { ...actor, name: "Benchmarked" },
    },
  ]);
  figures.push(["one update", ms(started)]);
  started = performance.now();
  const hits = await store.search({ text: "benchmarked", theatreId: id, limit: 20 });
  figures.push([`search (${hits.length} hit)`, ms(started)]);
  await store.close();
  console.log(`\n${dialect}`);
  for (const [what, figure] of figures) console.log(`  ${what.padEnd(32)} ${figure.padStart(10)}`);
}

async function freshDatabase(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query("CREATE DATABASE parley_bench");
  } finally {
    await client.end();
  }
  return `${serverUrl}/parley_bench`;
}

function ms(since: number): string {
  const elapsed = performance.now() - since;
  return elapsed >= 1000 ? `${(elapsed / 1000).toFixed(2)} s` : `${elapsed.toFixed(1)} ms`;
}
