import { fileURLToPath } from "node:url";
import { z } from "zod";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

const Port = z.coerce.number().int().min(0).max(65535);

const Environment = z.object({
  PARLEY_THEATRES: z.string().min(1).optional(),
  PARLEY_SOURCE_TEXTS: z.string().min(1).optional(),
  INIT_CWD: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  PARLEY_DB: z.string().min(1).optional(),
  PARLEY_HOST: z.string().min(1).optional(),
  PARLEY_PORT: Port.optional(),
  PARLEY_CORS_ORIGINS: z.string().optional(),
  PARLEY_READS: z.enum(["open", "token"]).optional(),
  PARLEY_MAX_BODY_MB: z.coerce.number().positive().max(4096).optional(),
});

/** Parley's configuration, read from the environment in this one place. */
export function readConfig(environment: NodeJS.ProcessEnv = process.env) {
  const parsed = Environment.safeParse(environment);
  if (!parsed.success)
    throw new Error(
      `bad environment: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  const env = parsed.data;
  return {
    /** Where the shipped theatres live; each sub-directory is one theatre. */
    theatresDirectory: env.PARLEY_THEATRES ?? `${repositoryRoot}theatres`,
    /** A directory holding the full texts of sources, for verifying quotes. */
    sourceTextsDirectory: env.PARLEY_SOURCE_TEXTS,
    /** The directory the user ran the command from (pnpm runs scripts from the package directory). */
    callerDirectory: env.INIT_CWD ?? process.cwd(),
    /** PostgreSQL for teams; when absent, the embedded SQLite file below. */
    databaseUrl: env.DATABASE_URL,
    sqlitePath: env.PARLEY_DB ?? `${repositoryRoot}data/parley.sqlite`,
    host: env.PARLEY_HOST ?? "127.0.0.1",
    port: env.PARLEY_PORT ?? 4010,
    corsOrigins: (env.PARLEY_CORS_ORIGINS ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    /** "token": reads need a token too. */
    readsNeedToken: env.PARLEY_READS === "token",
    /** The largest request body the server reads (imports of whole theatres are the big ones). */
    maxBodyBytes: Math.round((env.PARLEY_MAX_BODY_MB ?? 10) * 1024 * 1024),
  };
}
export type Config = ReturnType<typeof readConfig>;
