export type PathSegment = string | number;

/** One thing wrong with a theatre, located by its path in the theatre document. */
export interface Problem {
  path: PathSegment[];
  message: string;
}

/** `["actors", 12, "aliases", 0]` -> `actors[12].aliases[0]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? segment : `.${segment}`;
  }
  return text === "" ? "(document)" : text;
}

export function formatProblem(problem: Problem): string {
  return `${formatPath(problem.path)}: ${problem.message}`;
}
