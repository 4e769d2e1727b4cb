import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./send-json";

/**
 * Cross-origin access for the allow-listed origins only (`*` allows any); other origins get no CORS
 * headers. Returns true when the request was a preflight (OPTIONS), now answered.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  const permitted = origin !== undefined && (allowed.includes(origin) || allowed.includes("*"));
  if (allowed.length > 0) res.setHeader("vary", "origin");
  if (permitted) {
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("access-control-expose-headers", "x-request-id");
  }
  if (req.method !== "OPTIONS") return false;
  if (!permitted) {
    sendJson(res, 403, {
      error: {
        message:
          origin === undefined
            ? "OPTIONS is only for CORS preflight requests, which carry an Origin"
            : `origin ${origin} is not allowed; the server's PARLEY_CORS_ORIGINS lists those that are`,
      },
    });
    return true;
  }
  res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
  res.setHeader("access-control-allow-headers", "authorization, content-type, trpc-accept, x-request-id");
  res.setHeader("access-control-max-age", "600");
  res.writeHead(204).end();
  return true;
}
