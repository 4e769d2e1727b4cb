import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TheatreDocument } from "@parley/domain";
import { checkTheatre } from "../src/theatre-files";

export const afghanistanDirectory = fileURLToPath(new URL("../../../theatres/afghanistan", import.meta.url));

/**
 * The full texts of the Afghanistan sources live outside the repository (we quote them, we do not ship
 * them): `PARLEY_SOURCE_TEXTS`, or `../shared/seeds` beside the clone.
 */
export const sourceTextsDirectory =
  process.env.PARLEY_SOURCE_TEXTS ?? fileURLToPath(new URL("../../../../shared/seeds", import.meta.url));
export const sourceTextsAvailable = existsSync(sourceTextsDirectory);

let afghanistan: TheatreDocument | undefined;

/** The shipped Afghanistan theatre, loaded and validated once per test file. */
export function afghanistanTheatre(): TheatreDocument {
  if (afghanistan) return afghanistan;
  const check = checkTheatre(afghanistanDirectory);
  if (!check.document)
    throw new Error(check.problems.map((problem) => `${problem.location} ${problem.message}`).join("\n"));
  return (afghanistan = check.document);
}
