import type { IncomingMessage } from "node:http";

/** A request body over the server's limit: answered 413 without reading the rest. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the request body is larger than the limit of ${limit} bytes (${readableSize(limit)})`);
  }
}

/** The body as UTF-8 text, refusing it as soon as it passes `limit` bytes (at once when its length says so). */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  refuseBody(req, limit);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData).off("end", onEnd).pause();
      reject(new BodyTooLarge(limit));
    };
    // As Fetch's `text()`, which tRPC reads bodies with: a byte order mark dropped, bad bytes replaced.
    const onEnd = () => resolve(new TextDecoder().decode(Buffer.concat(chunks, size)));
    const onClose = () => {
      if (!req.complete) reject(new Error("the client closed the connection before sending the whole body"));
    };
    req.on("data", onData).on("end", onEnd).on("error", reject).on("close", onClose);
  });
}

/** Throws BodyTooLarge when the request declares a body over `limit`; the body itself is not read. */
export function refuseBody(req: IncomingMessage, limit: number): undefined {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(limit);
  return undefined;
}

function readableSize(bytes: number): string {
  const [amount, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, "MB"] : [bytes / 1024, "KB"];
  return `${Number(amount.toFixed(1))} ${unit}`;
}
