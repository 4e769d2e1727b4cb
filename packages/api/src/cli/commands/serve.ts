import { parseArgs } from "node:util";
import type { Config } from "../../env";
import { startServer } from "../../http/server";
import { EXIT, UsageError, type Output } from "../io";
import { databaseName, openConfiguredStore } from "../open-configured-store";

export const serveUsage = `serve [--port N] [--host HOST] [--db FILE]
  Starts the API server (tRPC under /trpc/, health at /health) on 127.0.0.1:4010 by default, on the
  SQLite file FILE (default data/parley.sqlite, created and loaded with the shipped theatres on first
  start) or on PostgreSQL when DATABASE_URL is set. Stops gracefully on SIGINT/SIGTERM.`;

export async function serveCommand(args: string[], config: Config, io: Output): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: "string" }, host: { type: "string" }, db: { type: "string" } },
  });
  const port = values.port === undefined ? config.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535, not ${values.port}`);
  const settings = {
    ...config,
    ...(values.db !== undefined && { sqlitePath: values.db, databaseUrl: undefined }),
  };
  const store = await openConfiguredStore(settings);
  const server = await startServer({
    store,
    host: values.host ?? config.host,
    port,
    corsOrigins: config.corsOrigins,
    readsNeedToken: config.readsNeedToken,
  });
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
