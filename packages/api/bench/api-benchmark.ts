// `pnpm bench:api`: loads Parley's API and, in the same run, raw node:http servers with autocannon, and
// prints requests/s and p99 for each case with its ratio to the raw baseline. Targets: ratio >= 0.5 for the
// list and get queries, and p99 < 20 ms for them at half the measured maximum rate.
import { parseArgs } from "node:util";
import { startBenchServers } from "./bench-servers-process";
import autocannon from "autocannon";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "10" },
    duration: { type: "string", default: "10" },
    profile: { type: "string" },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);

const servers = await startBenchServers(values.profile);
const { parley } = servers;

const query = (path: string, input: unknown) =>
  `${parley}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
const cases = [
  {
    name: "list (actors.list, 20 actors)",
    url: query("actors.list", { theatreId: "afghanistan", limit: 20 }),
    target: true,
  },
  {
    name: "get with relations (actors.get)",
    url: query("actors.get", { theatreId: "afghanistan", id: "taliban" }),
    target: true,
  },
  {
    name: "cooperation finder (analysis.cooperation)",
    url: query("analysis.cooperation", { theatreId: "afghanistan", actors: ["united-states", "taliban"] }),
    target: false,
  },
];

async function load(url: string, overallRate?: number) {
  const result = await autocannon({ url, connections, duration, ...(overallRate && { overallRate }) });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

const row = (...cells: (string | number)[]) =>
  cells.map((cell, i) => (i === 0 ? String(cell).padEnd(44) : String(cell).padStart(12))).join("");
console.log(
  `Node ${process.version}; ${connections} connections, ${duration} s per run, loopback; servers in a child process`,
);
console.log(
  "Each case's baseline is a raw node:http server answering the same bytes as that case's response.\n",
);
console.log(row("case", "req/s", "p99 ms", "raw req/s", "ratio", "target"));

const verdicts: boolean[] = [];
const halfRate: { name: string; url: string; rps: number }[] = [];
const trivial = await servers.startRaw(JSON.stringify({ result: { data: "ok" } }));
const trivialRun = await load(trivial);
console.log(row("raw node:http, tiny body", Math.round(trivialRun.rps), trivialRun.p99, "", "", ""));
for (const benchCase of cases) {
  const body = await (await fetch(benchCase.url)).text();
  const raw = await servers.startRaw(body);
  const baseline = await load(raw);
  const measured = await load(benchCase.url);
  const ratio = measured.rps / baseline.rps;
  const pass = !benchCase.target || ratio >= 0.5;
  if (benchCase.target) {
    verdicts.push(pass);
    halfRate.push({ name: benchCase.name, url: benchCase.url, rps: measured.rps });
  }
  console.log(
    row(
      benchCase.name,
      Math.round(measured.rps),
      measured.p99,
      Math.round(baseline.rps),
      ratio.toFixed(2),
      benchCase.target ? `>= 0.5 ${pass ? "PASS" : "MISS"}` : "(figure)",
    ),
  );
}
console.log("\nat half the measured maximum rate:");
for (const { name, url, rps } of halfRate) {
  const rate = Math.max(1, Math.round(rps / 2));
  const measured = await load(url, rate);
  const pass = measured.p99 < 20;
  verdicts.push(pass);
  console.log(
    row(name, Math.round(measured.rps), measured.p99, "", "", `p99 < 20 ${pass ? "PASS" : "MISS"}`),
  );
}
servers.stop();
console.log(`\n${verdicts.every(Boolean) ? "all targets met" : "some targets missed"}`);
