import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Problem } from "@parley/domain";

/**
 * Reads the full text of every source that names a `textFile`, from one directory of texts. Takes the
 * sources as found in a document that may not be valid yet.
 */
export function readSourceTexts(
  sources: unknown,
  directory: string,
): { texts: Map<string, string>; problems: Problem[] } {
  const texts = new Map<string, string>();
  const problems: Problem[] = [];
  if (!Array.isArray(sources)) return { texts, problems };
  sources.forEach((source: { id?: unknown; textFile?: unknown } | null, index) => {
    if (typeof source?.id !== "string" || typeof source.textFile !== "string") return;
    const path = join(directory, source.textFile);
    if (existsSync(path)) texts.set(source.id, readFileSync(path, "utf8"));
    else problems.push({ path: ["sources", index, "textFile"], message: `${path}: no such file` });
  });
  return { texts, problems };
}
