import { parseArgs } from "node:util";
import type { Config } from "../../env";
import { startServer, type RunningServer } from "../../http/server";
import { EXIT, UsageError, type Output } from "../io";
import { databaseName, openConfiguredStore } from "../open-configured-store";
import { absolute } from "../select-theatres";

export const serveUsage = `serve [--port N] [--host HOST] [--db FILE]
  Starts the API server (tRPC under /trpc/, health at /health) on 127.0.0.1:4010 by default, on the
  SQLite file FILE (default data/parley.sqlite, created and loaded with the shipped theatres on first
  start) or on PostgreSQL when DATABASE_URL is set. Stops gracefully on SIGINT/SIGTERM. Environment:
  PARLEY_PORT, PARLEY_HOST, PARLEY_DB, DATABASE_URL, PARLEY_CORS_ORIGINS (comma-separated origins),
  PARLEY_READS (open or token), PARLEY_MAX_BODY_MB (default 10).`;

export async function serveCommand(args: string[], config: Config, io: Output): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: "string" }, host: { type: "string" }, db: { type: "string" } },
  });
  const port = values.port === undefined ? config.port : Number(values.port);
  if ((values.port !== undefined && !/^\d+$/.test(values.port)) || port > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  if (values.host === "") throw new UsageError("--host must name an address, e.g. 127.0.0.1");
  const settings = {
    ...config,
    ...(values.db !== undefined && { sqlitePath: absolute(config, values.db), databaseUrl: undefined }),
  };
  const host = values.host ?? config.host;
  // The request log goes to stderr; a reader that goes away (`2>&1 | head`) must not stop the server.
  process.stderr.on("error", () => undefined);
  const store = await openConfiguredStore(settings);
  let server: RunningServer;
  try {
    server = await startServer({
      store,
      host,
      port,
      corsOrigins: config.corsOrigins,
      readsNeedToken: config.readsNeedToken,
      maxBodyBytes: config.maxBodyBytes,
    });
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE")
      throw new UsageError(`${host}:${port} is already in use; choose another --port`);
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EACCES")
      throw new UsageError(`cannot listen on ${host}:${port} (${code}); choose another --host or --port`);
    throw error;
  }
  const theatres = await store.listTheatres();
  io.out(`Parley is serving ${server.url} (API at ${server.url}/trpc, health at ${server.url}/health)`);
  io.out(
    `database: ${store.dialect} ${databaseName(settings)}; theatres: ${theatres.map((t) => t.id).join(", ") || "(none)"}`,
  );
  io.out(
    `reads are ${config.readsNeedToken ? "for token holders only" : "open"}; writes need a token: pnpm parley token create --name NAME --role editor`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      io.out("stopping: finishing requests in flight …");
      void server.close().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return EXIT.ok;
}
