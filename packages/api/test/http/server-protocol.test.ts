import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { smallTheatre } from "@parley/domain/testing";
import {
  createTRPCClient,
  httpBatchLink,
  httpBatchStreamLink,
  httpLink,
  TRPCClientError,
} from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogRecord } from "../../src/http/request-log";
import { startServer, type RunningServer } from "../../src/http/server";
import { openStore } from "../../src/store/open-store";
import type { AppRouter } from "../../src/trpc/app-router";
import { temporaryDirectory } from "../helpers";

const LIMIT = 64 * 1024;
let server: RunningServer;
let editor: string;
const logs: LogRecord[] = [];

beforeAll(async () => {
  const store = await openStore({
    sqlitePath: join(temporaryDirectory(), "parley.sqlite"),
    seed: () => [smallTheatre()],
  });
  editor = (await store.createToken("protocol-editor", "editor")).secret;
  server = await startServer({
    store,
    port: 0,
    maxBodyBytes: LIMIT,
    corsOrigins: ["https://app.example"],
    logger: (record) => logs.push(record),
  });
});
afterAll(() => server.close());

const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));

describe("bodies over the limit", () => {
  it("are refused with 413 as they stream in, before the client has sent them whole", async () => {
    const total = 64 * 1024 * 1024;
    const { status, body, sent } = await new Promise<{ status: number; body: string; sent: number }>(
      (resolve, reject) => {
        let sent = 0;
        const req = httpRequest(
          `${server.url}/trpc/theatres.import`,
          { method: "POST", headers: { "content-type": "application/json" } }, // no length: chunked
          (res) => {
            let body = "";
            res.on("data", (chunk: Buffer) => (body += chunk));
            res.on("end", () => resolve({ status: res.statusCode!, body, sent }));
          },
        );
        req.on("error", (error: NodeJS.ErrnoException) => {
          if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
        });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const write = () => {
          while (sent < total) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once("drain", write);
          }
          req.end();
        };
        write();
      },
    );
    expect(status).toBe(413);
    expect(sent).toBeLessThan(total / 2);
    expect(JSON.parse(body)).toMatchObject({
      error: {
        message: expect.stringContaining(`the limit of ${LIMIT} bytes (64 KB)`),
        data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, path: "theatres.import" },
      },
    });
  });

  it.each(["plain", "batch", "stream"] as const)(
    "reach tRPC's %s link as a PAYLOAD_TOO_LARGE error naming the limit",
    async (kind) => {
      const url = `${server.url}/trpc`;
      const headers = { authorization: `Bearer ${editor}` };
      const link = { plain: httpLink, batch: httpBatchLink, stream: httpBatchStreamLink }[kind]({
        url,
        headers,
      });
      const api = createTRPCClient<AppRouter>({ links: [link] });
      const failure = await api.theatres.import
        .mutate({ document: { padding: "x".repeat(LIMIT) } })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TRPCClientError);
      expect((failure as TRPCClientError<AppRouter>).data?.code).toBe("PAYLOAD_TOO_LARGE");
      expect((failure as Error).message).toContain(`${LIMIT} bytes`);
    },
  );
});

describe("request ids and logs", () => {
  it("echoes a safe x-request-id and makes one up otherwise", async () => {
    const echoed = await fetch(`${server.url}/health`, { headers: { "x-request-id": "trace-7.a:b" } });
    expect(echoed.headers.get("x-request-id")).toBe("trace-7.a:b");
    const made = await fetch(`${server.url}/health`);
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await fetch(`${server.url}/health`, { headers: { "x-request-id": 'a b"<script>' } });
    expect(unsafe.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs one JSON line per request, without tokens, inputs or bodies", async () => {
    const before = logs.length;
    await fetch(
      `${server.url}/trpc/actors.list?input=${input({ theatreId: "ruritania", text: "secret-query" })}`,
      {
        headers: { "x-request-id": "log-1", authorization: `Bearer ${editor}` },
      },
    );
    await fetch(`${server.url}/trpc/actors.create`, {
      method: "POST",
      headers: {
        "x-request-id": "log-2",
        "content-type": "application/json",
        authorization: `Bearer ${editor}`,
      },
      body: JSON.stringify({ theatreId: "ruritania", data: { id: "x", name: "secret-body" } }),
    });
    const lines = logs.slice(before).filter((record) => record.event === "request");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: "info",
      event: "request",
      requestId: "log-1",
      method: "GET",
      path: "/trpc/actors.list",
      procedure: "actors.list",
      status: 200,
      ms: expect.any(Number),
    });
    expect(lines[1]).toMatchObject({
      requestId: "log-2",
      method: "POST",
      procedure: "actors.create",
      status: 400,
    });
    const written = JSON.stringify(logs);
    for (const secret of [editor, "secret-query", "secret-body"]) expect(written).not.toContain(secret);
  });
});

describe("the rest of the server", () => {
  it("reports its health: status, database, uptime and version", async () => {
    const response = await fetch(`${server.url}/health`);
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({
      status: "ok",
      database: "sqlite",
      uptimeSeconds: expect.any(Number),
      version,
    });
  });

  it("answers paths outside the API with a 404 that says where the API is", async () => {
    const response = await fetch(`${server.url}/api/actors.list`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      "nothing at /api/actors.list: the API is under /trpc/",
    );
  });

  it("sends CORS headers to allow-listed origins only, and varies on the origin", async () => {
    const allowed = await fetch(`${server.url}/trpc/theatres.list`, {
      headers: { origin: "https://app.example" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(allowed.headers.get("access-control-expose-headers")).toBe("x-request-id");
    expect(allowed.headers.get("vary")).toBe("origin, trpc-accept, accept");
    const preflight = await fetch(`${server.url}/trpc/actors.update`, {
      method: "OPTIONS",
      headers: { origin: "https://elsewhere.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(403);
    expect([...preflight.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
  });
});
