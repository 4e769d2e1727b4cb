import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { initTRPC, TRPCError } from "@trpc/server";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startServer, type RunningServer } from "./server";
import type { RequestFacts } from "./trpc-handler";

// A router of our own that reaches every branch of tRPC's protocol: inputs read or not, each kind of
// failure, an error formatter that shows what it was given, a context that can fail.
interface TestContext {
  authorization: string | undefined;
}
const t = initTRPC.context<TestContext>().create({
  errorFormatter: ({ shape, error, input, ctx, path, type }) => ({
    ...shape,
    data: {
      ...shape.data,
      stack: undefined,
      formatterSaw: { input: input ?? "(none)", path: path ?? "(none)", type, hasContext: ctx !== undefined },
      cause: error.cause?.message,
    },
  }),
});
const requireOk = t.middleware(({ ctx, next }) => {
  if (ctx.authorization !== "Bearer ok") throw new TRPCError({ code: "UNAUTHORIZED", message: "no token" });
  return next();
});
const testRouter = t.router({
  echo: t.procedure.input(z.unknown()).query(({ input }) => ({ echoed: input ?? "(undefined)" })),
  greet: t.procedure.input(z.object({ name: z.string().min(1) })).query(({ input }) => `hello ${input.name}`),
  nothing: t.procedure.query(() => undefined),
  fail: t.procedure
    .input(
      z.object({ code: z.enum(["NOT_FOUND", "CONFLICT", "FORBIDDEN", "BAD_REQUEST", "TOO_MANY_REQUESTS"]) }),
    )
    .query(({ input }) => {
      throw new TRPCError({ code: input.code, message: `failed with ${input.code}` });
    }),
  crash: t.procedure.query(() => {
    throw new Error("boom");
  }),
  badOutput: t.procedure.output(z.string()).query(() => 42 as unknown as string),
  guarded: t.procedure
    .use(requireOk)
    .input(z.object({ secret: z.string() }))
    .query(({ input }) => input.secret.length),
  streamy: t.procedure.query(() => ({ later: Promise.resolve(1) })),
  add: t.procedure
    .input(z.object({ a: z.number(), b: z.number() }))
    .mutation(({ input }) => input.a + input.b),
  keep: t.procedure.input(z.unknown()).mutation(({ input }) => ({ length: JSON.stringify(input)?.length })),
  nested: t.router({ deep: t.router({ echo: t.procedure.input(z.string()).query(({ input }) => input) }) }),
});

const createContext = async ({ authorization }: RequestFacts): Promise<TestContext> => {
  if (authorization === "Bearer forbidden-context")
    throw new TRPCError({ code: "FORBIDDEN", message: "context refused" });
  if (authorization === "Bearer crash-context") throw new Error("context crashed");
  return { authorization };
};

let ours: RunningServer;
let official: { port: number; close(): void };
beforeAll(async () => {
  ours = await startServer({ router: testRouter, createContext, port: 0, logger: () => undefined });
  const standalone = createHTTPServer({
    router: testRouter,
    basePath: "/trpc/",
    createContext: ({ req }) => createContext({ authorization: req.headers.authorization, requestId: "x" }),
  });
  await new Promise<void>((resolve) => standalone.listen(0, "127.0.0.1", resolve));
  official = { port: (standalone.address() as AddressInfo).port, close: () => standalone.close() };
});
afterAll(async () => {
  official.close();
  await ours.close();
});

interface RawRequest {
  method: string;
  /** After /trpc/, as sent (already URL-encoded where needed). */
  target: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}
interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

