import type { IncomingMessage, ServerResponse } from "node:http";
import {
  getErrorShape,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
  TRPCError,
  type AnyTRPCRouter,
} from "@trpc/server";
import { getHTTPStatusCode } from "@trpc/server/http";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import type { ResponseCache } from "./response-cache";
import { plainCalls, plainRoute, procedureMap, type PlainCall } from "./trpc-calls";
import { sendJson } from "./send-json";

/** What a context is made from: the request's credentials and its id, nothing else. */
export interface RequestFacts {
  authorization: string | undefined;
  requestId: string;
}

export interface TrpcHandlerOptions<Context> {
  router: AnyTRPCRouter;
  createContext: (request: RequestFacts) => Promise<Context>;
  onError?: (failure: { error: TRPCError; path: string | undefined }) => void;
  /** Keeps successful anonymous GET answers while `tagOf` says the state they were computed from is unchanged. */
  cache?: ResponseCache;
  /** Passed to the official handler, which reads the bodies the server did not. */
  maxBodyBytes?: number;
}

export interface TrpcRequest {
  req: IncomingMessage;
  res: ServerResponse;
  /** The procedure path(s) after the tRPC prefix, still URL-encoded: `actors.list` or `a,b` in a batch. */
  path: string;
  query: URLSearchParams;
  /** Reads the whole body as text (refusing one over the server's limit); called at most once. */
  readBody: () => Promise<string>;
  requestId: string;
}

type Outcome = { ok: true; data: unknown } | { ok: false; error: TRPCError };
/**
 * Whether any call of the request has read its input. tRPC parses a request's inputs once, for all its
 * calls, and shows an error formatter a call's input only once they have been parsed.
 */
interface InputsRead {
  read: boolean;
}
type ResponseItem = { result: { data: unknown } } | { error: unknown };

/**
 * tRPC's HTTP protocol on plain node:http. Plain JSON queries and mutations, single or batched, are answered
 * here, with the same JSON, error shapes and statuses as tRPC's own adapters but without converting each
 * request and response to Fetch API objects (which cost several times a raw server's work per request).
 * Everything else (streaming, subscriptions, other content types, unknown paths, wrong methods, input that
 * is not JSON) goes to the official node-http handler, so every official link and error stays tRPC's own.
 */
export function createTrpcHandler<Context>(options: TrpcHandlerOptions<Context>) {
  const { router, createContext, onError, cache } = options;
  const procedures = procedureMap(router);
  const config = router._def._config;
  const deserialize = (value: unknown) => config.transformer.input.deserialize(value) as unknown;

  /** tRPC's own handler; `body` when this handler has already read it. */
  const official = (request: TrpcRequest, body?: string) => {
    const req = request.req as IncomingMessage & { body?: string };
    if (body !== undefined) req.body = body;
    return nodeHTTPRequestHandler({
      router,
      req,
      res: request.res,
      path: request.path,
      ...(options.maxBodyBytes !== undefined && { maxBodySize: options.maxBodyBytes }),
      createContext: () =>
        createContext({ authorization: req.headers.authorization, requestId: request.requestId }),
      onError: ({ error, path }) => onError?.({ error, path }),
    });
  };

  async function run(
    call: PlainCall,
    batchIndex: number,
    context: () => Context,
    inputs: InputsRead,
  ): Promise<Outcome> {
    try {
      const data: unknown = await call.procedure({
        path: call.path,
        getRawInput: () => {
          inputs.read = true;
          return Promise.resolve(call.input);
        },
        ctx: context(),
        type: call.procedure._def.type,
        signal: undefined,
        batchIndex,
      });
      return { ok: true, data };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      onError?.({ error, path: call.path });
      return { ok: false, error };
    }
  }

  return async function handle(request: TrpcRequest): Promise<void> {
    const { req, res } = request;
    const route = plainRoute({ ...request, method: req.method, headers: req.headers }, procedures);
    if (!route) return official(request);
    const body = route.inputIn === "body" ? await request.readBody() : undefined;
    const calls = plainCalls(route, body ?? request.query.get("input"), deserialize);
    if (!calls) return official(request, body);
    const plan = { batch: route.batch, calls };

    const cacheKey =
      cache && req.method === "GET" && req.headers.authorization === undefined ? req.url : undefined;
    const tag = cacheKey === undefined ? undefined : await cache!.tagOf(plan.calls.map((c) => c.input));
    const cached = tag === undefined ? undefined : cache!.get(cacheKey!, tag);
    if (cached) return sendJson(res, 200, cached);

    let ctx: Context | undefined;
    let contextError: TRPCError | undefined;
    try {
      ctx = await createContext({ authorization: req.headers.authorization, requestId: request.requestId });
    } catch (cause) {
      contextError = getTRPCErrorFromUnknown(cause);
    }
    const context = () => {
      if (contextError) throw contextError;
      return ctx as Context;
    };
    const inputs: InputsRead = { read: false };
    const outcomes = await Promise.all(plan.calls.map((call, index) => run(call, index, context, inputs)));

    const { items, errors } = answerItems(plan, outcomes, (error, call, withInput) =>
      getErrorShape({
        config,
        ctx,
        error,
        input: withInput && inputs.read ? call?.input : undefined,
        path: call?.path,
        type: (call ?? plan.calls[0]!).procedure._def.type,
      }),
    );
    const status = getHTTPStatusCode(items as Parameters<typeof getHTTPStatusCode>[0], errors as TRPCError[]);
    const answer = Buffer.from(
      JSON.stringify(transformTRPCResponse(config, (plan.batch ? items : items[0]!) as never)),
    );
    if (tag !== undefined && status === 200) cache!.set(cacheKey!, tag, answer);
    sendJson(res, status, answer);
  };
}

/**
 * The JSON items of an answer and the errors behind them, as tRPC builds them. A stream-like result (which
 * only streaming answers can carry) fails its call; for a single call tRPC fails the whole request, its
 * error then showing no path or input.
 */
function answerItems(
  plan: { batch: boolean; calls: PlainCall[] },
  outcomes: Outcome[],
  shape: (error: TRPCError, call: PlainCall | undefined, withInput: boolean) => unknown,
): { items: ResponseItem[]; errors: (TRPCError | undefined)[] } {
  const first = outcomes[0]!;
  if (!plan.batch && first.ok && isDataStream(first.data)) {
    const error = streamError();
    return { items: [{ error: shape(error, undefined, false) }], errors: [error] };
  }
  const errors = outcomes.map((outcome) =>
    outcome.ok ? (isDataStream(outcome.data) ? streamError() : undefined) : outcome.error,
  );
  const items = outcomes.map((outcome, index): ResponseItem => {
    const error = errors[index];
    if (error) return { error: shape(error, plan.calls[index], true) };
    return { result: { data: (outcome as { data: unknown }).data } };
  });
  return { items, errors };
}

function streamError(): TRPCError {
  return new TRPCError({
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink",
  });
}

/** tRPC's test for results only its streaming responses can carry: async iterables, or objects holding them or promises. */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (Symbol.asyncIterator in value) return true;
  return Object.values(value).some(
    (member) => isPromise(member) || (isObject(member) && Symbol.asyncIterator in member),
  );
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPromise(value: unknown): boolean {
  if (!isObject(value) && typeof value !== "function") return false;
  const { then, catch: catcher } = value as { then?: unknown; catch?: unknown };
  return typeof then === "function" && typeof catcher === "function";
}
