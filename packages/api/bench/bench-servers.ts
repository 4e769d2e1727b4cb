// The servers `api-benchmark.ts` and `load-test.ts` load, started in their own process so the load generator
// does not share their core: Parley on a temporary SQLite file seeded with the shipped theatres (as served,
// and with its read cache off), tRPC's own standalone adapter on the same store for comparison, and raw
// node:http servers answering fixed bodies. Prints their addresses as one JSON line, then serves until killed.
import { createWriteStream, mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { openConfiguredStore } from "../src/cli/open-configured-store";
import { readConfig } from "../src/env";
import { startServer } from "../src/http/server";
import { appRouter } from "../src/trpc/app-router";
import { createContextFactory } from "../src/trpc/context";

const directory = mkdtempSync(join(tmpdir(), "parley-bench-"));
const store = await openConfiguredStore({
  ...readConfig(),
  databaseUrl: undefined,
  sqlitePath: join(directory, "parley.sqlite"),
});
const { secret } = await store.createToken("loadtest", "editor");
const log = createWriteStream(join(directory, "requests.log"));
const logger = (record: object) => void log.write(`${JSON.stringify(record)}\n`);
const parley = await startServer({ store, port: 0, logger });
const uncached = await startServer({ store, port: 0, logger, cacheReads: false });

const createContext = createContextFactory(store, { readsNeedToken: false });
const standalone = createHTTPServer({
  router: appRouter,
  basePath: "/trpc/",
  createContext: ({ req }) => createContext({ authorization: req.headers.authorization, requestId: "bench" }),
});

function listen(server: ReturnType<typeof createServer>): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

/** A raw server answering `body` to every request: the baseline of what node:http can do here. */
function rawServer(body: string): Promise<string> {
  const bytes = Buffer.from(body);
  return listen(
    createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": bytes.length });
      res.end(bytes);
    }),
  );
}

// Each line on stdin asks for one more raw server answering the body it holds; the reply is its URL.
createInterface({ input: process.stdin }).on("line", (line) => {
  void rawServer(JSON.parse(line) as string).then((url) =>
    process.stdout.write(`${JSON.stringify({ raw: url })}\n`),
  );
});
process.stdout.write(
  `${JSON.stringify({
    parley: parley.url,
    uncached: uncached.url,
    standalone: await listen(standalone),
    token: secret,
    log: join(directory, "requests.log"),
  })}\n`,
);
process.on("SIGTERM", () => process.exit(0));
