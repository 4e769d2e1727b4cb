import { Agent, get } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { smallTheatre } from "@parley/domain/testing";
import { initTRPC } from "@trpc/server";
import { expect, it, vi } from "vitest";
import type { LogRecord } from "../../src/http/request-log";
import { startServer } from "../../src/http/server";
import { openStore } from "../../src/store/open-store";
import type { Store } from "../../src/store/store";
import { temporaryDirectory } from "../helpers";

/** A procedure that answers when the test says so, and a store that records when it is closed. */
function slowApi() {
  const t = initTRPC.create();
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (entered = resolve));
  const router = t.router({
    slow: t.procedure.query(async () => {
      entered();
      await released;
      return "finished";
    }),
    quick: t.procedure.query(() => "quick"),
  });
  const events: string[] = [];
  const store = {
    dialect: "sqlite",
    close: async () => void events.push("store closed"),
  } as unknown as Store;
  const logger = (record: LogRecord) => {
    if (record.event === "request") events.push(record.aborted ? "cut" : `answered ${record.status}`);
  };
  return { router, store, logger, release, started, events };
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.on("error", () => resolve(true));
  });
}

it("finishes a request in flight with 200 after close(), refusing new connections meanwhile, then closes the store", async () => {
  const api = slowApi();
  const server = await startServer({
    ...api,
    createContext: async () => ({}),
    port: 0,
  });
  const inFlight = fetch(`${server.url}/trpc/slow`).then(async (response) => {
    return {
      status: response.status,
      body: await response.json(),
      connection: response.headers.get("connection"),
    };
  });
  await api.started;
  const closed = server.close().then(() => api.events.push("closed"));
  expect(await refused(server.port)).toBe(true);
  api.release();
  expect(await inFlight).toEqual({
    status: 200,
    body: { result: { data: "finished" } },
    connection: "close",
  });
  await closed;
  expect(api.events).toEqual(["answered 200", "store closed", "closed"]);
});

it("closes idle keep-alive connections at once instead of waiting for their timeout", async () => {
  const api = slowApi();
  const server = await startServer({
    ...api,
    createContext: async () => ({}),
    port: 0,
  });
  const agent = new Agent({ keepAlive: true });
  // Wrapped: resolving with the promise itself would wait for it.
  const { socketClosed } = await new Promise<{ socketClosed: Promise<void> }>((resolve, reject) => {
    get(`${server.url}/trpc/quick`, { agent }, (res) => {
      const socketClosed = new Promise<void>((done) => res.socket.once("close", () => done()));
      res.resume().on("end", () => resolve({ socketClosed }));
    }).on("error", reject);
  });
  const begun = performance.now();
  await server.close();
  await socketClosed;
  expect(performance.now() - begun).toBeLessThan(1000);
  agent.destroy();
});

it("cuts requests that outlast the grace period, so shutdown cannot hang", async () => {
  const api = slowApi();
  const server = await startServer({
    ...api,
    createContext: async () => ({}),
    port: 0,
    shutdownGraceMs: 200,
  });
  const hung = fetch(`${server.url}/trpc/slow`).catch((error: unknown) => error);
  await api.started;
  const begun = performance.now();
  await server.close();
  expect(performance.now() - begun).toBeLessThan(2000);
  expect(await hung).toBeInstanceOf(TypeError); // fetch failed: the connection was cut
  expect(api.events).toContain("store closed");
  await vi.waitFor(() => expect(api.events).toContain("cut")); // logged as cut short, not as answered
  api.release();
});

it("closes a real store only after the last request, and answers nothing after", async () => {
  const store = await openStore({
    sqlitePath: join(temporaryDirectory(), "parley.sqlite"),
    seed: () => [smallTheatre()],
  });
  const server = await startServer({ store, port: 0 });
  const reads = Array.from({ length: 20 }, (_, i) =>
    fetch(
      `${server.url}/trpc/actors.list?input=${encodeURIComponent(JSON.stringify({ theatreId: "ruritania", offset: i % 3 }))}`,
    ),
  );
  const closed = server.close();
  const statuses = (await Promise.allSettled(reads)).map((result) =>
    result.status === "fulfilled" ? result.value.status : "refused",
  );
  await closed;
  // Requests already accepted are answered; none fails half-way with a 5xx.
  expect(statuses.filter((status) => status !== 200 && status !== "refused")).toEqual([]);
  await expect(fetch(`${server.url}/health`)).rejects.toThrow();
});
