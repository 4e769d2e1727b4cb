import { isAbsolute, resolve } from "node:path";
import { findTheatres } from "../theatre-files";
import type { Config } from "../env";
import { UsageError } from "./io";

/**
 * The theatre locations a command works on: an explicit path, the shipped theatre with a given id, or
 * (when `all` is allowed) every shipped theatre.
 */
export function selectTheatres(
  config: Config,
  choice: { path?: string | undefined; theatreId?: string | undefined },
  mode: "all" | "one",
): string[] {
  if (choice.path !== undefined && choice.theatreId !== undefined)
    throw new UsageError("give either a path or --theatre, not both");
  if (choice.path !== undefined) return [absolute(config, choice.path)];
  const shipped = findTheatres(config.theatresDirectory);
  if (choice.theatreId !== undefined) {
    const found = shipped.find((entry) => entry.id === choice.theatreId);
    if (!found)
      throw new UsageError(
        `no theatre "${choice.theatreId}" in ${config.theatresDirectory}; known theatres: ${shipped.map((entry) => entry.id).join(", ") || "none"}`,
      );
    return [found.directory];
  }
  if (shipped.length === 0) throw new UsageError(`no theatres found in ${config.theatresDirectory}`);
  if (mode === "one" && shipped.length > 1)
    throw new UsageError(
      `several theatres are shipped; choose one with --theatre: ${shipped.map((entry) => entry.id).join(", ")}`,
    );
  return shipped.map((entry) => entry.directory);
}

export function absolute(config: Config, path: string): string {
  return isAbsolute(path) ? path : resolve(config.callerDirectory, path);
}
