import { z } from "zod";
import { Id, Text } from "./primitives";

export const MAX_QUOTE_LENGTH = 400;

/** A verbatim passage of a source that supports a statement. */
export const Citation = z
  .strictObject({
    sourceId: Id,
    quote: Text.max(
      MAX_QUOTE_LENGTH,
      `must be at most ${MAX_QUOTE_LENGTH} characters: quote a passage, not a page`,
    ),
    locator: Text.max(200).optional().describe('Where in the source, e.g. "V.A" or "p. 12".'),
  })
  .meta({ id: "Citation" });
export type Citation = z.infer<typeof Citation>;

export const Citations = z.array(Citation).min(1, "must cite at least one passage of a source");

/** A sentence of the model with the passages that support it. */
export const Statement = z
  .strictObject({
    text: Text,
    citations: Citations,
  })
  .meta({ id: "Statement" });
export type Statement = z.infer<typeof Statement>;
