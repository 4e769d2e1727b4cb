import { createHash, randomBytes } from "node:crypto";
import type { Role } from "./store";

export const ROLES = ["viewer", "editor", "admin"] as const satisfies readonly Role[];

/** A new token's public id and its secret; only the secret's hash is ever stored. */
export function newToken(): { id: string; secret: string; hash: string } {
  const secret = `parley_${randomBytes(32).toString("base64url")}`;
  return { id: randomBytes(6).toString("hex"), secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The name and role of a new token, checked; throws naming the field at fault. */
export function checkedToken(name: unknown, role: unknown): { name: string; role: Role } {
  const trimmed = typeof name === "string" ? name.trim() : "";
  if (trimmed === "" || trimmed.length > 100)
    throw new Error("name: give the token a name of 1 to 100 characters");
  if (!ROLES.includes(role as Role))
    throw new Error(`role: must be one of ${ROLES.join(", ")}, not ${JSON.stringify(role) ?? "nothing"}`);
  return { name: trimmed, role: role as Role };
}
