import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const afghanistanDirectory = fileURLToPath(new URL("../../../theatres/afghanistan", import.meta.url));

/**
 * The full texts of the Afghanistan sources live outside the repository (we quote them, we do not ship
 * them): `PARLEY_SOURCE_TEXTS`, or `../shared/seeds` beside the clone.
 */
export const sourceTextsDirectory =
  process.env.PARLEY_SOURCE_TEXTS ?? fileURLToPath(new URL("../../../../shared/seeds", import.meta.url));
export const sourceTextsAvailable = existsSync(sourceTextsDirectory);
