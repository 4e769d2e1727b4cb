import type { ServerResponse } from "node:http";
import { getErrorShape, type AnyTRPCRouter, type TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { sendJson } from "./send-json";

/**
 * An error the server itself answers (a body over the limit, a path that is not the API's), in the shape
 * the router gives its own errors, so tRPC's clients read it like any other.
 */
export function errorAnswer(
  res: ServerResponse,
  router: AnyTRPCRouter,
  error: TRPCError,
  path?: string,
): void {
  let shape: unknown;
  try {
    shape = getErrorShape({
      config: router._def._config,
      error,
      type: "unknown",
      path,
      input: undefined,
      ctx: undefined,
    });
  } catch {
    const httpStatus = getHTTPStatusCodeFromError(error);
    shape = { message: error.message, code: -32603, data: { code: error.code, httpStatus } };
  }
  sendJson(res, getHTTPStatusCodeFromError(error), { error: shape });
}
