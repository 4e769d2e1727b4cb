import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DATA_EXTENSIONS, THEATRE_FILE } from "./collection-files";
import { readDataFile } from "./data-file";

export interface TheatreEntry {
  id: string;
  directory: string;
}

/** The theatre directories under a root: each sub-directory holding a theatre file. */
export function findTheatres(root: string): TheatreEntry[] {
  if (!existsSync(root)) return [];
  const entries: TheatreEntry[] = [];
  for (const name of readdirSync(root).sort()) {
    const directory = join(root, name);
    if (!statSync(directory).isDirectory()) continue;
    const file = DATA_EXTENSIONS.map((extension) => join(directory, `${THEATRE_FILE}${extension}`)).find(
      existsSync,
    );
    if (file === undefined) continue;
    const value = readDataFile(file).value as { id?: unknown } | undefined;
    entries.push({ id: typeof value?.id === "string" ? value.id : name, directory });
  }
  return entries;
}
