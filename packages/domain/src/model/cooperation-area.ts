import { z } from "zod";
import { Citations, Statement } from "./citation";
import { Score100, judged } from "./judgement";
import { Id, IdList, Text } from "./primitives";

export const ParticipantRole = z.enum([
  "lead",
  "partner",
  "supporter",
  "facilitator",
  "beneficiary",
  "potential",
]);

export const Participant = z.strictObject({
  actorId: Id,
  role: ParticipantRole,
  note: Text.optional(),
});

export const SharedInterest = z.strictObject({
  text: Text,
  interestIds: IdList.describe("The participants' interests this shared interest rests on."),
  citations: Citations,
});

export const ObstacleKind = z.enum([
  "conflicting-interest",
  "core-interest",
  "mistrust",
  "hostile-tie",
  "capacity",
  "political-cost",
  "other",
]);

export const Obstacle = z.strictObject({
  text: Text,
  kind: ObstacleKind,
  actorIds: IdList,
  interestIds: IdList,
  citations: Citations,
});

export const Enabler = z.strictObject({
  text: Text,
  actorIds: IdList,
  citations: Citations,
});

export const CooperationStatus = z.enum(["proposed", "exploratory", "active", "stalled", "ended"]);

/** A narrow field where actors who distrust each other can still work together. */
export const CooperationArea = z.strictObject({
  id: Id,
  name: Text,
  field: z.enum([
    "counterterrorism",
    "counternarcotics",
    "evacuation",
    "humanitarian",
    "arms-control",
    "border-security",
    "demining",
    "intelligence",
    "diplomatic",
    "economic",
    "mediation",
    "other",
  ]),
  description: Text,
  participants: z.array(Participant).min(2, "a cooperation area needs at least two participants"),
  sharedInterests: z
    .array(SharedInterest)
    .min(1, "name at least one shared interest that makes cooperation possible"),
  obstacles: z.array(Obstacle).default([]),
  enablers: z.array(Enabler).default([]),
  status: CooperationStatus,
  assessment: Statement.describe("The sources' own assessment of this area."),
  feasibility: judged(Score100).describe("Assessed feasibility, 0 (impossible) to 100 (already working)."),
  issueIds: IdList,
  citations: Citations,
});
export type CooperationArea = z.infer<typeof CooperationArea>;
