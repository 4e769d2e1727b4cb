/**
 * Optimistic concurrency under real interleaving: simultaneous updates of one version (one wins, the other
 * gets CONFLICT), and a thousand acknowledged updates from two Store instances on one database (two
 * processes' worth of connections), checked against the versions and the history.
 */
import type { Actor } from "@parley/domain";
import { smallTheatre } from "@parley/domain/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HistoryEntry, Store } from "../../src/store/store";
import { createCaller } from "../../src/trpc/app-router";
import { afghanistanTheatre } from "../shipped-theatres";
import { storeCases } from "../stores";

const THEATRE = "afghanistan";
/** The small theatre the thousand updates go to: every read after another store's write reloads it whole. */
const SMALL = "ruritania";
type Caller = ReturnType<typeof createCaller>;

describe.each(storeCases())("concurrent edits on $dialect", (storeCase) => {
  /** Two Store instances on one database, each with its own connections and its own cached theatre. */
  let first: Store;
  let second: Store;
  const callers: { first: Caller[]; second: Caller[] } = { first: [], second: [] };

  beforeAll(async () => {
    const opened = await storeCase.open(() => [afghanistanTheatre()]);
    first = opened.store;
    await first.importTheatre(smallTheatre(), "test");
    second = (await storeCase.open(undefined, opened.location)).store;
    for (const [which, store] of [
      ["first", first],
      ["second", second],
    ] as const)
      for (const name of ["alice", "bob", "carol"]) {
        const token = (await store.createToken(`${which}-${name}`, "editor")).secret;
        callers[which].push(
          createCaller({
            store,
            requestId: `${which}-${name}`,
            authorization: `Bearer ${token}`,
            readsNeedToken: false,
          }),
        );
      }
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  const codeOf = (reason: unknown) => (reason instanceof TRPCError ? reason.code : String(reason));

  describe("two callers updating the version they both read, at the same time", () => {
    const pairs = () => [
      { name: "on one store", a: callers.first[0]!, b: callers.first[1]! },
      { name: "on two stores", a: callers.first[2]!, b: callers.second[0]! },
    ];

    it("let exactly one win; the other gets CONFLICT and the stored entity is the winner's", async () => {
      const actors = (await callers.first[0]!.actors.list({ theatreId: THEATRE, limit: 12 })).items;
      let round = 0;
      const winners = { a: 0, b: 0 };
      for (const actor of actors)
        for (const { name, a, b } of pairs()) {
          round++;
          const readByA = await a.actors.get({ theatreId: THEATRE, id: actor.data.id });
          const readByB = await b.actors.get({ theatreId: THEATRE, id: actor.data.id });
          expect(readByB.version).toBe(readByA.version);
          const dataOf = (who: string) => ({
            ...readByA.data,
            description: `edited by ${who} in round ${round}`,
          });
          const outcomes = await Promise.allSettled([
            a.actors.update({
              theatreId: THEATRE,
              id: actor.data.id,
              expectedVersion: readByA.version,
              data: dataOf("a"),
            }),
            b.actors.update({
              theatreId: THEATRE,
              id: actor.data.id,
              expectedVersion: readByB.version,
              data: dataOf("b"),
            }),
          ]);
          const won = outcomes.flatMap((outcome, i) => (outcome.status === "fulfilled" ? [i] : []));
          expect(won, `${name}, round ${round}: exactly one update succeeds`).toHaveLength(1);
          const winner = won[0]!;
          const loser = outcomes[1 - winner] as PromiseRejectedResult;
          expect(codeOf(loser.reason), `${name}, round ${round}: the other is refused`).toBe("CONFLICT");
          winners[winner === 0 ? "a" : "b"]++;
          const result = (outcomes[winner] as PromiseFulfilledResult<{ version: number; data: Actor }>).value;
          expect(result.version).toBe(readByA.version + 1);
          for (const caller of [a, b]) {
            const now = await caller.actors.get({ theatreId: THEATRE, id: actor.data.id });
            expect(now.version).toBe(readByA.version + 1);
            expect(now.data).toEqual(dataOf(winner === 0 ? "a" : "b"));
          }
          const [latest, previous] = await first.history(THEATRE, "actors", actor.data.id, { limit: 2 });
          expect((latest!.after as Actor).description).toBe(dataOf(winner === 0 ? "a" : "b").description);
          expect(previous?.version ?? 0).toBeLessThan(latest!.version);
        }
      expect(winners.a + winners.b).toBe(round);
    });

    it("let exactly one of an update and a delete of the same version through", async () => {
      const api = callers.first[0]!;
      const template = (await api.figures.list({ theatreId: THEATRE, limit: 1 })).items[0]!.data;
      const tally = { update: 0, delete: 0 };
      for (const [round, { a, b }] of [...pairs(), ...pairs(), ...pairs()].entries()) {
        const created = await api.figures.create({
          theatreId: THEATRE,
          data: { ...template, id: `race-${storeCase.dialect}-${round}` },
        });
        const id = created.data.id;
        const outcomes = await Promise.allSettled([
          a.figures.update({ theatreId: THEATRE, id, expectedVersion: 1, data: { ...created.data } }),
          b.figures.delete({ theatreId: THEATRE, id, expectedVersion: 1 }),
        ]);
        const won = outcomes.flatMap((outcome, i) => (outcome.status === "fulfilled" ? [i] : []));
        expect(won).toHaveLength(1);
        expect(codeOf((outcomes[1 - won[0]!] as PromiseRejectedResult).reason)).toBe("CONFLICT");
        const stored = await first.readTheatre(THEATRE);
        const present = stored!.document.figures.some((figure) => figure.id === id);
        if (won[0] === 0) {
          tally.update++;
          expect(present).toBe(true);
          expect(stored!.stamps.get(`figures/${id}`)?.version).toBe(2);
        } else {
          tally.delete++;
          expect(present).toBe(false);
        }
      }
      expect(tally.update + tally.delete).toBe(6);
    });
  });

  it("account for every one of 1,000 interleaved acknowledged updates from two stores", async () => {
    const TOTAL = 1000;
    const ids = ["capital", "rebels", "rebel-wing", "mediator"];
    const initial = new Map<string, number>();
    const reader = await first.readTheatre(SMALL);
    for (const id of ids) initial.set(id, reader!.stamps.get(`actors/${id}`)!.version);

    interface Ack {
      id: string;
      marker: string;
      version: number;
    }
    const acks: Ack[] = [];
    /** Markers sent in updates that were refused: none of them may be stored or recorded. */
    const refused = new Set<string>();
    let tickets = TOTAL;
    let conflicts = 0;

    const writer = async (caller: Caller, name: string, seed: number) => {
      let random = seed;
      const next = () => (random = (random * 1_103_515_245 + 12_345) % 2 ** 31);
      for (let attempt = 0; tickets > 0;) {
        tickets--;
        const id = ids[next() % ids.length]!;
        // Read, change one field to a marker no one else uses, update with the version read; retry on CONFLICT.
        for (;;) {
          const read = await caller.actors.get({ theatreId: SMALL, id });
          const marker = `${name} update ${++attempt}`;
          try {
            const result = await caller.actors.update({
              theatreId: SMALL,
              id,
              expectedVersion: read.version,
              data: { ...read.data, description: marker },
            });
            acks.push({ id, marker, version: result.version });
            break;
          } catch (error) {
            if (codeOf(error) !== "CONFLICT") throw error;
            conflicts++;
            refused.add(marker);
          }
        }
      }
    };
    const started = performance.now();
    await Promise.all([
      ...callers.first.map((caller, i) => writer(caller, `first-${i}`, i + 1)),
      ...callers.second.map((caller, i) => writer(caller, `second-${i}`, i + 101)),
    ]);
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `${storeCase.dialect}: ${acks.length} acknowledged updates, ${conflicts} conflicts retried, ${seconds.toFixed(1)} s`,
    );
    expect(acks).toHaveLength(TOTAL);
    expect(conflicts, "the writers really did collide").toBeGreaterThan(0);
    expect(new Set(acks.map((ack) => ack.marker)).size).toBe(TOTAL);

    // Both stores, each with its own cache, see the same final state.
    const [fromFirst, fromSecond] = [await first.readTheatre(SMALL), await second.readTheatre(SMALL)];
    expect(fromSecond!.record.revision).toBe(fromFirst!.record.revision);
    for (const id of ids) {
      const mine = acks.filter((ack) => ack.id === id).sort((x, y) => x.version - y.version);
      const start = initial.get(id)!;
      const final = fromFirst!.stamps.get(`actors/${id}`)!.version;
      expect(fromSecond!.stamps.get(`actors/${id}`)!.version).toBe(final);
      expect(mine.length, `acknowledged updates of ${id} = final version − initial version`).toBe(
        final - start,
      );
      // Each acknowledged update got its own version: start + 1, start + 2, … final.
      expect(mine.map((ack) => ack.version)).toEqual(mine.map((_, i) => start + 1 + i));
      const stored = fromFirst!.document.actors.find((actor) => actor.id === id)!;
      expect(stored).toEqual(fromSecond!.document.actors.find((actor) => actor.id === id));
      if (mine.length) expect(stored.description).toBe(mine.at(-1)!.marker);

      const history: HistoryEntry[] = await second.history(SMALL, "actors", id, { limit: 100_000 });
      const since = history.filter((entry) => entry.version > start).reverse();
      expect(since.every((entry) => entry.operation === "update")).toBe(true);
      const recorded = since.map((entry) => (entry.after as Actor).description);
      // Every acknowledged marker exactly once, in version order, and nothing else (no refused marker).
      expect(recorded).toEqual(mine.map((ack) => ack.marker));
      expect(since.map((entry) => entry.version)).toEqual(mine.map((ack) => ack.version));
      expect(recorded.filter((marker) => refused.has(marker))).toEqual([]);
      // No lost update: each change started from the state the one before it left.
      for (let i = 1; i < since.length; i++)
        expect((since[i]!.before as Actor).description).toBe(recorded[i - 1]);
      const sequences = since.map((entry) => entry.sequence);
      expect(sequences).toEqual([...sequences].sort((x, y) => x - y));
    }
  });
});
