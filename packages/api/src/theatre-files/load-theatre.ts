import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { collectionKeys, type CollectionKey, type PathSegment } from "@parley/domain";
import { collectionFileNames, isDataFile, stripDataExtension, THEATRE_FILE } from "./collection-files";
import { readDataFile, type DataFile } from "./data-file";

/** A problem with the place it sits: `file:line:column`, or the file or directory. */
export interface LocatedProblem {
  path: PathSegment[];
  message: string;
  location: string;
}

/** Where an entry of the assembled document came from. */
interface Origin {
  file: DataFile;
  /** The entry's path inside that file. */
  path: PathSegment[];
}

export interface LoadedTheatre {
  /** The directory or file it was read from. */
  location: string;
  /** The assembled theatre document, not yet validated. */
  input: Record<string, unknown>;
  /** Problems with the files themselves: syntax errors, unknown files, lists that are not lists. */
  problems: LocatedProblem[];
  /** `file:line:column` of the thing at a document path, for pointing an analyst at it. */
  locate(path: PathSegment[]): string;
}

const collectionByFileName = new Map<string, CollectionKey>(
  collectionKeys.map((key) => [collectionFileNames[key], key]),
);

/**
 * Reads a theatre from a directory (`theatre.yaml` plus one file or folder per collection) or from a
 * single theatre document file (the export format).
 */
export function loadTheatre(location: string): LoadedTheatre {
  if (!existsSync(location)) throw new TheatreNotFoundError(`${location}: no such file or directory`);
  return statSync(location).isDirectory() ? loadDirectory(location) : loadDocumentFile(location);
}

export class TheatreNotFoundError extends Error {}

function loadDocumentFile(location: string): LoadedTheatre {
  const file = readDataFile(location);
  const problems: LocatedProblem[] = file.errors.map((error) => ({ path: [], ...error }));
  const input = isRecord(file.value) ? file.value : {};
  if (file.errors.length === 0 && !isRecord(file.value))
    problems.push({ path: [], location, message: "a theatre document must be an object" });
  return { location, input, problems, locate: (path) => file.lineOf(path) };
}

function loadDirectory(directory: string): LoadedTheatre {
  const problems: LocatedProblem[] = [];
  const input: Record<string, unknown> = {};
  const origins = new Map<string, Origin[]>();
  let theatreFile: DataFile | undefined;
  const folders: [CollectionKey, string][] = [];

  // Files first, then folders, so that `actors.yaml` comes before `actors/*.yaml`.
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) {
      const key = collectionByFileName.get(name);
      if (key !== undefined) folders.push([key, path]);
      continue;
    }
    if (!isDataFile(name)) continue;
    const stem = stripDataExtension(name);
    if (stem === THEATRE_FILE) {
      theatreFile = readDataFile(path);
      problems.push(...theatreFile.errors.map((error) => ({ path: ["theatre"], ...error })));
      if (theatreFile.value !== null && theatreFile.value !== undefined) input.theatre = theatreFile.value;
      continue;
    }
    const key = collectionByFileName.get(stem);
    if (key === undefined)
      problems.push({
        path: [],
        location: path,
        message: `unknown file; a theatre directory holds ${THEATRE_FILE}.yaml and ${Object.values(collectionFileNames).join(", ")} (.yaml, .yml or .json, or a folder of such files)`,
      });
    else appendEntries(readDataFile(path), key, input, origins, problems);
  }
  for (const [key, folder] of folders) {
    for (const name of readdirSync(folder).filter(isDataFile).sort())
      appendEntries(readDataFile(join(folder, name)), key, input, origins, problems);
  }
  if (theatreFile === undefined)
    problems.push({ path: ["theatre"], location: join(directory, "theatre.yaml"), message: "missing" });

  const locate = (path: PathSegment[]): string => {
    const [key, index, ...rest] = path;
    if (key === "theatre" && theatreFile) return theatreFile.lineOf(path.slice(1));
    const origin =
      typeof key === "string" && typeof index === "number" ? origins.get(key)?.[index] : undefined;
    if (origin) return origin.file.lineOf([...origin.path, ...rest]);
    return directory;
  };
  return { location: directory, input, problems, locate };
}

function appendEntries(
  file: DataFile,
  key: CollectionKey,
  input: Record<string, unknown>,
  origins: Map<string, Origin[]>,
  problems: LocatedProblem[],
): void {
  problems.push(...file.errors.map((error) => ({ path: [key], ...error })));
  if (file.errors.length > 0 || file.value === null || file.value === undefined) return;
  if (!Array.isArray(file.value)) {
    problems.push({
      path: [key],
      location: file.path,
      message: 'must be a list of entries (each starting with "- ")',
    });
    return;
  }
  const entries = (input[key] ??= []) as unknown[];
  const fileOrigins = origins.get(key) ?? [];
  origins.set(key, fileOrigins);
  file.value.forEach((entry, i) => {
    entries.push(entry);
    fileOrigins.push({ file, path: [i] });
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
