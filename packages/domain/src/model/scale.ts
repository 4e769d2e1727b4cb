import { z } from "zod";
import { Text } from "./primitives";

/** A numeric scale with labelled ends, e.g. 0 = "isolation" to 100 = "full recognition". */
export const Scale = z
  .strictObject({
    min: z.number(),
    max: z.number(),
    minLabel: Text,
    maxLabel: Text,
    unit: Text.optional(),
  })
  .refine((scale) => scale.max > scale.min, { path: ["max"], message: "must be greater than min" })
  .meta({ id: "Scale" });
export type Scale = z.infer<typeof Scale>;

export function onScale(scale: Scale, value: number): boolean {
  return value >= scale.min && value <= scale.max;
}
