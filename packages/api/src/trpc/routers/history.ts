import { collectionKeys, collectionSchemas, Id, Theatre, type CollectionKey } from "@parley/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ExpectedVersion, TheatreInput } from "../inputs";
import { storedTheatre, storeEdit } from "../theatre-access";
import { editorProcedure, readProcedure, router } from "../trpc";
import type { EntityKind } from "../../store/store";

const Kind = z.enum(["theatre", ...collectionKeys] as [EntityKind, ...EntityKind[]]);
const EntityInput = TheatreInput.extend({ kind: Kind, id: Id });

export const historyRouter = router({
  /** Every recorded change of one entity, newest first: who, when, what, before and after. */
  list: readProcedure
    .input(
      EntityInput.extend({
        limit: z.number().int().min(1).max(500).default(50),
        beforeSequence: z.number().int().min(1).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      await storedTheatre(ctx, input.theatreId);
      return ctx.store.history(input.theatreId, input.kind, input.id, {
        limit: input.limit,
        ...(input.beforeSequence !== undefined && { beforeSequence: input.beforeSequence }),
      });
    }),
  /**
   * Puts an entity back as it was at an earlier version: itself a recorded change, validated like any other.
   * A deleted entity comes back as a new creation of its last state.
   */
  restore: editorProcedure
    .input(
      EntityInput.extend({ version: z.number().int().min(1), expectedVersion: ExpectedVersion.optional() }),
    )
    .mutation(async ({ ctx, input }) => {
      const entries = await ctx.store.history(input.theatreId, input.kind, input.id, { limit: 100_000 });
      const target = entries.find((entry) => entry.version === input.version && entry.after !== null);
      if (!target)
        throw new TRPCError({
          code: "NOT_FOUND",
          message: `${input.kind} "${input.id}" has no recorded version ${input.version}; versions: ${[...new Set(entries.filter((e) => e.after !== null).map((e) => e.version))].join(", ") || "(none)"}`,
        });
      const data = target.after;
      if (input.kind === "theatre") {
        const parsed = Theatre.parse(data);
        return storeEdit(
          ctx,
          input.theatreId,
          { operation: "update", kind: "theatre", data: parsed },
          required(input.expectedVersion),
          "restore",
        );
      }
      const kind: CollectionKey = input.kind;
      const parsed: unknown = collectionSchemas[kind].parse(data);
      const stored = await storedTheatre(ctx, input.theatreId);
      const exists = (stored.document[kind] as { id: string }[]).some((entity) => entity.id === input.id);
      if (!exists)
        return storeEdit(ctx, input.theatreId, { operation: "create", kind, data: parsed }, undefined);
      return storeEdit(
        ctx,
        input.theatreId,
        { operation: "update", kind, id: input.id, data: parsed },
        required(input.expectedVersion),
        "restore",
      );
    }),
});

function required(version: number | undefined): number {
  if (version === undefined)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "expectedVersion: required to restore an entity that exists (the version you read)",
    });
  return version;
}
