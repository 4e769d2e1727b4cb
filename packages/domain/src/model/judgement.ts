import { z } from "zod";
import { Citations } from "./citation";
import { Text } from "./primitives";

/**
 * A value that is either a sourced fact (a source states it; the citations prove it) or an analyst's
 * judgement (someone assessed it; the rationale says why). The `basis` field tells which.
 */
export function judged<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion(
    "basis",
    [
      z.strictObject({
        basis: z.literal("judgement"),
        value,
        rationale: Text.describe("Why the analyst chose this value."),
        analyst: Text.optional(),
      }),
      z.strictObject({
        basis: z.literal("sourced"),
        value,
        citations: Citations,
      }),
    ],
    { error: 'basis must be "judgement" (with a rationale) or "sourced" (with citations)' },
  );
}

export const Score100 = z.number().min(0).max(100);
export const Weight = z.number().min(0).max(1);

/** A value of type T as the theatre holds it: sourced (with citations) or judged (with a rationale). */
export type Judged<T> = z.infer<ReturnType<typeof judged<z.ZodType<T>>>>;
