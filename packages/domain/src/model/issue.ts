import { z } from "zod";
import { Citations } from "./citation";
import { Id, Text } from "./primitives";
import { Scale } from "./scale";

/** A question on which actors take positions along a scale; what bargaining happens over. */
export const Issue = z.strictObject({
  id: Id,
  name: Text,
  question: Text,
  scale: Scale,
  citations: Citations,
});
export type Issue = z.infer<typeof Issue>;
