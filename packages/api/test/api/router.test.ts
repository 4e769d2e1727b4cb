import { smallTheatre } from "@parley/domain/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store";
import { createCaller } from "../../src/trpc/app-router";
import { afghanistanTheatre } from "../shipped-theatres";
import { storeCases } from "../stores";

describe.each(storeCases())("the API on $dialect", (storeCase) => {
  let store: Store;
  let editorToken: string;
  let viewerToken: string;
  let adminToken: string;

  const caller = (token?: string, readsNeedToken = false) =>
    createCaller({
      store,
      requestId: "test",
      authorization: token === undefined ? undefined : `Bearer ${token}`,
      readsNeedToken,
    });

  async function codeOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof TRPCError) return error.code;
      throw error;
    }
    return "OK";
  }

  beforeAll(async () => {
    ({ store } = await storeCase.open(() => [afghanistanTheatre()]));
    editorToken = (await store.createToken("ed", "editor")).secret;
    viewerToken = (await store.createToken("vi", "viewer")).secret;
    adminToken = (await store.createToken("ad", "admin")).secret;
  });
  afterAll(() => store.close());

  describe("reads", () => {
    it("lists theatres and pages, filters and sorts a collection", async () => {
      const api = caller();
      const theatres = await api.theatres.list();
      expect(theatres.map((t) => t.id)).toContain("afghanistan");
      const armed = await api.actors.list({
        theatreId: "afghanistan",
        where: { kind: "armed-group" },
        limit: 5,
      });
      expect(armed.items).toHaveLength(5);
      expect(armed.items.every((item) => item.data.kind === "armed-group" && item.version >= 1)).toBe(true);
      expect(armed.total).toBeGreaterThan(5);
      const next = await api.actors.list({
        theatreId: "afghanistan",
        where: { kind: "armed-group" },
        limit: 5,
        offset: 5,
      });
      expect(next.items.map((i) => i.data.id)).not.toContain(armed.items[0]!.data.id);
    });

    it("gets an entity with what it refers to, what refers to it and its citations resolved", async () => {
      const isKp = await caller().actors.get({ theatreId: "afghanistan", id: "is-kp" });
      expect(isKp.data.aliases).toContain("ISKP");
      expect(isKp.details.refersTo.map((r) => r.id)).toContain("islamic-state");
      expect(isKp.details.referredToBy.some((r) => r.kind === "interests")).toBe(true);
      expect(isKp.details.citations[0]!.source.title.length).toBeGreaterThan(0);
    });

    it("answers NOT_FOUND for unknown theatres and ids, BAD_REQUEST for unknown fields", async () => {
      expect(await codeOf(caller().actors.get({ theatreId: "afghanistan", id: "nobody" }))).toBe("NOT_FOUND");
      expect(await codeOf(caller().actors.list({ theatreId: "atlantis" }))).toBe("NOT_FOUND");
      expect(await codeOf(caller().actors.list({ theatreId: "afghanistan", where: { knd: "state" } }))).toBe(
        "BAD_REQUEST",
      );
    });

    it("can be closed to anyone without a token", async () => {
      expect(await codeOf(caller(undefined, true).theatres.list())).toBe("UNAUTHORIZED");
      expect(await codeOf(caller(viewerToken, true).theatres.list())).toBe("OK");
    });

    it("runs the analyses on the stored theatre", async () => {
      const finding = await caller().analysis.cooperation({
        theatreId: "afghanistan",
        actors: ["United States", "Taliban"],
      });
      expect(finding.opportunities.length).toBeGreaterThan(0);
      expect(
        await codeOf(
          caller().analysis.cooperation({ theatreId: "afghanistan", actors: ["United States", "Atlantis"] }),
        ),
      ).toBe("BAD_REQUEST");
      const paths = await caller().analysis.paths({
        theatreId: "afghanistan",
        from: "United States",
        to: "TTP",
      });
      expect(paths.paths.length).toBeGreaterThan(0);
      const brief = await caller().analysis.brief({ theatreId: "afghanistan", actor: "Taliban" });
      expect(brief.markdown).toMatch(/^# /);
    });

    it("forecasts bargaining on a stored theatre's issue, tracing each input", async () => {
      const forecast = await caller().analysis.forecast({
        theatreId: "afghanistan",
        issueIds: ["action-against-al-qaeda"],
        capabilities: { "un-security-council": 40 },
        sensitivity: { runs: 5, removals: 2 },
      });
      expect(forecast.model).toBe("eu");
      expect(forecast.rounds[0]!.positions["al-qaeda"]).toEqual([0]);
      expect(forecast.outcome).toHaveLength(1);
      expect(forecast.inputs!.some((input) => input.basis === "run-judgement")).toBe(true);
      expect(forecast.sensitivity!.removals).toHaveLength(2);
      expect(
        await codeOf(caller().analysis.forecast({ theatreId: "afghanistan", issueIds: ["no-such-issue"] })),
      ).toBe("BAD_REQUEST");
      expect(
        await codeOf(
          caller().analysis.forecast({
            theatreId: "afghanistan",
            issueIds: ["action-against-al-qaeda"],
            sensitivity: { runs: 100_000 },
          }),
        ),
      ).toBe("BAD_REQUEST");
    });

    it("searches names, aliases and quotes", async () => {
      const { hits } = await caller().search.query({ text: "ISKP", theatreId: "afghanistan" });
      expect(hits[0]).toMatchObject({ kind: "actors", entityId: "is-kp" });
    });
  });

  describe("writes", () => {
    it("need a token with the editor role, and change nothing otherwise", async () => {
      const before = (await caller().theatres.get({ theatreId: "afghanistan" })).revision;
      const actor = (await caller().actors.get({ theatreId: "afghanistan", id: "ttp" })).data;
      const update = {
        theatreId: "afghanistan",
        id: "ttp",
        expectedVersion: 1,
        data: { ...actor, name: "x" },
      };
      expect(await codeOf(caller().actors.update(update))).toBe("UNAUTHORIZED");
      expect(await codeOf(caller("parley_not-a-token").actors.update(update))).toBe("UNAUTHORIZED");
      expect(await codeOf(caller(viewerToken).actors.update(update))).toBe("FORBIDDEN");
      expect((await caller().theatres.get({ theatreId: "afghanistan" })).revision).toBe(before);
    });

    it("refuse a stale version with CONFLICT and keep the newer edit", async () => {
      const api = caller(editorToken);
      const read = await api.actors.get({ theatreId: "afghanistan", id: "quad" });
      const first = await api.actors.update({
        theatreId: "afghanistan",
        id: "quad",
        expectedVersion: read.version,
        data: { ...read.data, description: `${read.data.description} (first edit)` },
      });
      expect(first.version).toBe(read.version + 1);
      expect(first.updatedBy).toBe("ed");
      const stale = api.actors.update({
        theatreId: "afghanistan",
        id: "quad",
        expectedVersion: read.version,
        data: { ...read.data, description: "second edit from a stale read" },
      });
      await expect(stale).rejects.toMatchObject({ code: "CONFLICT" });
      const now = await api.actors.get({ theatreId: "afghanistan", id: "quad" });
      expect(now.data.description).toMatch(/\(first edit\)$/);
      expect(now.version).toBe(first.version);
    });

    it("validate references with the whole theatre, naming the field", async () => {
      const api = caller(editorToken);
      const interest = (await api.interests.list({ theatreId: "afghanistan", limit: 1 })).items[0]!.data;
      const bad = api.interests.create({
        theatreId: "afghanistan",
        data: { ...interest, id: "orphan", actorId: "nobody" },
      });
      await expect(bad).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(bad).rejects.toThrow(/data\.actorId: unknown actor "nobody"/);
      const referenced = await api.actors.get({ theatreId: "afghanistan", id: "is-kp" });
      await expect(
        api.actors.delete({ theatreId: "afghanistan", id: "is-kp", expectedVersion: referenced.version }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      expect((await api.actors.get({ theatreId: "afghanistan", id: "is-kp" })).version).toBe(
        referenced.version,
      );
    });

    it("keep every change in the history and restore an earlier version as a new change", async () => {
      const api = caller(editorToken);
      const read = await api.issues.list({ theatreId: "afghanistan", limit: 1 });
      const issue = read.items[0]!;
      const edited = await api.issues.update({
        theatreId: "afghanistan",
        id: issue.data.id,
        expectedVersion: issue.version,
        data: { ...issue.data, name: "Renamed issue" },
      });
      const history = await api.history.list({ theatreId: "afghanistan", kind: "issues", id: issue.data.id });
      expect(history[0]).toMatchObject({ operation: "update", version: edited.version, by: "ed" });
      expect((history[0]!.before as { name: string }).name).toBe(issue.data.name);
      const restored = await api.history.restore({
        theatreId: "afghanistan",
        kind: "issues",
        id: issue.data.id,
        version: issue.version,
        expectedVersion: edited.version,
      });
      expect(restored.version).toBe(edited.version + 1);
      expect((await api.issues.get({ theatreId: "afghanistan", id: issue.data.id })).data.name).toBe(
        issue.data.name,
      );
      const after = await api.history.list({ theatreId: "afghanistan", kind: "issues", id: issue.data.id });
      expect(after[0]!.operation).toBe("restore");
    });
  });

  describe("theatres", () => {
    it("import a valid document whole, refuse an invalid one writing nothing, export what was imported", async () => {
      const editor = caller(editorToken);
      const document = smallTheatre();
      const broken = { ...document, interests: [{ ...document.interests[0]!, actorId: "nobody" }] };
      await expect(editor.theatres.import({ document: broken })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      expect((await caller().theatres.list()).map((t) => t.id)).not.toContain(document.theatre.id);

      const imported = await editor.theatres.import({ document });
      expect(imported.counts.actors).toBe(document.actors.length);
      expect(await caller().theatres.export({ theatreId: document.theatre.id })).toEqual(document);
      expect(await codeOf(editor.theatres.import({ document }))).toBe("CONFLICT");
      expect(await codeOf(editor.theatres.import({ document, replace: true }))).toBe("FORBIDDEN");
      expect(await codeOf(caller(adminToken).theatres.import({ document, replace: true }))).toBe("OK");

      expect(
        await codeOf(editor.theatres.delete({ theatreId: document.theatre.id, expectedRevision: 0 })),
      ).toBe("FORBIDDEN");
      const revision = (await caller().theatres.get({ theatreId: document.theatre.id })).revision;
      expect(
        await codeOf(
          caller(adminToken).theatres.delete({
            theatreId: document.theatre.id,
            expectedRevision: revision + 1,
          }),
        ),
      ).toBe("CONFLICT");
      expect(
        await caller(adminToken).theatres.delete({
          theatreId: document.theatre.id,
          expectedRevision: revision,
        }),
      ).toEqual({
        deleted: true,
      });
    });
  });
});
