import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { appRouter } from "../trpc/app-router";
import { createContextFactory } from "../trpc/context";
import type { Store } from "../store/store";
import { applyCors } from "./cors";
import { BodyTooLarge, readBody } from "./read-body";
import { ResponseCache } from "./response-cache";
import { stderrLogger, type Logger } from "./request-log";
import { createTrpcHandler } from "./trpc-handler";

export interface ServerOptions {
  store: Store;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  corsOrigins?: readonly string[];
  readsNeedToken?: boolean;
  maxBodyBytes?: number;
  logger?: Logger;
  /** Reported by /health. */
  version?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish, then closes the store. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 100 * 1024 * 1024;
const TRPC_PREFIX = "/trpc/";

/** Parley's HTTP server: the tRPC API under /trpc/, and /health. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { store, corsOrigins = [], logger = stderrLogger, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const started = Date.now();
  const handleTrpc = createTrpcHandler({
    router: appRouter,
    createContext: createContextFactory(store, { readsNeedToken: options.readsNeedToken ?? false }),
    ...(!options.readsNeedToken && { cache: new ResponseCache((inputs) => theatreRevisions(store, inputs)) }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR")
        logger({
          level: "error",
          event: "procedure-failed",
          path,
          message: error.message,
          stack: (error.cause ?? error).stack,
        });
    },
  });
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const begun = performance.now();
    const requestId = safeRequestId(req.headers["x-request-id"]) ?? randomUUID();
    res.setHeader("x-request-id", requestId);
    let procedure: string | undefined;
    try {
      if (closing) res.setHeader("connection", "close");
      if (applyCors(req, res, corsOrigins)) return;
      const url = new URL(req.url ?? "/", "http://parley.invalid");
      if (url.pathname === "/health") {
        sendJson(res, 200, {
          status: "ok",
          database: store.dialect,
          uptimeSeconds: Math.round((Date.now() - started) / 1000),
          version: options.version ?? "0.1.0",
        });
        return;
      }
      if (!url.pathname.startsWith(TRPC_PREFIX)) {
        sendJson(res, 404, {
          error: {
            message: `nothing at ${url.pathname}: the API is under ${TRPC_PREFIX}, health at /health`,
          },
        });
        return;
      }
      procedure = url.pathname.slice(TRPC_PREFIX.length);
      const body = req.method === "POST" ? await readBody(req, maxBodyBytes) : undefined;
      await handleTrpc({ req, res, path: procedure, url, body, requestId });
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.setHeader("connection", "close");
        sendJson(res, 413, {
          error: { message: error.message, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } },
        });
      } else {
        logger({
          level: "error",
          event: "request-failed",
          requestId,
          message: String((error as Error)?.stack ?? error),
        });
        if (!res.headersSent)
          sendJson(res, 500, {
            error: { message: "internal error; see the server log", data: { requestId } },
          });
        else res.destroy();
      }
    } finally {
      logger({
        level: "info",
        event: "request",
        requestId,
        method: req.method,
        path: req.url?.split("?")[0],
        procedure,
        status: res.statusCode,
        ms: Math.round((performance.now() - begun) * 100) / 100,
      });
    }
  };

  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    inFlight++;
    res.on("close", () => {
      inFlight--;
      if (closing && inFlight === 0) drained?.();
    });
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  logger({ level: "info", event: "listening", url: `http://${host}:${port}`, database: store.dialect });

  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      if (closing) return;
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      server.closeAllConnections();
      await stopped;
      await store.close();
      logger({ level: "info", event: "stopped" });
    },
  };
}

/**
 * The state a read depends on: the revisions of the theatres its inputs name. Reads that name no theatre
 * (the list of theatres, search across theatres) are not cached. Only open reads are cached, since a
 * cached answer skips the procedures' token check.
 */
async function theatreRevisions(store: Store, inputs: readonly unknown[]): Promise<string | undefined> {
  const revisions: string[] = [];
  for (const input of inputs) {
    const theatreId = (input as { theatreId?: unknown } | undefined)?.theatreId;
    if (typeof theatreId !== "string") return undefined;
    const stored = await store.readTheatre(theatreId);
    if (!stored) return undefined;
    revisions.push(`${theatreId}@${stored.record.revision}`);
  }
  return revisions.join(",");
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

function safeRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === "string" && /^[\w.:-]{1,100}$/.test(header) ? header : undefined;
}
