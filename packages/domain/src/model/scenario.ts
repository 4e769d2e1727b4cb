import { z } from "zod";
import { Citations, Statement } from "./citation";
import { Score100, Weight, judged } from "./judgement";
import { PartialDate } from "./partial-date";
import { Id, IdList, Text } from "./primitives";

export const IndicatorStatus = z.enum(["not-observed", "emerging", "observed", "receding", "unknown"]);
export type IndicatorStatus = z.infer<typeof IndicatorStatus>;

export const Evidence = z.strictObject({
  text: Text,
  date: PartialDate.optional(),
  citations: Citations,
});

/** A signpost an analyst watches; `direction` says whether observing it makes the scenario likelier. */
export const Indicator = z.strictObject({
  id: Id,
  text: Text,
  direction: z.enum(["raises", "lowers"]).default("raises"),
  weight: judged(Weight),
  status: judged(IndicatorStatus),
  evidence: z.array(Evidence).default([]),
  citations: Citations,
});
export type Indicator = z.infer<typeof Indicator>;

export const Consequence = z.strictObject({
  text: Text,
  actorIds: IdList,
  interestIds: IdList,
  citations: Citations,
});

/** A possible future, with the drivers behind it and the indicators that would show it coming. */
export const Scenario = z.strictObject({
  id: Id,
  name: Text,
  description: Text,
  drivers: z.array(Statement).min(1, "name at least one driver"),
  indicators: z.array(Indicator).min(1, "name at least one indicator"),
  likelihood: judged(Score100),
  likelihoodStated: Statement.optional().describe("How the sources themselves rate its likelihood."),
  consequences: z.array(Consequence).default([]),
  actorIds: IdList,
  citations: Citations,
});
export type Scenario = z.infer<typeof Scenario>;
