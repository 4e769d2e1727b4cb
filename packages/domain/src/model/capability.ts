import { z } from "zod";
import { Score100, judged } from "./judgement";
import { Id, Text } from "./primitives";

/** How much weight an actor brings, 0-100: in general, or on one issue when `issueId` is set. */
export const Capability = z.strictObject({
  issueId: Id.optional(),
  score: judged(Score100),
  note: Text.optional(),
});
export type Capability = z.infer<typeof Capability>;
