import type { Store } from "../store/store";

export interface ContextOptions {
  /** When true, reads need a token too (any role); by default anyone may read. */
  readsNeedToken: boolean;
}

/** What every procedure gets: the store, the request's raw credentials and how access is configured. */
export interface Context {
  store: Store;
  requestId: string;
  /** The `Authorization` header as sent, checked only by the procedures that need it. */
  authorization: string | undefined;
  readsNeedToken: boolean;
}

export interface RequestFacts {
  authorization: string | undefined;
  requestId: string;
}

export function createContextFactory(store: Store, options: ContextOptions) {
  return (request: RequestFacts): Promise<Context> =>
    Promise.resolve({
      store,
      requestId: request.requestId,
      authorization: request.authorization,
      readsNeedToken: options.readsNeedToken,
    });
}
