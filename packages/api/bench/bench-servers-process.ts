import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface BenchServers {
  /** The Parley server's URL, and an editor token for it. */
  parley: string;
  token: string;
  /** A raw node:http server answering `body` to every request. */
  startRaw(body: string): Promise<string>;
  stop(): void;
}

/**
 * Starts `bench-servers.ts` in a child process, so the load generator here does not share the servers'
 * core. With `profile`, the child writes a CPU profile into that directory when it stops.
 */
export async function startBenchServers(profile?: string): Promise<BenchServers> {
  const flags = profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(
    process.execPath,
    [...flags, "--import", "tsx", new URL("./bench-servers.ts", import.meta.url).pathname],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => JSON.parse((await lines.next()).value as string) as Record<string, string>;
  const { parley, token } = await next();
  return {
    parley: parley!,
    token: token!,
    async startRaw(body) {
      child.stdin.write(`${JSON.stringify(body)}\n`);
      return (await next()).raw!;
    },
    stop: () => child.kill("SIGTERM"),
  };
}
