/**
 * Several processes on one database: each counts one actor's description up from the version it read and
 * retries on a conflict. Every acknowledged update must be there (no lost update), each exactly once in the
 * history, whichever process's cache was stale.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { smallTheatre } from "@parley/domain/testing";
import { describe, expect, it } from "vitest";
import { storeCases } from "../stores";
import { sqliteIntegrity } from "./raw-database";

const fixture = fileURLToPath(new URL("./fixtures/count-up.ts", import.meta.url));
const packageDirectory = fileURLToPath(new URL("../..", import.meta.url));
const PROCESSES = 3;
const TIMES = 15;

interface Child {
  ready: Promise<void>;
  go(): void;
  finished: Promise<{ conflicts: number }>;
}

function countUp(location: string): Child {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, location, "rebels", String(TIMES)], {
    cwd: packageDirectory,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  let result: { conflicts: number } | undefined;
  const ready = new Promise<void>((resolve) =>
    lines.on("line", (line) => {
      if (line === "ready") resolve();
      else result = JSON.parse(line) as { conflicts: number };
    }),
  );
  const finished = new Promise<{ conflicts: number }>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 && result
        ? resolve(result)
        : reject(new Error(`a counting process failed (${code}): ${stderr}`)),
    );
  });
  return { ready, finished, go: () => child.stdin.write("go\n") };
}

describe.each(storeCases())("processes sharing one $dialect database", (storeCase) => {
  it(`lose no update: ${PROCESSES} processes × ${TIMES} increments from the version each read`, async () => {
    const { store, location } = await storeCase.open(() => [smallTheatre()]);
    try {
      const rebels = (await store.readTheatre("ruritania"))!.document.actors[1]!;
      await store.mutate("ruritania", "test", () => [
        {
          operation: "update",
          kind: "actors",
          id: "rebels",
          expectedVersion: 1,
          data: { ...rebels, description: "count 0" },
        },
      ]);
      const children = Array.from({ length: PROCESSES }, () => countUp(location));
      await Promise.all(children.map((child) => child.ready));
      for (const child of children) child.go();
      await Promise.all(children.map((child) => child.finished));

      const total = PROCESSES * TIMES;
      const stored = (await store.readTheatre("ruritania"))!;
      expect(stored.document.actors[1]!.description).toBe(`count ${total}`);
      expect(stored.stamps.get("actors/rebels")!.version).toBe(2 + total);
      expect(stored.record.revision).toBe(1 + total);
      const history = await store.history("ruritania", "actors", "rebels", { limit: 1000 });
      expect(history.map((entry) => (entry.after as { description: string }).description)).toEqual([
        ...Array.from({ length: total + 1 }, (_, i) => `count ${total - i}`),
        "Rebels.",
      ]);
      expect(new Set(history.slice(0, total).map((entry) => entry.by)).size).toBe(PROCESSES);
    } finally {
      await store.close();
    }
    if (storeCase.dialect === "sqlite") expect(sqliteIntegrity(location)).toBe("ok");
  });
});
