import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { TRPCError, type AnyTRPCRouter } from "@trpc/server";
import { appRouter } from "../trpc/app-router";
import { createContextFactory } from "../trpc/context";
import type { Store } from "../store/store";
import { applyCors } from "./cors";
import { errorAnswer } from "./error-answer";
import { BodyTooLarge, readBody, refuseBody } from "./read-body";
import { stderrLogger, type Logger } from "./request-log";
import { ResponseCache } from "./response-cache";
import { sendJson } from "./send-json";
import { createTrpcHandler, type RequestFacts } from "./trpc-handler";

/** Parley's API on a store, or (for tests and embedding) any router with its context factory. */
export type ServedApi =
  | { store: Store; router?: undefined; createContext?: undefined }
  | {
      router: AnyTRPCRouter;
      createContext: (request: RequestFacts) => Promise<unknown>;
      /** Reported by /health and closed last on shutdown, when given. */
      store?: Store;
    };

export type ServerOptions = ServedApi & {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Origins allowed to call from a browser; `*` allows any. Others get no CORS headers. */
  corsOrigins?: readonly string[];
  readsNeedToken?: boolean;
  maxBodyBytes?: number;
  logger?: Logger;
  /** How long close() waits for requests in flight before cutting their connections. */
  shutdownGraceMs?: number;
  /** Keep answers to open reads until their theatre changes (default true); benchmarks turn it off to compare. */
  cacheReads?: boolean;
};

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish, then closes the store. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const TRPC_PREFIX = "/trpc/";
const VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** Parley's HTTP server: the tRPC API under /trpc/, and /health. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { store, corsOrigins = [], logger = stderrLogger, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const readsNeedToken = options.readsNeedToken ?? false;
  const router = options.router ?? appRouter;
  const createContext = options.router
    ? options.createContext
    : createContextFactory(options.store, { readsNeedToken });
  const started = Date.now();
  const handleTrpc = createTrpcHandler({
    router,
    createContext,
    // A cached answer skips the procedures, their token checks included: only for open reads of Parley's API.
    ...(!readsNeedToken &&
      !options.router &&
      options.cacheReads !== false && {
        cache: new ResponseCache((inputs) => theatreStates(options.store, inputs)),
      }),
    maxBodyBytes,
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR")
        logger({
          time: new Date().toISOString(),
          level: "error",
          event: "procedure-failed",
          path,
          message: error.message,
          stack: (error.cause ?? error).stack,
        });
    },
  });
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  let drained: (() => void) | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const begun = performance.now();
    const requestId = safeRequestId(req.headers["x-request-id"]) ?? randomUUID();
    res.setHeader("x-request-id", requestId);
    if (closing) res.setHeader("connection", "close");
    let procedure: string | undefined;
    res.once("close", () =>
      logger({
        time: new Date().toISOString(),
        level: "info",
        event: "request",
        requestId,
        method: req.method,
        path: requestPath(req.url),
        procedure,
        // Cut short (the client went away, or shutdown outlasted its grace): no status was answered.
        ...(res.writableFinished ? { status: res.statusCode } : { aborted: true }),
        ms: Math.round((performance.now() - begun) * 100) / 100,
      }),
    );
    try {
      if (applyCors(req, res, corsOrigins)) return;
      const target = requestTarget(req.url);
      if (!target) {
        const message = "the request target is not a valid URL path";
        return errorAnswer(res, router, new TRPCError({ code: "BAD_REQUEST", message }));
      }
      if (target.pathname === "/health") {
        sendJson(res, 200, {
          status: "ok",
          database: store?.dialect ?? "none",
          uptimeSeconds: Math.round((Date.now() - started) / 1000),
          version: VERSION,
        });
        return;
      }
      if (!target.pathname.startsWith(TRPC_PREFIX)) {
        const message = `nothing at ${target.pathname}: the API is under ${TRPC_PREFIX}, health at /health`;
        return errorAnswer(res, router, new TRPCError({ code: "NOT_FOUND", message }));
      }
      const path = target.pathname.slice(TRPC_PREFIX.length);
      procedure = readablePath(path);
      refuseBody(req, maxBodyBytes);
      const body = () => readBody(req, maxBodyBytes);
      await handleTrpc({ req, res, path, query: target.query, readBody: body, requestId });
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.setHeader("connection", "close");
        const message = `${error.message}; a server started with a larger PARLEY_MAX_BODY_MB accepts more`;
        errorAnswer(res, router, new TRPCError({ code: "PAYLOAD_TOO_LARGE", message }), procedure);
        return;
      }
      if (req.errored || req.destroyed) return; // the client went away mid-request: nothing to answer
      logger({
        time: new Date().toISOString(),
        level: "error",
        event: "request-failed",
        requestId,
        message: String((error as Error)?.stack ?? error),
      });
      if (!res.headersSent) {
        const message = `internal error (request ${requestId}); see the server log`;
        errorAnswer(res, router, new TRPCError({ code: "INTERNAL_SERVER_ERROR", message }));
      } else res.destroy();
    }
  };

  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    inFlight.add(res);
    res.once("close", () => {
      inFlight.delete(res);
      if (closing && inFlight.size === 0) drained?.();
    });
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) =>
    logger({ time: new Date().toISOString(), level: "error", event: "server-error", message: String(error) }),
  );
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  const url = `http://${host}:${port}`;
  logger({
    time: new Date().toISOString(),
    level: "info",
    event: "listening",
    url,
    database: store?.dialect,
  });

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closed ??= (async () => {
        closing = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
        server.closeIdleConnections();
        if (inFlight.size > 0) {
          let timer: NodeJS.Timeout | undefined;
          await new Promise<void>((resolve) => {
            drained = resolve;
            timer = setTimeout(resolve, options.shutdownGraceMs ?? 10_000);
          });
          clearTimeout(timer);
        }
        server.closeAllConnections();
        await stopped;
        await store?.close();
        logger({ time: new Date().toISOString(), level: "info", event: "stopped" });
      })();
      return closed;
    },
  };
}

/**
 * The state a read depends on: each theatre its inputs name, by creation time (a theatre deleted and
 * imported again starts its revisions afresh) and revision. Reads that name no theatre (the list of
 * theatres, search across theatres) are not cached.
 */
async function theatreStates(store: Store, inputs: readonly unknown[]): Promise<string | undefined> {
  const states: string[] = [];
  for (const input of inputs) {
    const theatreId = (input as { theatreId?: unknown } | undefined)?.theatreId;
    if (typeof theatreId !== "string") return undefined;
    const stored = await store.readTheatre(theatreId);
    if (!stored) return undefined;
    states.push(`${theatreId}@${stored.record.createdAt}#${stored.record.revision}`);
  }
  return states.join(",");
}

function requestTarget(raw: string | undefined): { pathname: string; query: URLSearchParams } | undefined {
  try {
    const url = new URL(raw ?? "/", "http://localhost");
    return { pathname: url.pathname, query: url.searchParams };
  } catch {
    return undefined;
  }
}

/** The path of a request target, for the log: never its query, which holds the input. */
function requestPath(raw: string | undefined): string {
  return (raw ?? "").split("?", 1)[0]!.slice(0, 300);
}

function readablePath(path: string): string {
  try {
    return decodeURIComponent(path).slice(0, 300);
  } catch {
    return path.slice(0, 300);
  }
}

function safeRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === "string" && /^[\w.:-]{1,100}$/.test(header) ? header : undefined;
}
