import { validateTheatre, verifyQuotes, type Problem, type TheatreDocument } from "@parley/domain";
import { loadTheatre } from "./load-theatre";
import { readSourceTexts } from "./source-texts";

export interface LocatedProblem extends Problem {
  /** `file:line:column` where the problem sits. */
  location: string;
}

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
  const problems: Problem[] = [...loaded.problems];
  const result = validateTheatre(loaded.input);
  if (!result.ok) problems.push(...result.problems);
  const document = result.ok ? result.document : undefined;
  let quotesVerified = 0;
  if (document && options.textsDirectory !== undefined) {
    const { texts, problems: missingTexts } = readSourceTexts(document.sources, options.textsDirectory);
    const quotes = verifyQuotes(document, texts);
    problems.push(...missingTexts, ...quotes.problems);
    quotesVerified = quotes.checked;
  }
  return {
    location,
    document: problems.length === 0 ? document : undefined,
    problems: problems.map((problem) => ({ ...problem, location: loaded.locate(problem.path) })),
    quotesVerified,
  };
}
