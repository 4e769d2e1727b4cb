import { z } from "zod";
import { Capability } from "./capability";
import { Citations } from "./citation";
import { PartialDate } from "./partial-date";
import { Id, Text } from "./primitives";

export const ActorKind = z.enum([
  "state",
  "state-group",
  "coalition",
  "international-organisation",
  "non-governmental-organisation",
  "de-facto-authority",
  "agency",
  "political-movement",
  "armed-group",
  "faction",
  "person",
]);
export type ActorKind = z.infer<typeof ActorKind>;

/** How an actor sits inside its parent. */
export const ParentRelation = z.enum(["branch", "faction", "agency", "member", "leader"]);

/** Anyone whose choices matter. */
export const Actor = z.strictObject({
  id: Id,
  name: Text,
  kind: ActorKind,
  aliases: z
    .array(Text)
    .default([])
    .describe("Other names and spellings; search finds an actor by any of them."),
  parentId: Id.optional().describe(
    "The actor this one belongs to: a faction's movement, a branch's organisation.",
  ),
  parentRelation: ParentRelation.optional(),
  description: Text,
  founded: PartialDate.optional(),
  dissolved: PartialDate.optional(),
  capabilities: z.array(Capability).default([]),
  citations: Citations,
});
export type Actor = z.infer<typeof Actor>;
