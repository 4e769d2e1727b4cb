import type { TheatreDocument } from "@parley/domain";
import type { Config } from "../env";
import { openStore } from "../store/open-store";
import type { Store } from "../store/store";
import { checkTheatre, findTheatres } from "../theatre-files";

/** The configured database; a new one is loaded with the shipped theatres (those that validate). */
export function openConfiguredStore(config: Config): Promise<Store> {
  return openStore({
    databaseUrl: config.databaseUrl,
    sqlitePath: config.sqlitePath,
    seed: () => shippedTheatres(config.theatresDirectory),
  });
}

function shippedTheatres(root: string): TheatreDocument[] {
  return findTheatres(root).flatMap((entry) => {
    const check = checkTheatre(entry.directory);
    if (check.document) return [check.document];
    throw new Error(`the shipped theatre in ${entry.directory} is invalid; run \`pnpm parley validate\``);
  });
}

export function databaseName(config: Config): string {
  return config.databaseUrl ? config.databaseUrl.replace(/\/\/[^@/]*@/, "//") : config.sqlitePath;
}
