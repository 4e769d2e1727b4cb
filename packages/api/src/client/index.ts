import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "../trpc/app-router";

export type { AppRouter };

export interface ParleyClientOptions {
  /** A bearer token (`pnpm parley token create`); needed for changes, and for reads on closed servers. */
  token?: string;
}

/** A typed client of a Parley server, e.g. `createParleyClient("http://127.0.0.1:4010")`. */
export function createParleyClient(url: string, options: ParleyClientOptions = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url.replace(/\/+$/, "")}/trpc`,
        headers: () => (options.token ? { authorization: `Bearer ${options.token}` } : {}),
      }),
    ],
  });
}
