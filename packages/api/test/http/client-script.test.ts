import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http/server";
import { openStore } from "../../src/store/open-store";
import { temporaryDirectory } from "../helpers";
import { afghanistanTheatre } from "../shipped-theatres";

const script = fileURLToPath(new URL("../../examples/client-script.ts", import.meta.url));
let server: RunningServer;
let token: string;

beforeAll(async () => {
  const store = await openStore({
    sqlitePath: join(temporaryDirectory(), "parley.sqlite"),
    seed: () => [afghanistanTheatre()],
  });
  token = (await store.createToken("script", "editor")).secret;
  server = await startServer({ store, port: 0, logger: () => undefined });
});
afterAll(() => server.close());

it("the README's client script reads, analyses, edits with a token and exports", async () => {
  const exported = join(temporaryDirectory(), "export.json");
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, PARLEY_URL: server.url, PARLEY_TOKEN: token, PARLEY_EXPORT: exported },
  });
  expect(stdout).toMatch(/^theatres: afghanistan \(\d+ actors, revision 0\)/);
  expect(stdout).toMatch(/edited is-kp: now version 2, by script/);
  const document = JSON.parse(readFileSync(exported, "utf8"));
  expect(document.actors.find((a: { id: string }) => a.id === "is-kp").aliases).toContain("Wilayat Khorasan");
});