function send(port: number, { method, target, headers = {}, body }: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port, method, path: `/trpc/${target}`, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** What must be the same: status, the JSON (or text) answered, and the headers a client reads. */
function comparable(response: RawResponse) {
  let body: unknown = response.text;
  try {
    body = JSON.parse(response.text);
  } catch {
    // not JSON: compared as text
  }
  return {
    status: response.status,
    body,
    contentType: response.headers["content-type"],
    allow: response.headers.allow,
  };
}

async function both(request: RawRequest) {
  const [mine, theirs] = await Promise.all([send(ours.port, request), send(official.port, request)]);
  return { mine: comparable(mine), theirs: comparable(theirs) };
}

const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const json = { "content-type": "application/json" };

const cases: [string, RawRequest][] = [
  ["a query", { method: "GET", target: `greet?input=${q({ name: "Ada" })}` }],
  ["a query without input", { method: "GET", target: "echo" }],
  ["an empty input", { method: "GET", target: "echo?input=" }],
  ["a query answering undefined", { method: "GET", target: "nothing" }],
  ["a nested path", { method: "GET", target: `nested.deep.echo?input=${q("deep")}` }],
  ["an encoded path", { method: "GET", target: `nested%2Edeep.echo?input=${q("x")}` }],
  ["invalid input", { method: "GET", target: `greet?input=${q({ name: "" })}` }],
  ["input of the wrong type", { method: "GET", target: `greet?input=${q([1, 2])}` }],
  ["malformed JSON input", { method: "GET", target: "greet?input=%7Bname" }],
  ["malformed JSON to a procedure that reads no input", { method: "GET", target: "nothing?input=%7B" }],
  ["each TRPCError code", { method: "GET", target: `fail?input=${q({ code: "CONFLICT" })}` }],
  ["a thrown Error", { method: "GET", target: "crash" }],
  ["an output that fails its schema", { method: "GET", target: "badOutput" }],
  [
    "a middleware failing before the input is read",
    { method: "GET", target: `guarded?input=${q({ secret: "s" })}` },
  ],
  [
    "a middleware passing",
    { method: "GET", target: `guarded?input=${q({ secret: "s" })}`, headers: { authorization: "Bearer ok" } },
  ],
  [
    "a context that refuses",
    { method: "GET", target: "echo", headers: { authorization: "Bearer forbidden-context" } },
  ],
  [
    "a context that crashes",
    { method: "GET", target: "echo", headers: { authorization: "Bearer crash-context" } },
  ],
  ["a stream-like result to a plain request", { method: "GET", target: "streamy" }],
  ["an unknown path", { method: "GET", target: "nowhere?input=1" }],
  ["an empty path", { method: "GET", target: "" }],
  ["bad URL encoding in the path", { method: "GET", target: "gr%E0%A4%Aeet" }],
  ["a query by POST", { method: "POST", target: "echo", headers: json, body: "{}" }],
  ["a mutation by GET", { method: "GET", target: `add?input=${q({ a: 1, b: 2 })}` }],
  ["a mutation", { method: "POST", target: "add", headers: json, body: JSON.stringify({ a: 1, b: 2 }) }],
  ["a mutation without a body", { method: "POST", target: "add", headers: json }],
  ["a mutation with malformed JSON", { method: "POST", target: "add", headers: json, body: "{a:1" }],
  [
    "a content type with parameters and capitals",
    {
      method: "POST",
      target: "add",
      headers: { "content-type": "Application/JSON; charset=utf-8" },
      body: '{"a":1,"b":1}',
    },
  ],
  ["a mutation without a content type", { method: "POST", target: "add", body: '{"a":1,"b":1}' }],
  [
    "a mutation as text/plain",
    { method: "POST", target: "add", headers: { "content-type": "text/plain" }, body: "{}" },
  ],
  [
    "a mutation as a form",
    {
      method: "POST",
      target: "add",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: "--x--",
    },
  ],
  [
    "a mutation as octets",
    {
      method: "POST",
      target: "keep",
      headers: { "content-type": "application/octet-stream" },
      body: "\u0001\u0002",
    },
  ],
  [
    "a query claiming octets",
    { method: "GET", target: "echo", headers: { "content-type": "application/octet-stream" } },
  ],
  ["PUT", { method: "PUT", target: "add", headers: json, body: '{"a":1,"b":1}' }],
  ["DELETE", { method: "DELETE", target: "echo" }],
  ["HEAD", { method: "HEAD", target: "echo" }],
  [
    "a body with a byte order mark",
    { method: "POST", target: "add", headers: json, body: '\uFEFF{"a":2,"b":3}' },
  ],
  [
    "a body that is not UTF-8",
    {
      method: "POST",
      target: "keep",
      headers: json,
      body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]),
    },
  ],
  [
    "a huge body",
    {
      method: "POST",
      target: "keep",
      headers: json,
      body: JSON.stringify({
        items: Array.from({ length: 40_000 }, (_, i) => ({ i, text: "é".repeat(20) })),
      }),
    },
  ],
  [
    "a mixed batch",
    {
      method: "GET",
      target: `greet,fail,echo?batch=1&input=${q({ 0: { name: "a" }, 1: { code: "NOT_FOUND" } })}`,
    },
  ],
  [
    "a batch failing alike",
    {
      method: "GET",
      target: `fail,fail?batch=1&input=${q({ 0: { code: "CONFLICT" }, 1: { code: "CONFLICT" } })}`,
    },
  ],
  [
    "a batch failing differently",
    {
      method: "GET",
      target: `fail,fail?batch=1&input=${q({ 0: { code: "CONFLICT" }, 1: { code: "FORBIDDEN" } })}`,
    },
  ],
  ["a batch with a stream-like result", { method: "GET", target: `streamy,echo?batch=1` }],
  ["a batch with an unknown path", { method: "GET", target: `echo,nowhere?batch=1&input=${q({})}` }],
  ["a batch mixing a query and a mutation", { method: "GET", target: `echo,add?batch=1&input=${q({})}` }],
  ["a batch whose input is an array", { method: "GET", target: `echo,echo?batch=1&input=${q([1, 2])}` }],
  ["a batch whose input is a number", { method: "GET", target: `echo?batch=1&input=5` }],
  [
    "a batch of one path with an encoded comma",
    { method: "GET", target: `echo%2Cecho?batch=1&input=${q({ 1: "b" })}` },
  ],
  ["batch=true is not a batch", { method: "GET", target: `echo,echo?batch=true&input=${q({ 0: 1 })}` }],
  [
    "a batch in a context that refuses",
    { method: "GET", target: `echo,greet?batch=1`, headers: { authorization: "Bearer forbidden-context" } },
  ],
  [
    "a mutation batch by POST",
    {
      method: "POST",
      target: "add,add,keep?batch=1",
      headers: json,
      body: JSON.stringify({ 0: { a: 1, b: 2 }, 1: { a: "x" }, 2: [1] }),
    },
  ],
  [
    "a mutation batch with a null body",
    { method: "POST", target: "add,add?batch=1", headers: json, body: "null" },
  ],
  [
    "a streaming request (jsonl)",
    {
      method: "GET",
      target: `greet?batch=1&input=${q({ 0: { name: "s" } })}`,
      headers: { "trpc-accept": "application/jsonl" },
    },
  ],
];

