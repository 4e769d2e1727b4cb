import { collectionKeys, type CollectionKey } from "@parley/domain";

/** The file (or folder) name that holds each collection of a theatre directory: `tradeOffs` -> `trade-offs`. */
export const collectionFileNames = Object.fromEntries(
  collectionKeys.map((key) => [key, key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)]),
) as Record<CollectionKey, string>;

export const THEATRE_FILE = "theatre";
export const DATA_EXTENSIONS = [".yaml", ".yml", ".json"] as const;

export function isDataFile(name: string): boolean {
  return DATA_EXTENSIONS.some((extension) => name.endsWith(extension));
}

export function stripDataExtension(name: string): string {
  const extension = DATA_EXTENSIONS.find((candidate) => name.endsWith(candidate));
  return extension ? name.slice(0, -extension.length) : name;
}
