import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkTheatre } from "../../theatre-files";
import type { Config } from "../../env";
import { EXIT, type Output } from "../io";
import { printInvalid } from "../print-problems";
import { absolute, selectTheatres } from "../select-theatres";

export const exportUsage = `parley export [PATH] [--theatre ID] [--out FILE]
  Prints the whole validated theatre as one JSON document (the import/export format, see
  packages/domain/schema/theatre-document.schema.json) on stdout, or writes it to FILE.
  Refuses, listing every problem, if the theatre is invalid.`;

export function exportCommand(args: string[], config: Config, io: Output): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { theatre: { type: "string" }, out: { type: "string" } },
  });
  const [location] = selectTheatres(config, { path: positionals[0], theatreId: values.theatre }, "one");
  const check = checkTheatre(location!);
  if (!check.document) {
    printInvalid(io, location!, check.problems, "not exported");
    return EXIT.invalid;
  }
  const json = JSON.stringify(check.document, null, 2);
  if (values.out === undefined) io.out(json);
  else {
    const target = absolute(config, values.out);
    writeFileSync(target, `${json}\n`);
    io.err(`wrote ${target}`);
  }
  return EXIT.ok;
}
