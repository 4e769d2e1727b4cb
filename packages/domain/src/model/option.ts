import { z } from "zod";
import { Citations } from "./citation";
import { Weight, judged } from "./judgement";
import { Id, IdList, Text } from "./primitives";
import { Scale } from "./scale";

/** What an option set's options are weighed by. */
export const Criterion = z.strictObject({
  id: Id,
  name: Text,
  description: Text,
  weight: judged(Weight),
  scale: Scale,
  higherIsBetter: z.boolean().default(true),
  veto: judged(z.number())
    .optional()
    .describe(
      "An option scoring worse than this on the criterion (below it when higher is better, above it when " +
        "lower is better) is vetoed: ranked after every option that passes, whatever its total.",
    ),
  citations: Citations,
});
export type Criterion = z.infer<typeof Criterion>;

export const OptionScore = z.strictObject({
  criterionId: Id,
  value: judged(z.number()),
});

export const Option = z.strictObject({
  id: Id,
  name: Text,
  description: Text,
  actorIds: IdList.describe("Actors the option involves (a host state, a partner)."),
  scores: z.array(OptionScore).default([]),
  citations: Citations,
});
export type Option = z.infer<typeof Option>;

/** A choice a decision-maker faces: options scored against weighted criteria. */
export const OptionSet = z.strictObject({
  id: Id,
  name: Text,
  question: Text,
  decisionMakerIds: IdList,
  criteria: z.array(Criterion).default([]),
  options: z.array(Option).min(1, "an option set needs at least one option"),
  citations: Citations,
});
export type OptionSet = z.infer<typeof OptionSet>;
