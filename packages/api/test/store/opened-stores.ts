import type { TheatreDocument } from "@parley/domain";
import { afterAll, afterEach, expect } from "vitest";
import type { Store } from "../../src/store/store";
import type { StoreCase } from "../stores";
import { sqliteIntegrity } from "./raw-database";

/**
 * Closes every store a test file opens after each test, and checks every SQLite file it used with
 * `integrity_check` once the file's tests are done. Returns `track`, to call on each store opened.
 */
export function closeOpenedStores() {
  const opened: Store[] = [];
  const sqliteFiles = new Set<string>();
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  afterAll(() => {
    for (const file of sqliteFiles) expect(sqliteIntegrity(file), file).toBe("ok");
  });
  return function track(store: Store, dialect: StoreCase["dialect"], location: string): Store {
    opened.push(store);
    if (dialect === "sqlite") sqliteFiles.add(location);
    return store;
  };
}

/** `storeCase.open`, with the store tracked. */
export function trackedOpen(storeCase: StoreCase, track: ReturnType<typeof closeOpenedStores>) {
  return async (seed?: () => TheatreDocument[], location?: string) => {
    const result = await storeCase.open(seed, location);
    track(result.store, storeCase.dialect, result.location);
    return result;
  };
}
