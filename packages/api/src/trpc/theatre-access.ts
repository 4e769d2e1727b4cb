import { applyEdit, indexTheatre, type Edit, type TheatreIndex } from "@parley/domain";
import { TRPCError } from "@trpc/server";
import {
  stampKey,
  VersionConflict,
  type EntityKind,
  type EntityStamp,
  type StoredTheatre,
  type TokenRecord,
} from "../store/store";
import type { Context } from "./context";
import { InvalidChange } from "./errors";

/** The theatre as stored now, or NOT_FOUND naming it. */
export async function storedTheatre(ctx: Context, theatreId: string): Promise<StoredTheatre> {
  const stored = await ctx.store.readTheatre(theatreId);
  if (!stored) {
    const known = (await ctx.store.listTheatres()).map((t) => t.id);
    throw new TRPCError({
      code: "NOT_FOUND",
      message: `no theatre "${theatreId}"; theatres: ${known.length ? known.join(", ") : "(none)"}`,
    });
  }
  return stored;
}

const indexes = new WeakMap<StoredTheatre["document"], TheatreIndex>();

/** The analyses' index of a stored theatre, built once per revision. */
export function theatreIndex(stored: StoredTheatre): TheatreIndex {
  let index = indexes.get(stored.document);
  if (!index) indexes.set(stored.document, (index = indexTheatre(stored.document)));
  return index;
}

export function stampOf(stored: StoredTheatre, kind: EntityKind, id: string): EntityStamp | undefined {
  return stored.stamps.get(stampKey(kind, id));
}

export interface EditOutcome {
  /** The entity as stored after the change; absent after a delete. */
  data: unknown;
  version: number;
  updatedAt: string;
  updatedBy: string;
  revision: number;
}

/**
 * Applies one edit in one transaction: checks the version the caller read, validates the whole theatre
 * with the edit, and stores the edited entity with its history. Nothing is written on any error.
 */
export async function storeEdit(
  ctx: Context & { token: TokenRecord },
  theatreId: string,
  edit: Edit,
  expectedVersion: number | undefined,
  operation: "update" | "restore" = "update",
): Promise<EditOutcome> {
  await storedTheatre(ctx, theatreId);
  let written: unknown;
  const id = edit.kind === "theatre" ? theatreId : edit.operation === "create" ? "" : edit.id;
  const result = await ctx.store.mutate(theatreId, ctx.token.name, (current) => {
    if (expectedVersion !== undefined) {
      const stamp = stampOf(current, edit.kind, id);
      if (!stamp) throw new VersionConflict(edit.kind, id, expectedVersion, null);
      if (stamp.version !== expectedVersion)
        throw new VersionConflict(edit.kind, id, expectedVersion, stamp.version);
    }
    const applied = applyEdit(current.document, edit);
    if (!applied.ok) throw new InvalidChange(applied.problems);
    written = applied.entity;
    if (edit.operation === "create")
      return [{ operation: "create", kind: edit.kind, id: applied.entity!.id, data: written }];
    if (edit.operation === "delete")
      return [{ operation: "delete", kind: edit.kind, id, expectedVersion: expectedVersion! }];
    return [{ operation, kind: edit.kind, id, expectedVersion: expectedVersion!, data: written }];
  });
  const stamp = result.stamps[0]!;
  return {
    data: edit.operation === "delete" ? undefined : written,
    version: stamp.version,
    updatedAt: stamp.updatedAt,
    updatedBy: stamp.updatedBy,
    revision: result.revision,
  };
}
