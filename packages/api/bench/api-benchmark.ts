// `pnpm bench:api [--connections N] [--duration S]`: loads Parley's API and, in the same run, raw node:http
// servers with autocannon (loopback, the same connections and duration for every run), and prints
// requests/s and p99 for a list, a get with relations and the cooperation finder, each with its ratio to a
// raw server answering the very same bytes; then p99 of the list and the get at half their measured rate.
// Targets: ratio >= 0.5 for the list and the get; p99 < 20 ms at half the maximum rate.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "10" },
    duration: { type: "string", default: "10" },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
if (!Number.isInteger(connections) || connections < 1 || !(duration > 0))
  throw new Error("--connections must be a whole number >= 1 and --duration a number of seconds > 0");

const child = spawn(
  process.execPath,
  ["--import", "tsx", new URL("./bench-servers.ts", import.meta.url).pathname],
  {
    stdio: ["pipe", "pipe", "inherit"],
  },
);
const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
const nextMessage = async () => JSON.parse((await lines.next()).value as string) as Record<string, string>;
const servers = await nextMessage();

const query = (base: string, path: string, input: unknown) =>
  `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
const cases = [
  {
    name: "list (actors.list, 20)",
    path: "actors.list",
    input: { theatreId: "afghanistan", limit: 20 },
    target: true,
  },
  {
    name: "get with relations (actors.get)",
    path: "actors.get",
    input: { theatreId: "afghanistan", id: "taliban" },
    target: true,
  },
  {
    name: "cooperation (analysis.cooperation)",
    path: "analysis.cooperation",
    input: { theatreId: "afghanistan", actors: ["united-states", "taliban"] },
    target: false,
  },
];

async function load(url: string, overallRate?: number) {
  const result = await autocannon({ url, connections, duration, ...(overallRate && { overallRate }) });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

async function startRaw(body: string): Promise<string> {
  child.stdin!.write(`${JSON.stringify(body)}\n`);
  return (await nextMessage()).raw!;
}

const row = (...cells: (string | number)[]) =>
  cells
    .map((cell, i) =>
      i === 0 ? String(cell).padEnd(38) : String(cell).padStart(i === cells.length - 1 ? 16 : 10),
    )
    .join("");
const rounded = (n: number) => Math.round(n);

console.log(
  `Node ${process.version}; autocannon, ${connections} connections, ${duration} s per run, loopback; servers in one child process`,
);
console.log(
  "raw = node:http answering the same bytes as the case; cached = Parley as served (answers to open reads kept until\n" +
    "their theatre changes); computed = the same server with that cache off, every request running its procedure.\n",
);
const tiny = await load(await startRaw(JSON.stringify({ result: { data: "ok" } })));
console.log(`raw node:http, a 26-byte body: ${rounded(tiny.rps)} req/s, p99 ${tiny.p99} ms\n`);
console.log(
  row("case", "bytes", "raw", "cached", "p99 ms", "ratio", "computed", "p99 ms", "ratio", "target"),
);

const verdicts: boolean[] = [];
const maximum = new Map<string, number>();
for (const each of cases) {
  const url = query(servers.parley!, each.path, each.input);
  const body = await (await fetch(url)).text();
  const raw = await load(await startRaw(body));
  const cached = await load(url);
  const computed = await load(query(servers.uncached!, each.path, each.input));
  maximum.set(each.name, cached.rps);
  const ratio = cached.rps / raw.rps;
  const pass = ratio >= 0.5;
  if (each.target) verdicts.push(pass);
  console.log(
    row(
      each.name,
      Buffer.byteLength(body),
      rounded(raw.rps),
      rounded(cached.rps),
      cached.p99,
      ratio.toFixed(2),
      rounded(computed.rps),
      computed.p99,
      (computed.rps / raw.rps).toFixed(2),
      each.target ? `>= 0.5 ${pass ? "PASS" : "MISS"}` : "(figure)",
    ),
  );
}

const official = await load(query(servers.standalone!, cases[0]!.path, cases[0]!.input));
console.log(
  `\ntRPC's standalone adapter, same router and store, ${cases[0]!.name}: ${rounded(official.rps)} req/s, p99 ${official.p99} ms`,
);

console.log("\nat half the measured maximum rate (Parley as served):");
for (const each of cases.filter((c) => c.target)) {
  const url = query(servers.parley!, each.path, each.input);
  const rate = Math.max(1, Math.round(maximum.get(each.name)! / 2));
  const half = await load(url, rate);
  const pass = half.p99 < 20;
  verdicts.push(pass);
  console.log(
    `${row(each.name, `${rounded(half.rps)} req/s`, `p99 ${half.p99} ms`)}   p99 < 20 ms ${pass ? "PASS" : "MISS"}`,
  );
}
child.kill("SIGTERM");
console.log(`\n${verdicts.every(Boolean) ? "PASS: every target met" : "MISS: some targets missed"}`);
process.exitCode = verdicts.every(Boolean) ? 0 : 1;
