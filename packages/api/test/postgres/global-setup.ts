import type { TestProject } from "vitest/node";
import { findPostgresBin, startLocalPostgres, type LocalPostgres } from "./local-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** The base URL of the run's PostgreSQL server, or why there is none. */
    postgres: { url: string } | { missing: string };
  }
}

let server: LocalPostgres | undefined;

/** Starts one PostgreSQL server for the whole test run; each test file makes its own database in it. */
export default async function setup(project: TestProject) {
  const bin = findPostgresBin();
  if (!bin) {
    project.provide("postgres", {
      missing: "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)",
    });
    return;
  }
  try {
    server = await startLocalPostgres(bin);
  } catch (error) {
    project.provide("postgres", { missing: `PostgreSQL did not start: ${(error as Error).message}` });
    return;
  }
  project.provide("postgres", { url: server.url });
  return () => server?.stop();
}
