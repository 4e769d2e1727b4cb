import { parseArgs } from "node:util";
import { citationCoverage } from "@parley/domain";
import { loadTheatre, readSourceTexts } from "../../theatre-files";
import type { Config } from "../../env";
import { EXIT, UsageError, type Output } from "../io";
import { absolute, selectTheatres } from "../select-theatres";

export const coverageUsage = `parley coverage [PATH] [--theatre ID] --texts DIR [--uncited]
  How much of each source the theatre draws on: paragraphs of the full text that at least one quote
  overlaps. With --uncited, lists the paragraphs nothing cites, for finding what the model misses.`;

export function coverageCommand(args: string[], config: Config, io: Output): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      theatre: { type: "string" },
      texts: { type: "string" },
      uncited: { type: "boolean", default: false },
    },
  });
  const textsDirectory = values.texts ?? config.sourceTextsDirectory;
  if (textsDirectory === undefined)
    throw new UsageError("--texts DIR is required: the directory of the sources' full texts");
  for (const location of selectTheatres(config, { path: positionals[0], theatreId: values.theatre }, "all")) {
    const loaded = loadTheatre(location);
    const { texts, problems } = readSourceTexts(loaded.input.sources, absolute(config, textsDirectory));
    for (const problem of problems) io.err(`${loaded.locate(problem.path)}  ${problem.message}`);
    io.out(`${location}:`);
    for (const source of citationCoverage(loaded.input, texts)) {
      const share =
        source.paragraphs === 0 ? 100 : Math.round((100 * source.citedParagraphs) / source.paragraphs);
      io.out(
        `  ${source.sourceId}: ${source.citedParagraphs}/${source.paragraphs} paragraphs cited (${share}%), ${source.citations} citations`,
      );
      if (values.uncited) for (const paragraph of source.uncited) io.out(`      not cited: ${paragraph}`);
    }
  }
  return EXIT.ok;
}
