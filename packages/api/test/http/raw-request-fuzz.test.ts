import { connect } from "node:net";
import { join } from "node:path";
import { smallTheatre } from "@parley/domain/testing";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http/server";
import { openStore } from "../../src/store/open-store";
import { appRouter } from "../../src/trpc/app-router";
import { temporaryDirectory } from "../helpers";

let server: RunningServer;
let tokens: string[];
const failures: string[] = [];

beforeAll(async () => {
  const store = await openStore({
    sqlitePath: join(temporaryDirectory(), "parley.sqlite"),
    seed: () => [smallTheatre()],
  });
  tokens = await Promise.all(
    (["viewer", "editor", "admin"] as const).map(
      async (role) => (await store.createToken(role, role)).secret,
    ),
  );
  server = await startServer({
    store,
    port: 0,
    maxBodyBytes: 4096,
    corsOrigins: ["https://app.example"],
    logger: (record) => {
      if (record.level === "error") failures.push(String(record.message));
    },
  });
});
afterAll(() => server.close());

/** Sends a request (bytes as latin1 text) on a fresh connection; returns every status the server answered. */
function exchange(request: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1", () => socket.end(Buffer.from(request, "latin1")));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // The server may close on a request it refuses before reading all we sent.
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") reject(error);
    });
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      resolve([...text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((match) => Number(match[1])));
    });
  });
}

const procedures = Object.keys(appRouter._def.procedures as object);
const ids = ["ruritania", "capital", "rebels", "mediator", "nobody", "", "__proto__"];
const jsonInput = fc.oneof(
  fc.record(
    {
      theatreId: fc.constantFrom(...ids),
      id: fc.constantFrom(...ids),
      limit: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double()),
      offset: fc.integer({ min: -5, max: 50 }),
      expectedVersion: fc.integer({ min: -1, max: 3 }),
      actors: fc.array(fc.constantFrom(...ids), { maxLength: 3 }),
      text: fc.string(),
      data: fc.jsonValue({ maxDepth: 2 }),
      where: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);
const inputText = fc.oneof(
  jsonInput.map((value) => JSON.stringify(value)),
  jsonInput.map((value) => JSON.stringify({ 0: value, 1: value })),
  fc.constantFrom("{", "null", "[]", '{"0":', "\u0000", "%", "%E0%A4%A"),
  fc.string({ maxLength: 40 }),
);
const pathSegment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...procedures) },
  fc.constantFrom(...procedures).chain((a) => fc.constantFrom(...procedures).map((b) => `${a},${b}`)),
  fc.constantFrom(
    "",
    "..",
    "%",
    "%zz",
    "%E0%A4%A",
    "a%2Cb",
    "__proto__",
    "constructor",
    "toString",
    "health",
  ),
  fc.stringMatching(/^[!-~]{0,16}$/),
);
const target = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({
        prefix: fc.oneof(
          { weight: 8, arbitrary: fc.constant("/trpc/") },
          { weight: 1, arbitrary: fc.constantFrom("/", "//trpc/", "/trpc", "http://h/trpc/", "/TRPC/") },
        ),
        path: pathSegment,
        batch: fc.constantFrom("", "batch=1", "batch=0", "batch=1&batch=1"),
        input: fc.option(inputText),
        rawQuery: fc.option(fc.stringMatching(/^[!-~]{0,20}$/)),
      })
      .map(({ prefix, path, batch, input, rawQuery }) => {
        const query = [batch, input === null ? "" : `input=${encodeURIComponent(input)}`, rawQuery ?? ""]
          .filter(Boolean)
          .join("&");
        return `${prefix}${path}${query ? `?${query}` : ""}`;
      }),
  },
  { weight: 1, arbitrary: fc.constantFrom("*", "/health", "http://[", "/health?x=%", "/\u00e9") },
  { weight: 1, arbitrary: fc.stringMatching(/^[!-~]{1,30}$/) },
);
const header = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("Content-Type: application/json") },
  fc.constantFrom(
    "Content-Type: application/json",
    "Content-Type: application/json; charset=latin1",
    "Content-Type: text/plain",
    "Content-Type: multipart/form-data; boundary=zz",
    "Content-Type: application/octet-stream",
    "Content-Type: ",
    "trpc-accept: application/jsonl",
    "Accept: application/jsonl",
    "Origin: https://app.example",
    "Origin: https://elsewhere.example",
    "Access-Control-Request-Method: POST",
    "Authorization: Basic abc",
    "Authorization: Bearer",
    "Authorization: Bearer not-a-token",
    "X-Request-Id: trace-1",
    "X-Request-Id: ../../etc",
    "Transfer-Encoding: gzip",
    "Expect: 100-continue",
  ),
  { weight: 3, arbitrary: fc.constantFrom(0, 1, 2).map((index) => `Authorization: Bearer ${tokens[index]}`) },
  fc
    .tuple(fc.stringMatching(/^[A-Za-z-]{1,12}$/), fc.stringMatching(/^[ -~]{0,20}$/))
    .map(([name, value]) => `${name}: ${value}`),
);
const body = fc.oneof(
  fc.constant(undefined),
  { weight: 4, arbitrary: inputText.map((text) => Buffer.from(text)) },
  fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(Buffer.alloc(5000, 0x20)),
);
const rawRequest = fc
  .record({
    method: fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom("GET", "POST") },
      { weight: 2, arbitrary: fc.constantFrom("PUT", "DELETE", "OPTIONS", "HEAD", "PATCH") },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,8}$/) },
    ),
    target,
    headers: fc.array(header, { maxLength: 4 }),
    host: fc.oneof(
      { weight: 20, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) },
    ),
    body,
    framing: fc.constantFrom("length", "chunked", "none"),
  })
  .map(({ method, target, headers, host, body, framing }) => {
    const lines = [`${method} ${target} HTTP/1.1`, ...(host ? ["Host: 127.0.0.1"] : []), ...headers];
    lines.push("Connection: close");
    const content = body?.toString("latin1");
    if (content !== undefined && framing === "length") lines.push(`Content-Length: ${body!.length}`);
    if (content !== undefined && framing === "chunked") lines.push("Transfer-Encoding: chunked");
    const head = `${lines.join("\r\n")}\r\n\r\n`;
    if (content === undefined || framing !== "chunked") return head + (content ?? "");
    return `${head}${body!.length.toString(16)}\r\n${content}\r\n0\r\n\r\n`;
  });

it("answers no request a client can send with a 5xx, and keeps serving", async () => {
  await fc.assert(
    fc.asyncProperty(rawRequest, async (request) => {
      const statuses = await exchange(request);
      expect(statuses.filter((status) => status >= 500)).toEqual([]);
    }),
    { numRuns: 1500 },
  );
  expect(failures).toEqual([]);
  const health = await fetch(`${server.url}/health`);
  expect(health.status).toBe(200);
});
