import { formatPath } from "@parley/domain";
import type { LocatedProblem } from "../theatre-files";
import type { Output } from "./io";

function printProblems(io: Output, problems: readonly LocatedProblem[]): void {
  for (const problem of problems) {
    const where = problem.path.length > 0 ? `${formatPath(problem.path)}: ` : "";
    io.err(`${problem.location}  ${where}${problem.message}`);
  }
}

/** Every problem of a theatre that failed, then one closing line: `<location>: <verdict>, N problems`. */
export function printInvalid(
  io: Output,
  location: string,
  problems: readonly LocatedProblem[],
  verdict: string,
): void {
  printProblems(io, problems);
  io.err(`${location}: ${verdict}, ${plural(problems.length, "problem")}`);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
