import { Id, MAX_PAGE_SIZE } from "@parley/domain";
import { z } from "zod";

export const TheatreInput = z.object({ theatreId: Id });

/** The version the caller read; an update or delete of anything else is refused with CONFLICT. */
export const ExpectedVersion = z.number().int().min(1);

export const ListInput = TheatreInput.extend({
  where: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  refersTo: Id.optional(),
  text: z.string().min(1).max(200).optional(),
  sort: z
    .object({ field: z.string().min(1).max(100), direction: z.enum(["asc", "desc"]).optional() })
    .optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
});