describe("the fast handler answers as tRPC's own adapter does", () => {
  it.each(cases)("%s", async (_name, request) => {
    const { mine, theirs } = await both(request);
    expect(mine).toEqual(theirs);
  });

  it("for random requests", async () => {
    const paths = [
      "echo",
      "greet",
      "nothing",
      "fail",
      "crash",
      "badOutput",
      "guarded",
      "add",
      "keep",
      "nested.deep.echo",
      "nope",
      "echo.x",
    ];
    const input = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.constantFrom(
        '{"name":"x"}',
        '{"a":1,"b":2}',
        '{"code":"NOT_FOUND"}',
        '{"secret":"s"}',
        "{",
        "",
        "%",
        "\u0000",
      ),
      fc.string(),
    );
    const request = fc.record({
      method: fc.constantFrom("GET", "POST"),
      paths: fc.array(fc.constantFrom(...paths), { minLength: 1, maxLength: 3 }),
      batch: fc.boolean(),
      inputs: fc.array(input, { maxLength: 3 }),
      single: input,
      contentType: fc.constantFrom(undefined, "application/json", "text/plain"),
      authorization: fc.constantFrom(undefined, "Bearer ok", "Bearer forbidden-context"),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const batchInput = `{${r.inputs.map((text, i) => `"${i}":${text || "null"}`).join(",")}}`;
        const inputText = r.batch ? batchInput : r.single;
        const path = r.batch ? r.paths.join(",") : r.paths[0]!;
        const query = [
          r.batch && "batch=1",
          r.method === "GET" && `input=${encodeURIComponent(inputText)}`,
        ].filter(Boolean);
        const headers: Record<string, string> = {};
        if (r.contentType) headers["content-type"] = r.contentType;
        if (r.authorization) headers.authorization = r.authorization;
        const { mine, theirs } = await both({
          method: r.method,
          target: `${path}${query.length ? `?${query.join("&")}` : ""}`,
          headers,
          ...(r.method === "POST" && { body: inputText }),
        });
        expect(mine).toEqual(theirs);
      }),
      { numRuns: 1000 },
    );
  });
});
