// The servers `api-benchmark.ts` loads, started in their own process so the load generator does not share
// their core: Parley on a temporary SQLite file with the shipped theatres, and raw node:http servers that
// answer fixed bodies. Prints their addresses as one JSON line, then serves until killed.
import { createWriteStream, mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readConfig } from "../src/env";
import { openConfiguredStore } from "../src/cli/open-configured-store";
import { startServer } from "../src/http/server";

const directory = mkdtempSync(join(tmpdir(), "parley-bench-"));
const store = await openConfiguredStore({
  ...readConfig(),
  databaseUrl: undefined,
  sqlitePath: join(directory, "parley.sqlite"),
});
const { secret } = await store.createToken("loadtest", "editor");
const log = createWriteStream(join(directory, "requests.log"));
const parley = await startServer({
  store,
  port: 0,
  logger: (record) => log.write(`${JSON.stringify(record)}\n`),
});

/** A raw server answering `body` to every request: the baseline of what node:http can do here. */
function rawServer(body: string): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

// Each line on stdin asks for one more raw server answering the body it holds; the reply is its URL.
createInterface({ input: process.stdin }).on("line", (line) => {
  void rawServer(JSON.parse(line) as string).then((url) =>
    process.stdout.write(`${JSON.stringify({ raw: url })}\n`),
  );
});
process.stdout.write(
  `${JSON.stringify({ parley: parley.url, token: secret, log: join(directory, "requests.log") })}\n`,
);
process.on("SIGTERM", () => process.exit(0));
