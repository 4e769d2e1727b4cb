import { parseArgs } from "node:util";
import { checkTheatre } from "../../theatre-files";
import type { Config } from "../../env";
import { EXIT, type Output } from "../io";
import { plural, printInvalid } from "../print-problems";
import { absolute, selectTheatres } from "../select-theatres";

export const validateUsage = `parley validate [PATH] [--theatre ID] [--texts DIR]
  Validates a theatre directory or theatre document file (default: every shipped theatre) and prints
  every problem with its file, line and path. With --texts, also checks that every quote occurs verbatim
  in the full text of its source (files named by each source's textFile). Exits 1 on any problem.`;

export function validateCommand(args: string[], config: Config, io: Output): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { theatre: { type: "string" }, texts: { type: "string" } },
  });
  const texts = values.texts ?? config.sourceTextsDirectory;
  const locations = selectTheatres(config, { path: positionals[0], theatreId: values.theatre }, "all");
  let failed = 0;
  for (const location of locations) {
    const check = checkTheatre(location, {
      textsDirectory: texts === undefined ? undefined : absolute(config, texts),
    });
    if (check.problems.length > 0) {
      failed++;
      printInvalid(io, location, check.problems, "INVALID");
      continue;
    }
    const document = check.document!;
    const quotes =
      texts === undefined
        ? "quotes not checked (no --texts)"
        : `${plural(check.quotesVerified, "quote")} verified verbatim`;
    io.out(
      `${location}: valid theatre "${document.theatre.id}": ${plural(document.actors.length, "actor")}, ${plural(document.interests.length, "interest")}, ${plural(document.sources.length, "source")}; ${quotes}`,
    );
  }
  return failed > 0 ? EXIT.invalid : EXIT.ok;
}
