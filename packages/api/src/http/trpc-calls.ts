import type { IncomingHttpHeaders } from "node:http";
import type { AnyTRPCProcedure, AnyTRPCRouter } from "@trpc/server";

/** One procedure call of a request, its input parsed as tRPC would. */
export interface PlainCall {
  path: string;
  procedure: AnyTRPCProcedure;
  input: unknown;
}

export interface PlainRequest {
  method: string | undefined;
  headers: IncomingHttpHeaders;
  /** The procedure path(s) after the tRPC prefix, still URL-encoded: `actors.list` or `a,b` in a batch. */
  path: string;
  query: URLSearchParams;
}

/** The procedures a plain request calls, before its input is read. */
export interface PlainRoute {
  batch: boolean;
  /** GET: the input is in the query; POST: in the body. */
  inputIn: "query" | "body";
  procedures: { path: string; procedure: AnyTRPCProcedure }[];
}

const METHOD_OF_TYPE: Record<string, string> = { query: "GET", mutation: "POST" };

/**
 * The procedures of a router by path, built once. Lazy sub-routers are not in it until loaded; their calls
 * go to the official handler, which loads them.
 */
export function procedureMap(router: AnyTRPCRouter): ReadonlyMap<string, AnyTRPCProcedure> {
  return new Map(Object.entries(router._def.procedures as Record<string, AnyTRPCProcedure>));
}

/**
 * The procedures of a plain JSON query (GET) or mutation (POST), single or batched, as tRPC's own request
 * parsing would find them; undefined for anything tRPC would answer otherwise — a streaming or
 * subscription call, another content type, an unknown path, the wrong method — which the official handler
 * then answers, with its own errors.
 */
export function plainRoute(
  request: PlainRequest,
  procedures: ReadonlyMap<string, AnyTRPCProcedure>,
): PlainRoute | undefined {
  const { method, headers } = request;
  if (method !== "GET" && method !== "POST") return undefined;
  if (headers["trpc-accept"] !== undefined || headers.accept?.includes("application/jsonl")) return undefined;
  const mediaType = mediaTypeOf(headers["content-type"]);
  if (
    method === "POST"
      ? mediaType !== "application/json"
      : mediaType === "multipart/form-data" || mediaType === "application/octet-stream"
  )
    return undefined;

  let path: string;
  try {
    path = decodeURIComponent(request.path);
  } catch {
    return undefined;
  }
  const batch = request.query.get("batch") === "1";
  const found: PlainRoute["procedures"] = [];
  for (const each of batch ? path.split(",") : [path]) {
    const procedure = procedures.get(each);
    if (!procedure || METHOD_OF_TYPE[procedure._def.type] !== method) return undefined;
    found.push({ path: each, procedure });
  }
  return { batch, inputIn: method === "GET" ? "query" : "body", procedures: found };
}

/**
 * The route's calls with their inputs parsed from `text` (the query's `input`, or the body) as tRPC parses
 * them; undefined when tRPC would refuse the input (not JSON; a batch's not an object).
 */
export function plainCalls(
  route: PlainRoute,
  text: string | null | undefined,
  deserialize: (value: unknown) => unknown,
): PlainCall[] | undefined {
  let raw: unknown;
  if (text) {
    try {
      raw = JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  if (raw === undefined) return route.procedures.map((call) => ({ ...call, input: undefined }));
  if (!route.batch) return [{ ...route.procedures[0]!, input: deserialize(raw) }];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
  const inputs = raw as Record<string, unknown>;
  return route.procedures.map((call, index) => {
    const input = inputs[index];
    return { ...call, input: input === undefined ? undefined : deserialize(input) };
  });
}

/** `application/json` of `Application/JSON; charset=utf-8`, as tRPC compares content types. */
function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.toLowerCase().split(";", 1)[0]?.trim();
}
