import { spawn } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { captureOutput, temporaryDirectory, testConfig } from "../../../test/helpers";
import { EXIT } from "../io";
import { runCli } from "../main";

const main = fileURLToPath(new URL("../main.ts", import.meta.url));

it("parley serve creates and loads the database, answers, and stops cleanly on SIGTERM", async () => {
  const database = join(temporaryDirectory(), "first-start.sqlite");
  const server = spawn(
    process.execPath,
    ["--import", "tsx", main, "serve", "--port", "0", "--db", database],
    {
      stdio: ["ignore", "pipe", "ignore"],
      env: withoutDatabaseUrl(),
    },
  );
  const lines = createInterface({ input: server.stdout })[Symbol.asyncIterator]();
  const first = (await lines.next()).value as string;
  const url = /serving (http:\S+)/.exec(first)![1]!;
  expect((await lines.next()).value).toMatch(`database: sqlite ${database}; theatres: afghanistan`);

  const health = (await (await fetch(`${url}/health`)).json()) as { database: string };
  expect(health.database).toBe("sqlite");
  const list = await fetch(
    `${url}/trpc/actors.list?input=${encodeURIComponent(JSON.stringify({ theatreId: "afghanistan", limit: 1 }))}`,
  );
  expect(list.status).toBe(200);

  const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
  server.kill("SIGTERM");
  expect(await exited).toBe(0);
});

function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return env;
}

it("parley serve says clearly when it cannot listen, and when the port is not a port", async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  const { port } = taken.address() as AddressInfo;
  const io = captureOutput();
  expect(await runCli(["serve", "--port", String(port)], testConfig(), io)).toBe(EXIT.usage);
  expect(io.stderr.join("\n")).toMatch(
    `parley serve: 127.0.0.1:${port} is already in use; choose another --port`,
  );
  taken.close();

  const bad = captureOutput();
  expect(await runCli(["serve", "--port", "80a"], testConfig(), bad)).toBe(EXIT.usage);
  expect(bad.stderr.join("\n")).toMatch('--port must be a whole number from 0 to 65535, not "80a"');
});
