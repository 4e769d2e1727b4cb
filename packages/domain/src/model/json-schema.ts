import { z } from "zod";
import { TheatreDocument } from "./theatre-document";

/** The JSON Schema of the theatre document (the import/export format), generated from the zod schemas. */
export function theatreDocumentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(TheatreDocument, { io: "output", target: "draft-2020-12" });
}
