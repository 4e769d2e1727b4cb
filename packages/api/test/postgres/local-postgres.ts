import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A throwaway PostgreSQL cluster on 127.0.0.1, started from Debian's binaries for one test run. */
export interface LocalPostgres {
  url: string;
  stop(): void;
}

export function findPostgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, "bin")).find((bin) => existsSync(join(bin, "initdb")));
}

export async function startLocalPostgres(bin: string): Promise<LocalPostgres> {
  const directory = mkdtempSync(join(tmpdir(), "parley-pg-"));
  const data = join(directory, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    execFileSync(
      asRoot ? runuser() : join(bin, command),
      asRoot ? ["-u", "postgres", "--", join(bin, command), ...args] : args,
      {
        stdio: "pipe",
      },
    );
  if (asRoot) chownSync(directory, postgresUid(), postgresUid("g"));
  // A UTF-8 character type, as real clusters have: under plain C, full-text search lowercases ASCII only.
  run("initdb", [
    "-D",
    data,
    "--auth=trust",
    "-U",
    "postgres",
    "--encoding=UTF8",
    "--locale=C",
    "--lc-ctype=C.UTF-8",
  ]);
  run("pg_ctl", [
    "-D",
    data,
    "-l",
    join(directory, "log"),
    "-o",
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${directory} -c fsync=off`,
    "-w",
    "start",
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}`,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}

/** runuser lives in an sbin directory that a minimal PATH may leave out. */
function runuser(): string {
  return ["/usr/sbin/runuser", "/sbin/runuser"].find(existsSync) ?? "runuser";
}

function postgresUid(which: "u" | "g" = "u"): number {
  return Number(execFileSync("id", [`-${which}`, "postgres"], { encoding: "utf8" }).trim());
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
