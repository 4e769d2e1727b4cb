import { z } from "zod";
import { Citations } from "./citation";
import { Score100, judged } from "./judgement";
import { Id, Text } from "./primitives";

export const InterestCategory = z.enum([
  "security",
  "counterterrorism",
  "political",
  "diplomatic",
  "economic",
  "humanitarian",
  "ideological",
  "rights",
  "regional-influence",
]);

/** An actor's position on an issue, on that issue's scale. */
export const Position = z.strictObject({
  issueId: Id,
  value: judged(z.number()),
});
export type Position = z.infer<typeof Position>;

/** What one actor wants, how much it matters to it, and whether it would ever trade it. */
export const Interest = z.strictObject({
  id: Id,
  actorId: Id,
  objective: Text,
  category: InterestCategory.optional(),
  salience: judged(Score100).describe("How much the objective matters to the actor, 0-100."),
  core: z.boolean().default(false).describe("The actor will not trade this interest away."),
  position: Position.optional(),
  citations: Citations,
});
export type Interest = z.infer<typeof Interest>;
