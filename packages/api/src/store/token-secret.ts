import { createHash, randomBytes } from "node:crypto";

/** A new token's public id and its secret; only the secret's hash is ever stored. */
export function newToken(): { id: string; secret: string; hash: string } {
  const id = randomBytes(6).toString("hex");
  const secret = `parley_${id}_${randomBytes(32).toString("base64url")}`;
  return { id, secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export const ROLES = ["viewer", "editor", "admin"] as const;
