import { z } from "zod";
import { PartialDate } from "./partial-date";
import { Id, Text } from "./primitives";

export const SourceKind = z.enum([
  "report",
  "commentary",
  "essay",
  "article",
  "statement",
  "dataset",
  "book",
  "other",
]);

/** A document that statements cite. Metadata is only what the document itself states. */
export const Source = z.strictObject({
  id: Id,
  title: Text.describe("The title; for an untitled document, a bracketed description of it."),
  publisher: Text.optional(),
  author: Text.optional(),
  kind: SourceKind.optional(),
  date: PartialDate.optional().describe("When it was written or published, as precisely as the text says."),
  dateStated: Text.optional().describe("The date as the document states it, in words."),
  url: z.url().optional(),
  textFile: Text.optional().describe(
    "File name of the full text, used to verify quotes (`parley validate --texts DIR`); the text itself is not shipped.",
  ),
  note: Text.optional(),
});
export type Source = z.infer<typeof Source>;
