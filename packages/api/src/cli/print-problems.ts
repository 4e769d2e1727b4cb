import { formatPath } from "@parley/domain";
import type { LocatedProblem } from "../theatre-files";
import type { Output } from "./io";

export function printProblems(io: Output, problems: readonly LocatedProblem[]): void {
  for (const problem of problems) {
    const where = problem.path.length > 0 ? `${formatPath(problem.path)}: ` : "";
    io.err(`${problem.location}  ${where}${problem.message}`);
  }
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
