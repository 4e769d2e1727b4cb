import { z } from "zod";
import { Citation } from "./citation";
import { PartialDate } from "./partial-date";
import { Id, Text } from "./primitives";

/** One policy situation; everything else in a theatre document belongs to it. */
export const Theatre = z.strictObject({
  id: Id,
  name: Text,
  asOf: PartialDate.describe("The date the theatre describes the situation as of."),
  description: Text,
  region: Text.optional(),
  citations: z.array(Citation).default([]),
});
export type Theatre = z.infer<typeof Theatre>;
