import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { initTRPC, TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ResponseCache } from "./response-cache";
import { createTrpcHandler } from "./trpc-handler";

describe("ResponseCache", () => {
  it("answers only while the tag is unchanged", () => {
    const cache = new ResponseCache(async () => "t");
    cache.set("/a", "rev-1", Buffer.from("one"));
    expect(cache.get("/a", "rev-1")?.toString()).toBe("one");
    expect(cache.get("/a", "rev-2")).toBeUndefined();
    expect(cache.get("/b", "rev-1")).toBeUndefined();
  });

  it("drops the oldest answers past its bounds, and never keeps a huge one", () => {
    const cache = new ResponseCache(async () => "t", 3, 400);
    for (const key of ["a", "b", "c", "d"]) cache.set(key, "t", Buffer.alloc(10));
    expect(["a", "b", "c", "d"].map((key) => cache.get(key, "t") !== undefined)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    cache.set("e", "t", Buffer.alloc(99));
    cache.set("f", "t", Buffer.alloc(99));
    cache.set("g", "t", Buffer.alloc(99));
    expect(cache.size).toBe(3);
    cache.set("huge", "t", Buffer.alloc(101)); // over a quarter of the bytes allowed
    expect(cache.get("huge", "t")).toBeUndefined();
  });
});

describe("the handler's use of the cache", () => {
  // `whoami` answers who asked and how often it ran: a cached answer shows an older count.
  let runs = 0;
  let state = "rev-1";
  const t = initTRPC.context<{ authorization: string | undefined }>().create();
  const router = t.router({
    whoami: t.procedure.input(z.object({ n: z.number() })).query(({ ctx, input }) => {
      const run = ++runs;
      if (input.n < 0) throw new TRPCError({ code: "BAD_REQUEST", message: "negative" });
      return { who: ctx.authorization ?? "anonymous", run };
    }),
  });
  const handle = createTrpcHandler({
    router,
    createContext: async ({ authorization }) => ({ authorization }),
    cache: new ResponseCache(async () => state),
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url!, "http://localhost");
    void handle({
      req,
      res,
      path: url.pathname.slice("/trpc/".length),
      query: url.searchParams,
      readBody: async () => "",
      requestId: "test",
    });
  });
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc/whoami?input=`;
  });
  afterAll(() => server.close());

  const ask = async (n: number, authorization?: string) => {
    const response = await fetch(`${base}${encodeURIComponent(JSON.stringify({ n }))}`, {
      headers: authorization ? { authorization } : {},
    });
    return { status: response.status, body: (await response.json()) as { result?: { data: unknown } } };
  };

  it("serves repeated anonymous reads from the cache until the state changes", async () => {
    const first = await ask(1);
    expect((await ask(1)).body).toEqual(first.body);
    state = "rev-2";
    expect((await ask(1)).body.result?.data).toEqual({ who: "anonymous", run: runs });
    expect(runs).toBe(2);
  });

  it("never answers a request with credentials from the cache, nor caches its answer", async () => {
    await ask(2); // cached for anonymous readers
    expect((await ask(2, "Bearer alice")).body.result?.data).toMatchObject({ who: "Bearer alice" });
    expect((await ask(2, "Bearer alice")).body.result?.data).toMatchObject({
      who: "Bearer alice",
      run: runs,
    });
    expect((await ask(2)).body.result?.data).toMatchObject({ who: "anonymous" });
  });

  it("does not cache failures", async () => {
    const before = runs;
    expect((await ask(-1)).status).toBe(400);
    expect((await ask(-1)).status).toBe(400);
    expect(runs).toBe(before + 2);
  });
});
