// `pnpm loadtest`: 200 connections of mixed reads and writes against a Parley server for 60 s. Reports
// errors (target 0), lost writes (target 0: every acknowledged update is in the entity's history and its
// version counts them all) and latency percentiles. Writers read, edit and write back with the version they
// read, re-reading on CONFLICT, as a careful client would.
import { Agent, request } from "node:http";
import { parseArgs } from "node:util";
import { startBenchServers } from "./bench-servers-process";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "200" },
    duration: { type: "string", default: "60" },
    profile: { type: "string" },
  },
});
const connections = Number(values.connections);
const durationMs = Number(values.duration) * 1000;

const servers = await startBenchServers(values.profile);
const { parley, token } = servers;

/** The parts of tRPC's JSON answers this script reads. */
interface Reply {
  result: { data: unknown };
}
interface ActorReply {
  data: { description: string } & Record<string, unknown>;
  version: number;
}

const theatreId = "afghanistan";
const latencies: number[] = [];
const errors = new Map<string, number>();
const acknowledged = new Map<string, string[]>();
let conflicts = 0;
let reads = 0;
let writes = 0;

const agent = new Agent({ keepAlive: true, maxSockets: connections });

/** One request over a pool of `connections` keep-alive sockets, with its latency recorded. */
async function call(
  method: "GET" | "POST",
  path: string,
  input: unknown,
): Promise<{ status: number; body: Reply }> {
  const started = performance.now();
  const body = method === "POST" ? JSON.stringify(input) : undefined;
  const target = `${parley}/trpc/${path}${method === "GET" ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ""}`;
  try {
    const reply = await new Promise<{ status: number; body: Reply }>((resolve, reject) => {
      const req = request(
        target,
        {
          method,
          agent,
          headers:
            body === undefined
              ? {}
              : { "content-type": "application/json", authorization: `Bearer ${token}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            try {
              resolve({
                status: res.statusCode ?? 0,
                body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Reply,
              });
            } catch (error) {
              reject(error as Error);
            }
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    latencies.push(performance.now() - started);
    return reply;
  } catch (error) {
    latencies.push(performance.now() - started);
    count(`network: ${(error as Error).message}`);
    return { status: 0, body: { result: { data: undefined } } };
  }
}

function count(kind: string): void {
  errors.set(kind, (errors.get(kind) ?? 0) + 1);
}

async function read(worker: number): Promise<void> {
  const choice = Math.random();
  const id = READ_IDS[Math.floor(Math.random() * READ_IDS.length)]!;
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
  if (status !== 200) count(`read ${status}`);
}

async function write(worker: number, n: number): Promise<void> {
  const id = WRITTEN[Math.floor(Math.random() * WRITTEN.length)]!;
  const marker = `load-${worker}-${n}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const got = await call("GET", "actors.get", { theatreId, id });
    if (got.status !== 200) return count(`read-before-write ${got.status}`);
    const { data, version } = got.body.result.data as ActorReply;
    const updated = await call("POST", "actors.update", {
      theatreId,
      id,
      expectedVersion: version,
      data: { ...data, description: `${data.description.replace(/ \[load-[\d-]+\]$/, "")} [${marker}]` },
    });
    if (updated.status === 200) {
      writes++;
      acknowledged.set(id, [...(acknowledged.get(id) ?? []), marker]);
      return;
    }
    if (updated.status !== 409) return count(`write ${updated.status}`);
    conflicts++;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
  }
  count("write gave up after 50 conflicts");
}

// Writers edit 40 actors, so about five writers contend for each: conflicts happen and must be retried.
const listed = (await call("GET", "actors.list", { theatreId, limit: 40 })).body.result.data as {
  items: { data: { id: string } }[];
};
const WRITTEN = listed.items.map((item) => item.data.id);
const READ_IDS = ["taliban", "united-states", "pakistan", "china", "iran", "russia", ...WRITTEN];
const initialVersions = new Map<string, number>();
for (const id of WRITTEN)
  initialVersions.set(
    id,
    ((await call("GET", "actors.get", { theatreId, id })).body.result.data as ActorReply).version,
  );
latencies.length = 0;

console.log(
  `Node ${process.version}; ${connections} connections for ${durationMs / 1000} s against ${parley} (SQLite), about 1 write in 5`,
);
const ends = Date.now() + durationMs;
await Promise.all(
  Array.from({ length: connections }, async (_, worker) => {
    for (let n = 0; Date.now() < ends; n++) await (Math.random() < 0.2 ? write(worker, n) : read(worker));
  }),
);

let lost = 0;
for (const id of WRITTEN) {
  const markers = acknowledged.get(id) ?? [];
  const now = ((await call("GET", "actors.get", { theatreId, id })).body.result.data as ActorReply).version;
  const history = (await call("GET", "history.list", { theatreId, kind: "actors", id, limit: 500 })).body
    .result.data as { after: { description: string } | null }[];
  const recorded = new Set(
    history.map((entry) => /\[(load-[\d-]+)\]$/.exec(entry.after?.description ?? "")?.[1]),
  );
  const missing = markers.filter((marker) => !recorded.has(marker)).length;
  const uncounted = markers.length - (now - initialVersions.get(id)!);
  lost += missing + Math.abs(uncounted);
  if (missing || uncounted)
    console.log(
      `  ${id}: ${markers.length} acknowledged, version went up by ${now - initialVersions.get(id)!}, ${missing} missing from history`,
    );
}
servers.stop();

const sorted = [...latencies].sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
console.log(
  `requests: ${sorted.length} (${Math.round(sorted.length / (durationMs / 1000))}/s); reads ${reads}, acknowledged writes ${writes}, conflicts retried ${conflicts}`,
);
console.log(`latency ms: p50 ${at(0.5)}, p90 ${at(0.9)}, p99 ${at(0.99)}, max ${sorted.at(-1)!.toFixed(1)}`);
console.log(
  `errors: ${errorCount} (target 0)${errorCount ? ` ${JSON.stringify(Object.fromEntries(errors))}` : ""}`,
);
console.log(`lost writes: ${lost} (target 0)`);
process.exitCode = errorCount === 0 && lost === 0 ? 0 : 1;
