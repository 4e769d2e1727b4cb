import { smallTheatre } from "@parley/domain/testing";
import {
  createTRPCClient,
  httpBatchLink,
  httpBatchStreamLink,
  httpLink,
  TRPCClientError,
} from "@trpc/client";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http/server";
import type { LogRecord } from "../../src/http/request-log";
import type { Store } from "../../src/store/store";
import { appRouter, type AppRouter } from "../../src/trpc/app-router";
import { createContextFactory } from "../../src/trpc/context";
import { storeCases } from "../stores";

describe.each(storeCases())("the API over HTTP on $dialect", (storeCase) => {
  let store: Store;
  let server: RunningServer;
  let official: { url: string; close(): void };
  let editor: string;
  const logs: LogRecord[] = [];

  beforeAll(async () => {
    ({ store } = await storeCase.open(() => [smallTheatre()]));
    editor = (await store.createToken("http-editor", "editor")).secret;
    server = await startServer({
      store,
      port: 0,
      corsOrigins: ["https://app.example"],
      maxBodyBytes: 64 * 1024,
      logger: (record) => logs.push(record),
    });
    const createContext = createContextFactory(store, { readsNeedToken: false });
    const standalone = createHTTPServer({
      router: appRouter,
      basePath: "/trpc/",
      createContext: ({ req }) =>
        createContext({ authorization: req.headers.authorization, requestId: "official" }),
    });
    await new Promise<void>((resolve) => standalone.listen(0, "127.0.0.1", resolve));
    const { port } = standalone.address() as { port: number };
    official = { url: `http://127.0.0.1:${port}`, close: () => standalone.close() };
  });
  afterAll(async () => {
    official.close();
    await server.close();
  });

  const client = (link: "plain" | "batch" | "stream", token?: string) => {
    const headers = () => (token ? { authorization: `Bearer ${token}` } : {});
    const url = `${server.url}/trpc`;
    const links = {
      plain: () => httpLink({ url, headers }),
      batch: () => httpBatchLink({ url, headers }),
      stream: () => httpBatchStreamLink({ url, headers }),
    };
    return createTRPCClient<AppRouter>({ links: [links[link]()] });
  };

  describe("the official tRPC client", () => {
    it.each(["plain", "batch", "stream"] as const)(
      "reads, edits and sees errors over %s links",
      async (link) => {
        const api = client(link, editor);
        const [theatres, actor] = await Promise.all([
          api.theatres.list.query(),
          api.actors.get.query({ theatreId: "ruritania", id: "mediator" }),
        ]);
        expect(theatres.map((t) => t.id)).toEqual(["ruritania"]);
        const updated = await api.actors.update.mutate({
          theatreId: "ruritania",
          id: "mediator",
          expectedVersion: actor.version,
          data: { ...actor.data, description: `${actor.data.description} (${link})` },
        });
        expect(updated.version).toBe(actor.version + 1);
        // The cached answer to the same read must not outlive the edit.
        expect(
          (await api.actors.get.query({ theatreId: "ruritania", id: "mediator" })).data.description,
        ).toMatch(`(${link})`);

        const stale = await api.actors.update
          .mutate({
            theatreId: "ruritania",
            id: "mediator",
            expectedVersion: actor.version,
            data: actor.data,
          })
          .catch((error: unknown) => error);
        expect(stale).toBeInstanceOf(TRPCClientError);
        expect((stale as TRPCClientError<AppRouter>).data).toMatchObject({
          code: "CONFLICT",
          httpStatus: 409,
          conflict: {
            kind: "actors",
            id: "mediator",
            expectedVersion: actor.version,
            currentVersion: actor.version + 1,
          },
        });

        const invalid = await failure(
          api.interests.create.mutate({
            theatreId: "ruritania",
            data: { ...smallTheatre().interests[0]!, id: `orphan-${link}`, actorId: "nobody" },
          }),
        );
        expect(invalid.data?.code).toBe("BAD_REQUEST");
        expect(invalid.data?.problems).toContainEqual({
          path: "data.actorId",
          message: expect.stringContaining('unknown actor "nobody"'),
        });

        const badInput = await failure(api.actors.list.query({ theatreId: "ruritania", limit: 0 }));
        expect(badInput.message).toBe("invalid input: limit: Too small: expected number to be >=1");
        expect(badInput.data?.problems).toEqual([
          { path: "limit", message: "Too small: expected number to be >=1" },
        ]);
      },
    );
  });

  describe("the fast handler answers as tRPC's own adapter does", () => {
    const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));
    const requests: { name: string; path: string; init?: RequestInit }[] = [
      { name: "query", path: `actors.get?input=${input({ theatreId: "ruritania", id: "rebels" })}` },
      { name: "invalid input", path: `actors.list?input=${input({ theatreId: "ruritania", limit: -1 })}` },
      { name: "unknown theatre", path: `actors.list?input=${input({ theatreId: "atlantis" })}` },
      { name: "unknown procedure", path: `actors.nothing?input=${input({})}` },
      {
        name: "query by POST",
        path: "actors.list",
        init: { method: "POST", body: JSON.stringify({ theatreId: "ruritania" }) },
      },
      {
        name: "mutation by GET",
        path: `actors.delete?input=${input({ theatreId: "ruritania", id: "rebels", expectedVersion: 1 })}`,
      },
      { name: "malformed JSON input", path: "actors.list?input=%7Bnot-json" },
      { name: "no input", path: "actors.list" },
      {
        name: "mixed batch",
        path: `actors.get,actors.get?batch=1&input=${input({ 0: { theatreId: "ruritania", id: "rebels" }, 1: { theatreId: "ruritania", id: "ghost" } })}`,
      },
      {
        name: "unauthorised mutation",
        path: "actors.delete",
        init: {
          method: "POST",
          body: JSON.stringify({ theatreId: "ruritania", id: "rebels", expectedVersion: 1 }),
        },
      },
      {
        name: "mutation with a bad token",
        path: "tradeOffs.delete",
        init: { method: "POST", headers: { authorization: "Bearer nope" }, body: "{}" },
      },
    ];

    it.each(requests)("$name", async ({ path, init }) => {
      const [ours, theirs] = await Promise.all(
        [server.url, official.url].map(async (base) => {
          const response = await fetch(`${base}/trpc/${path}`, init);
          return { status: response.status, body: withoutStack(await response.json()) };
        }),
      );
      expect(ours).toEqual(theirs);
    });
  });

  describe("the server", () => {
    it("reports its health and refuses what is not its own", async () => {
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", database: storeCase.dialect });
      expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);
    });

    it("refuses a body over the limit with 413, naming the limit", async () => {
      const response = await fetch(`${server.url}/trpc/theatres.import`, {
        method: "POST",
        headers: { authorization: `Bearer ${editor}`, "content-type": "application/json" },
        body: JSON.stringify({ document: { padding: "x".repeat(100 * 1024) } }),
      });
      expect(response.status).toBe(413);
      expect((await json(response)).error.message).toMatch(/65536 bytes/);
    });

    it("lets allow-listed origins in and no others", async () => {
      const allowed = await fetch(`${server.url}/trpc/theatres.list`, {
        headers: { origin: "https://app.example" },
      });
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
      const other = await fetch(`${server.url}/trpc/theatres.list`, {
        headers: { origin: "https://evil.example" },
      });
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
      const preflight = await fetch(`${server.url}/trpc/actors.update`, {
        method: "OPTIONS",
        headers: { origin: "https://app.example", "access-control-request-method": "POST" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-headers")).toMatch(/authorization/);
      const refused = await fetch(`${server.url}/trpc/actors.update`, {
        method: "OPTIONS",
        headers: { origin: "https://evil.example" },
      });
      expect(refused.status).toBe(403);
    });

    it("logs one structured line per request, with its id and without the token", async () => {
      await fetch(`${server.url}/trpc/theatres.list`, {
        headers: { "x-request-id": "trace-42", authorization: `Bearer ${editor}` },
      });
      const line = logs.find((record) => record.requestId === "trace-42");
      expect(line).toMatchObject({
        event: "request",
        method: "GET",
        procedure: "theatres.list",
        status: 200,
      });
      expect(JSON.stringify(logs)).not.toContain(editor);
    });
  });

  describe("graceful shutdown", () => {
    it("finishes requests in flight, then refuses new connections and closes the store", async () => {
      const { store: own } = await storeCase.open(() => [smallTheatre()]);
      const slow = new Proxy(own, {
        get(target, key, receiver) {
          if (key === "readTheatre")
            return async (id: string) => {
              await new Promise((resolve) => setTimeout(resolve, 300));
              return target.readTheatre(id);
            };
          const value: unknown = Reflect.get(target, key, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      const running = await startServer({ store: slow, port: 0, logger: () => undefined });
      const inFlight = fetch(
        `${running.url}/trpc/actors.list?input=${encodeURIComponent(JSON.stringify({ theatreId: "ruritania" }))}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      const closed = running.close();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect((await json(response)).result.data.total).toBe(smallTheatre().actors.length);
      await closed;
      await expect(fetch(`${running.url}/health`)).rejects.toThrow();
    });
  });
});

async function failure(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as TRPCClientError<AppRouter>;
    throw error;
  }
  throw new Error("expected the call to fail");
}

async function json(
  response: Response,
): Promise<{ error: { message: string }; result: { data: { total: number } } }> {
  return (await response.json()) as { error: { message: string }; result: { data: { total: number } } };
}

function withoutStack(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body, (key, value: unknown) => (key === "stack" ? undefined : value)));
}
