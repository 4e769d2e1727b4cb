// `pnpm loadtest [--connections N] [--duration S]`: N connections (default 200) of mixed reads and writes
// against a Parley server on a temporary SQLite file for S seconds (default 60). Reports errors (target 0),
// lost writes (target 0: every acknowledged update is in its entity's history, and each entity's version
// went up by exactly the number of acknowledged updates) and latency percentiles. Writers read, edit and
// write back with the version they read, reading again on CONFLICT, as a careful client would.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "200" },
    duration: { type: "string", default: "60" },
  },
});
const connections = Number(values.connections);
const durationMs = Number(values.duration) * 1000;
if (!Number.isInteger(connections) || connections < 1 || !(durationMs > 0))
  throw new Error("--connections must be a whole number >= 1 and --duration a number of seconds > 0");

const child = spawn(
  process.execPath,
  ["--import", "tsx", new URL("./bench-servers.ts", import.meta.url).pathname],
  {
    stdio: ["pipe", "pipe", "inherit"],
  },
);
const first = (await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next())
  .value as string;
const { parley, token } = JSON.parse(first) as { parley: string; token: string };

interface ActorReply {
  data: { description: string } & Record<string, unknown>;
  version: number;
}
interface HistoryEntry {
  sequence: number;
  after: { description?: string } | null;
}

const theatreId = "afghanistan";
const WRITTEN = ["is-kp", "ttp", "al-qaeda", "nrf", "quad", "g7", "imu", "etim"];
const READ_IDS = ["taliban", "united-states", "pakistan", "china", "iran", "russia", ...WRITTEN];
const MARKER = / \[load-[\d-]+\]$/;
const latencies: number[] = [];
const errors = new Map<string, number>();
const acknowledged = new Map<string, string[]>(WRITTEN.map((id) => [id, []]));
let conflicts = 0;
let reads = 0;

/** One API call; Node's fetch keeps one connection per request in flight, so N workers use N connections. */
async function call(
  method: "GET" | "POST",
  path: string,
  input: unknown,
): Promise<{ status: number; data: unknown }> {
  const started = performance.now();
  try {
    const response =
      method === "GET"
        ? await fetch(`${parley}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
        : await fetch(`${parley}/trpc/${path}`, {
            method,
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            body: JSON.stringify(input),
          });
    const body = (await response.json()) as { result?: { data: unknown } };
    latencies.push(performance.now() - started);
    return { status: response.status, data: body.result?.data };
  } catch (error) {
    latencies.push(performance.now() - started);
    count(`network: ${(error as Error).message}`);
    return { status: 0, data: undefined };
  }
}

function count(kind: string): void {
  errors.set(kind, (errors.get(kind) ?? 0) + 1);
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

async function read(worker: number): Promise<void> {
  const choice = Math.random();
  const id = pick(READ_IDS);
  const { status } =
    choice < 0.45
      ? await call("GET", "actors.get", { theatreId, id })
      : choice < 0.9
        ? await call("GET", "actors.list", { theatreId, limit: 20, offset: (worker % 5) * 20 })
        : await call("GET", "analysis.cooperation", {
            theatreId,
            actors: ["united-states", id === "united-states" ? "taliban" : id],
          });
  reads++;
  if (status !== 200) count(`read answered ${status}`);
}

async function write(worker: number, n: number): Promise<void> {
  const id = pick(WRITTEN);
  const marker = `load-${worker}-${n}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    const got = await call("GET", "actors.get", { theatreId, id });
    if (got.status !== 200) return count(`read before write answered ${got.status}`);
    const { data, version } = got.data as ActorReply;
    const updated = await call("POST", "actors.update", {
      theatreId,
      id,
      expectedVersion: version,
      data: { ...data, description: `${data.description.replace(MARKER, "")} [${marker}]` },
    });
    if (updated.status === 200) return void acknowledged.get(id)!.push(marker);
    if (updated.status !== 409) return count(`write answered ${updated.status}`);
    conflicts++;
  }
  count("write gave up after 100 conflicts");
}

async function versionOf(id: string): Promise<number> {
  return ((await call("GET", "actors.get", { theatreId, id })).data as ActorReply).version;
}

/** Every marker the entity's history records, reading it page by page. */
async function recordedMarkers(id: string): Promise<Set<string>> {
  const markers = new Set<string>();
  let beforeSequence: number | undefined;
  for (;;) {
    const page = (
      await call("GET", "history.list", { theatreId, kind: "actors", id, limit: 500, beforeSequence })
    ).data as HistoryEntry[];
    for (const entry of page) {
      const marker = /\[(load-[\d-]+)\]$/.exec(entry.after?.description ?? "")?.[1];
      if (marker) markers.add(marker);
    }
    if (page.length < 500) return markers;
    beforeSequence = page.at(-1)!.sequence;
  }
}

const initialVersions = new Map<string, number>();
for (const id of WRITTEN) initialVersions.set(id, await versionOf(id));
latencies.length = 0;

console.log(
  `Node ${process.version}; ${connections} connections for ${durationMs / 1000} s against ${parley} (SQLite); 1 worker in 5 a writer at any moment`,
);
const ends = Date.now() + durationMs;
await Promise.all(
  Array.from({ length: connections }, async (_, worker) => {
    for (let n = 0; Date.now() < ends; n++) await (Math.random() < 0.2 ? write(worker, n) : read(worker));
  }),
);
const sorted = [...latencies].sort((a, b) => a - b);

let lost = 0;
let writes = 0;
for (const id of WRITTEN) {
  const markers = acknowledged.get(id)!;
  writes += markers.length;
  const recorded = await recordedMarkers(id);
  const missing = markers.filter((marker) => !recorded.has(marker)).length;
  const rise = (await versionOf(id)) - initialVersions.get(id)!;
  lost += missing + Math.abs(markers.length - rise);
  if (missing || rise !== markers.length)
    console.log(
      `  ${id}: ${markers.length} updates acknowledged, version rose by ${rise}, ${missing} missing from its history`,
    );
}
const exported = await call("GET", "theatres.export", { theatreId });
if (exported.status !== 200) count(`export after the run answered ${exported.status}`);
child.kill("SIGTERM");

const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
console.log(
  `requests: ${sorted.length} (${Math.round(sorted.length / (durationMs / 1000))}/s); reads ${reads}, updates acknowledged ${writes}, conflicts retried ${conflicts}`,
);
console.log(`latency ms: p50 ${at(0.5)}, p90 ${at(0.9)}, p99 ${at(0.99)}, max ${sorted.at(-1)!.toFixed(1)}`);
console.log(
  `errors: ${errorCount} (target 0)${errorCount ? ` ${JSON.stringify(Object.fromEntries(errors))}` : ""}`,
);
console.log(`lost writes: ${lost} (target 0)`);
console.log(errorCount === 0 && lost === 0 ? "PASS" : "MISS");
process.exitCode = errorCount === 0 && lost === 0 ? 0 : 1;
