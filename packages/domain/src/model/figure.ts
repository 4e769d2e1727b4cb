import { z } from "zod";
import { Citations } from "./citation";
import { PartialDate } from "./partial-date";
import { Id, IdList, Text } from "./primitives";

/** A quantitative claim: a value (or a range up to `upperValue`) with its unit and date. */
export const Figure = z.strictObject({
  id: Id,
  label: Text,
  value: z.number(),
  upperValue: z.number().optional(),
  unit: Text,
  approximate: z.boolean().default(false),
  date: PartialDate.optional(),
  endDate: PartialDate.optional(),
  dateStated: Text.optional(),
  actorIds: IdList,
  citations: Citations,
});
export type Figure = z.infer<typeof Figure>;
