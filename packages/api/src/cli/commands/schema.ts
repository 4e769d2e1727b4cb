import { parseArgs } from "node:util";
import { theatreDocumentJsonSchema } from "@parley/domain";
import type { Config } from "../../env";
import { EXIT, type Output } from "../io";

export const schemaUsage = `parley schema
  Prints the JSON Schema of the theatre document.`;

export function schemaCommand(args: string[], _config: Config, io: Output): number {
  parseArgs({ args, options: {} });
  io.out(JSON.stringify(theatreDocumentJsonSchema(), null, 2));
  return EXIT.ok;
}
