import { collectionKeys, Id } from "@parley/domain";
import { z } from "zod";
import { readProcedure, router } from "../trpc";
import type { EntityKind } from "../../store/store";

export const searchRouter = router({
  /** Ranked full-text search over actors (names, aliases), interests, cooperation areas, scenarios and quotes. */
  query: readProcedure
    .input(
      z.object({
        text: z.string().min(1).max(500),
        theatreId: Id.optional(),
        kinds: z
          .array(z.enum(["theatre", ...collectionKeys] as [EntityKind, ...EntityKind[]]))
          .min(1)
          .optional(),
        limit: z.number().int().min(1).max(200).default(20),
      }),
    )
    .query(async ({ ctx, input }) => ({
      hits: await ctx.store.search({
        text: input.text,
        limit: input.limit,
        ...(input.theatreId !== undefined && { theatreId: input.theatreId }),
        ...(input.kinds !== undefined && { kinds: input.kinds }),
      }),
    })),
});
