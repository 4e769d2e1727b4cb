import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Problem, Source } from "@parley/domain";

/** Reads the full text of every source that names a `textFile`, from one directory of texts. */
export function readSourceTexts(
  sources: readonly Source[],
  directory: string,
): { texts: Map<string, string>; problems: Problem[] } {
  const texts = new Map<string, string>();
  const problems: Problem[] = [];
  sources.forEach((source, index) => {
    if (source.textFile === undefined) return;
    const path = join(directory, source.textFile);
    if (existsSync(path)) texts.set(source.id, readFileSync(path, "utf8"));
    else problems.push({ path: ["sources", index, "textFile"], message: `${path}: no such file` });
  });
  return { texts, problems };
}
