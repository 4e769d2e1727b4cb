import { validateTheatre, verifyQuotes, type Problem, type TheatreDocument } from "@parley/domain";
import { loadTheatre, type LocatedProblem } from "./load-theatre";
import { readSourceTexts } from "./source-texts";

export interface TheatreCheck {
  location: string;
  document: TheatreDocument | undefined;
  problems: LocatedProblem[];
  /** How many quotes were verified against source texts (0 when no texts were given). */
  quotesVerified: number;
}

/**
 * Loads a theatre directory or document file and checks everything: files, schemas, references and,
 * when a directory of source texts is given, that every quote occurs verbatim in its source.
 */
export function checkTheatre(
  location: string,
  options: { textsDirectory?: string | undefined } = {},
): TheatreCheck {
  const loaded = loadTheatre(location);
  const problems: Problem[] = [];
  const result = validateTheatre(loaded.input);
  if (!result.ok) problems.push(...result.problems);
  const document = result.ok ? result.document : undefined;
  let quotesVerified = 0;
  if (options.textsDirectory !== undefined) {
    const { texts, problems: missingTexts } = readSourceTexts(loaded.input.sources, options.textsDirectory);
    const quotes = verifyQuotes(loaded.input, texts);
    problems.push(...missingTexts, ...quotes.problems);
    quotesVerified = quotes.checked;
  }
  const located = [
    ...loaded.problems,
    ...problems.map((problem) => ({ ...problem, location: loaded.locate(problem.path) })),
  ];
  return {
    location,
    document: located.length === 0 ? document : undefined,
    problems: located,
    quotesVerified,
  };
}
