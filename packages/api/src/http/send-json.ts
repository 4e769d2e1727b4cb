import type { ServerResponse } from "node:http";

/** Writes a whole JSON answer, keeping the `vary` that CORS may have set. */
export function sendJson(res: ServerResponse, status: number, body: Buffer | object): void {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  const vary = res.getHeader("vary");
  res.writeHead(status, {
    "content-type": "application/json",
    vary: vary ? `${String(vary)}, trpc-accept, accept` : "trpc-accept, accept",
    "content-length": bytes.length,
  });
  res.end(bytes);
}
