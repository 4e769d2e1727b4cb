import {
  collectionKeys,
  Theatre,
  validateTheatre,
  type CollectionKey,
  type TheatreDocument,
} from "@parley/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { InvalidChange } from "../errors";
import { ExpectedVersion, TheatreInput } from "../inputs";
import { stampOf, storedTheatre, storeEdit } from "../theatre-access";
import { adminProcedure, editorProcedure, readProcedure, router } from "../trpc";
import type { StoredTheatre } from "../../store/store";

function summaryOf(stored: StoredTheatre) {
  const counts = Object.fromEntries(
    collectionKeys.map((key) => [key, stored.document[key].length]),
  ) as Record<CollectionKey, number>;
  return {
    ...stored.record,
    ...stampOf(stored, "theatre", stored.record.id)!,
    theatre: stored.document.theatre,
    counts,
  };
}

async function importDocument(ctx: Parameters<typeof storeEdit>[0], input: unknown, replace: boolean) {
  const validation = validateTheatre(input);
  if (!validation.ok) throw new InvalidChange(validation.problems);
  const existing = await ctx.store.readTheatre(validation.document.theatre.id);
  if (existing && !replace)
    throw new TRPCError({
      code: "CONFLICT",
      message: `a theatre "${validation.document.theatre.id}" already exists; import with replace (an admin) or change the theatre id`,
    });
  await ctx.store.importTheatre(validation.document, ctx.token.name, { replace });
  return summaryOf(await storedTheatre(ctx, validation.document.theatre.id));
}

export const theatresRouter = router({
  list: readProcedure.query(async ({ ctx }) => {
    const records = await ctx.store.listTheatres();
    const stored = await Promise.all(records.map((record) => storedTheatre(ctx, record.id)));
    return stored.map(summaryOf);
  }),
  get: readProcedure
    .input(TheatreInput)
    .query(async ({ ctx, input }) => summaryOf(await storedTheatre(ctx, input.theatreId))),
  /** The whole theatre as one validated document: the import/export format. */
  export: readProcedure
    .input(TheatreInput)
    .query(
      async ({ ctx, input }): Promise<TheatreDocument> =>
        (await storedTheatre(ctx, input.theatreId)).document,
    ),
  /** A new, empty theatre. */
  create: editorProcedure
    .input(z.object({ theatre: Theatre }))
    .mutation(async ({ ctx, input }) => importDocument(ctx, { theatre: input.theatre }, false)),
  /** A whole theatre document, validated whole; on any problem nothing is written and every problem is listed. */
  import: editorProcedure
    .input(z.object({ document: z.unknown(), replace: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      if (input.replace && ctx.token.role !== "admin")
        throw new TRPCError({
          code: "FORBIDDEN",
          message: `replacing a theatre needs the admin role; token "${ctx.token.name}" has the ${ctx.token.role} role`,
        });
      return importDocument(ctx, input.document, input.replace);
    }),
  /** The theatre's own description (name, as-of date …); its id cannot change. */
  update: editorProcedure
    .input(TheatreInput.extend({ expectedVersion: ExpectedVersion, data: Theatre }))
    .mutation(async ({ ctx, input }) =>
      storeEdit(
        ctx,
        input.theatreId,
        { operation: "update", kind: "theatre", data: input.data },
        input.expectedVersion,
      ),
    ),
  delete: adminProcedure
    .input(TheatreInput.extend({ expectedRevision: z.number().int().min(0) }))
    .mutation(async ({ ctx, input }) => {
      const stored = await storedTheatre(ctx, input.theatreId);
      if (stored.record.revision !== input.expectedRevision)
        throw new TRPCError({
          code: "CONFLICT",
          message: `theatre "${input.theatreId}" is at revision ${stored.record.revision}, not ${input.expectedRevision}: it changed since you read it`,
        });
      return { deleted: await ctx.store.deleteTheatre(input.theatreId) };
    }),
});
