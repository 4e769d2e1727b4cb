import { z } from "zod";
import { Citations } from "./citation";
import { PartialDate } from "./partial-date";
import { Id, IdList, Text } from "./primitives";

/** Something dated that happened. */
export const Event = z.strictObject({
  id: Id,
  name: Text,
  date: PartialDate,
  endDate: PartialDate.optional(),
  dateStated: Text.optional().describe(
    'The date as the source words it, when vaguer than `date` ("late 2021").',
  ),
  description: Text,
  actorIds: IdList,
  location: Text.optional(),
  citations: Citations,
});
export type Event = z.infer<typeof Event>;
