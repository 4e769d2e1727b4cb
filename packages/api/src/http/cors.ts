import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Cross-origin access for the allow-listed origins only (`*` allows any). Returns true when the request
 * was a preflight, now answered.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  const permitted = origin !== undefined && (allowed.includes(origin) || allowed.includes("*"));
  if (permitted) {
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("vary", "origin");
  }
  if (req.method !== "OPTIONS") return false;
  if (permitted) {
    res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    res.setHeader("access-control-allow-headers", "authorization, content-type, trpc-accept, x-request-id");
    res.setHeader("access-control-max-age", "600");
  }
  res.writeHead(permitted ? 204 : 403, permitted ? {} : { "content-type": "application/json" });
  res.end(
    permitted
      ? undefined
      : JSON.stringify({ error: { message: `origin ${origin ?? "(none)"} is not allowed` } }),
  );
  return true;
}
