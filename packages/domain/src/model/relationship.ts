import { z } from "zod";
import { Citations } from "./citation";
import { Score100, judged } from "./judgement";
import { PartialDate } from "./partial-date";
import { Id, Text } from "./primitives";

export const RelationshipKind = z.enum([
  "hosts",
  "supports",
  "patron-of",
  "allied-with",
  "member-of",
  "branch-of",
  "faction-of",
  "leads",
  "cooperates-with",
  "engages-with",
  "negotiates-with",
  "mediates-between",
  "proxy-of",
  "pressures",
  "rival-of",
  "adversary-of",
  "attacks",
]);
export type RelationshipKind = z.infer<typeof RelationshipKind>;

/** A typed, directed, dated tie: `from` hosts / supports / attacks ... `to`. */
export const Relationship = z.strictObject({
  id: Id,
  kind: RelationshipKind,
  from: Id,
  to: Id,
  otherPartyId: Id.optional().describe('For "mediates-between": the second party, `to` being the first.'),
  description: Text,
  start: PartialDate.optional(),
  end: PartialDate.optional(),
  dateStated: Text.optional(),
  strength: judged(Score100).optional(),
  citations: Citations,
});
export type Relationship = z.infer<typeof Relationship>;
