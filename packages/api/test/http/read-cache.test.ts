import { join } from "node:path";
import { smallTheatre } from "@parley/domain/testing";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http/server";
import { openStore } from "../../src/store/open-store";
import type { AppRouter } from "../../src/trpc/app-router";
import { temporaryDirectory } from "../helpers";

// Parley's server keeps answers to anonymous reads while the theatres they name are unchanged. Nothing a
// reader sees may be stale.
let server: RunningServer;
let admin: string;

beforeAll(async () => {
  const store = await openStore({
    sqlitePath: join(temporaryDirectory(), "parley.sqlite"),
    seed: () => [smallTheatre()],
  });
  admin = (await store.createToken("cache-admin", "admin")).secret;
  server = await startServer({ store, port: 0, logger: () => undefined });
});
afterAll(() => server.close());

const client = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({ url: `${server.url}/trpc`, headers: token ? { authorization: `Bearer ${token}` } : {} }),
    ],
  });

it("answers a repeated anonymous read with what the database holds after an edit", async () => {
  const reader = client();
  const before = await reader.actors.get.query({ theatreId: "ruritania", id: "rebels" });
  expect(await reader.actors.get.query({ theatreId: "ruritania", id: "rebels" })).toEqual(before);
  await client(admin).actors.update.mutate({
    theatreId: "ruritania",
    id: "rebels",
    expectedVersion: before.version,
    data: { ...before.data, name: "Rebels, renamed" },
  });
  const after = await reader.actors.get.query({ theatreId: "ruritania", id: "rebels" });
  expect(after.data.name).toBe("Rebels, renamed");
  expect(after.version).toBe(before.version + 1);
});

it("does not answer for a theatre deleted and imported again under the same id", async () => {
  const reader = client();
  const editor = client(admin);
  const replace = async (document: ReturnType<typeof smallTheatre>) => {
    const { revision } = await reader.theatres.get.query({ theatreId: "ruritania" });
    await editor.theatres.delete.mutate({ theatreId: "ruritania", expectedRevision: revision });
    await editor.theatres.import.mutate({ document });
  };
  await replace(smallTheatre());
  const old = await reader.actors.get.query({ theatreId: "ruritania", id: "mediator" });
  const renamed = smallTheatre();
  renamed.actors = renamed.actors.map((actor) =>
    actor.id === "mediator" ? { ...actor, name: "A different mediator" } : actor,
  );
  await replace(renamed);
  const fresh = await reader.actors.get.query({ theatreId: "ruritania", id: "mediator" });
  expect(old.data.name).not.toBe("A different mediator");
  expect(fresh.data.name).toBe("A different mediator");
});
