import { fileURLToPath } from "node:url";
import { z } from "zod";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

const Environment = z.object({
  PARLEY_THEATRES: z.string().min(1).optional(),
  PARLEY_SOURCE_TEXTS: z.string().min(1).optional(),
  INIT_CWD: z.string().min(1).optional(),
});

/** Parley's configuration, read from the environment in this one place. */
export function readConfig(environment: NodeJS.ProcessEnv = process.env) {
  const env = Environment.parse(environment);
  return {
    /** Where the shipped theatres live; each sub-directory is one theatre. */
    theatresDirectory: env.PARLEY_THEATRES ?? `${repositoryRoot}theatres`,
    /** A directory holding the full texts of sources, for verifying quotes. */
    sourceTextsDirectory: env.PARLEY_SOURCE_TEXTS,
    /** The directory the user ran the command from (pnpm runs scripts from the package directory). */
    callerDirectory: env.INIT_CWD ?? process.cwd(),
  };
}
export type Config = ReturnType<typeof readConfig>;
