import type { IncomingMessage, ServerResponse } from "node:http";
import {
  getErrorShape,
  getTRPCErrorFromUnknown,
  type AnyTRPCProcedure,
  type AnyTRPCRouter,
  type TRPCError,
} from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import type { ResponseCache } from "./response-cache";

export interface TrpcHandlerOptions<Context> {
  router: AnyTRPCRouter;
  createContext: (request: { authorization: string | undefined; requestId: string }) => Promise<Context>;
  onError?: (failure: { error: TRPCError; path: string | undefined }) => void;
  /** Keeps successful GET answers while `tagOf` says their inputs' state is unchanged. */
  cache?: ResponseCache;
}

export interface TrpcRequest {
  req: IncomingMessage & { body?: string };
  res: ServerResponse;
  /** The procedure path(s) after the tRPC prefix, e.g. `actors.list` or `actors.list,issues.get`. */
  path: string;
  url: URL;
  /** The body already read (POST), or undefined. */
  body: string | undefined;
  requestId: string;
}

interface Call {
  path: string;
  procedure: AnyTRPCProcedure;
  input: unknown;
}

const METHOD_OF = { query: "GET", mutation: "POST" } as const;

/**
 * tRPC's HTTP protocol on plain node:http. Plain queries and mutations, single or batched, are answered
 * here directly, building the same JSON and statuses as tRPC's own adapters without converting each request
 * to a Fetch `Request` (which cost ~10× a raw server's time per request). Everything else (streaming,
 * subscriptions, unknown paths, wrong methods, unparsable input, other content types) goes to the official
 * node-http handler, so every official link and every error stays exactly as tRPC makes it.
 */
export function createTrpcHandler<Context>(options: TrpcHandlerOptions<Context>) {
  const { router, createContext, onError, cache } = options;
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure | undefined>;
  const config = router._def._config;

  const official = (request: TrpcRequest) => {
    if (request.body !== undefined) request.req.body = request.body;
    return nodeHTTPRequestHandler({
      router,
      req: request.req,
      res: request.res,
      path: request.path,
      createContext: () =>
        createContext({ authorization: request.req.headers.authorization, requestId: request.requestId }),
      onError: ({ error, path }) => onError?.({ error, path }),
    });
  };

  return async function handle(request: TrpcRequest): Promise<void> {
    const calls = plainCalls(request, procedures);
    if (!calls) return official(request);
    const { req, res } = request;
    const cacheKey = cache && req.method === "GET" ? (req.url ?? "") : undefined;
    const tag =
      cacheKey === undefined ? undefined : await cache!.tagOf(calls.items.map((call) => call.input));
    const cached = tag === undefined ? undefined : cache!.get(cacheKey!, tag);
    if (cached !== undefined) return sendJson(res, 200, cached);
    let ctx: Context | undefined;
    let contextError: TRPCError | undefined;
    try {
      ctx = await createContext({ authorization: req.headers.authorization, requestId: request.requestId });
    } catch (cause) {
      contextError = getTRPCErrorFromUnknown(cause);
    }
    const outcomes = await Promise.all(
      calls.items.map(async (call, batchIndex) => {
        try {
          if (contextError) throw contextError;
          const data: unknown = await call.procedure({
            path: call.path,
            getRawInput: () => Promise.resolve(call.input),
            ctx,
            type: call.procedure._def.type,
            signal: undefined,
            batchIndex,
          });
          return { body: { result: { data } }, status: 200 };
        } catch (cause) {
          const error = getTRPCErrorFromUnknown(cause);
          onError?.({ error, path: call.path });
          const shape = getErrorShape({
            config,
            ctx,
            error,
            input: call.input,
            path: call.path,
            type: call.procedure._def.type,
          });
          const status = (shape.data as { httpStatus?: unknown } | undefined)?.httpStatus;
          return {
            body: { error: shape },
            status: typeof status === "number" ? status : getHTTPStatusCodeFromError(error),
          };
        }
      }),
    );
    const statuses = new Set(outcomes.map((o) => o.status));
    const status = statuses.size === 1 ? outcomes[0]!.status : 207;
    const json = JSON.stringify(calls.batch ? outcomes.map((o) => o.body) : outcomes[0]!.body);
    if (tag !== undefined && status === 200) cache!.set(cacheKey!, tag, json);
    sendJson(res, status, json);
  };
}

function sendJson(res: ServerResponse, status: number, json: string): void {
  res.writeHead(status, {
    "content-type": "application/json",
    vary: "trpc-accept, accept",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
}

/** The calls of a plain query or mutation request, or undefined when the official handler should answer. */
function plainCalls(
  request: TrpcRequest,
  procedures: Record<string, AnyTRPCProcedure | undefined>,
): { batch: boolean; items: Call[] } | undefined {
  const { req, url } = request;
  if (req.method !== "GET" && req.method !== "POST") return undefined;
  const accept = req.headers["trpc-accept"] ?? "";
  if (accept !== "" || req.headers["content-type"]?.startsWith("multipart/")) return undefined;
  const contentType = req.headers["content-type"];
  if (req.method === "POST" && contentType !== undefined && !contentType.startsWith("application/json"))
    return undefined;
  const batch = url.searchParams.get("batch") === "1";
  let paths: string[];
  try {
    paths = batch ? decodeURIComponent(request.path).split(",") : [decodeURIComponent(request.path)];
  } catch {
    return undefined;
  }
  const raw = req.method === "GET" ? url.searchParams.get("input") : request.body;
  let input: unknown;
  if (raw !== null && raw !== undefined && raw !== "") {
    try {
      input = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (batch && input !== undefined && (typeof input !== "object" || input === null || Array.isArray(input)))
    return undefined;
  const items: Call[] = [];
  for (const [index, path] of paths.entries()) {
    const procedure = procedures[path];
    const type = procedure?._def.type;
    if (!procedure || (type !== "query" && type !== "mutation") || METHOD_OF[type] !== req.method)
      return undefined;
    items.push({
      path,
      procedure,
      input: batch ? (input as Record<string, unknown> | undefined)?.[String(index)] : input,
    });
  }
  return { batch, items };
}
