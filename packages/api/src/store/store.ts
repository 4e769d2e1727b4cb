import type { CollectionKey, TheatreDocument } from "@parley/domain";

/** What a change names: one entry of a theatre's collections, or the theatre's own description. */
export type EntityKind = CollectionKey | "theatre";

/** Who last changed an entity, and when. Every entity carries one. */
export interface EntityStamp {
  /** Starts at 1 on creation and goes up by one on every change; an update or delete must name it. */
  version: number;
  /** ISO 8601 instant. */
  updatedAt: string;
  /** The name of the token that made the change, or "import" / "seed" for loaded data. */
  updatedBy: string;
}

export interface TheatreRecord {
  id: string;
  name: string;
  /** Goes up by one on every mutation of anything in the theatre. */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * A whole theatre as stored: the validated document (collections in their stored order) and the stamp of
 * every entity, keyed `${kind}/${id}` (the theatre's own under `theatre/${theatreId}`).
 * Treat it as read-only: stores cache it between mutations.
 */
export interface StoredTheatre {
  record: TheatreRecord;
  document: TheatreDocument;
  stamps: ReadonlyMap<string, EntityStamp>;
}

export function stampKey(kind: EntityKind, id: string): string {
  return `${kind}/${id}`;
}

export type HistoryOperation = "create" | "update" | "delete" | "restore" | "import";

/** One recorded change of one entity. */
export interface HistoryEntry {
  /** Increasing across the whole database: later changes have larger numbers. */
  sequence: number;
  theatreId: string;
  kind: EntityKind;
  entityId: string;
  operation: HistoryOperation;
  /** The entity's version after the change; for a delete, the version it had when deleted. */
  version: number;
  by: string;
  at: string;
  /** The entity before and after; null where it did not exist. */
  before: unknown;
  after: unknown;
}

/** One write of a mutation; `data` is the whole entity as validated. */
export type EntityWrite =
  | { operation: "create"; kind: CollectionKey; id: string; data: unknown }
  | {
      operation: "update" | "restore";
      kind: EntityKind;
      id: string;
      expectedVersion: number;
      data: unknown;
    }
  | { operation: "delete"; kind: CollectionKey; id: string; expectedVersion: number };

/**
 * Works out the writes of a mutation from the theatre as it stands inside the mutation's transaction,
 * or throws (a conflict, a validation failure) to write nothing.
 */
export type MutationPlan = (current: StoredTheatre) => EntityWrite[];

export interface MutationResult {
  revision: number;
  /** The stamp of each written entity after the mutation, in the order of the writes. */
  stamps: (EntityStamp & { kind: EntityKind; id: string; deleted: boolean })[];
}

export type Role = "viewer" | "editor" | "admin";

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

export interface SearchQuery {
  text: string;
  theatreId?: string;
  kinds?: readonly EntityKind[];
  limit: number;
}

export interface SearchHit {
  theatreId: string;
  kind: EntityKind;
  entityId: string;
  /** Which text matched: "name", "aliases", "description", "statement", "quote" … */
  field: string;
  /** The matched text around the match, the matched words between « and ». */
  snippet: string;
  /** Higher is better; comparable within one result list only. */
  score: number;
}

/** The error a store throws when an expected version is not the current one; nothing is written. */
export class VersionConflict extends Error {
  constructor(
    readonly kind: EntityKind,
    readonly id: string,
    readonly expectedVersion: number,
    readonly currentVersion: number | null,
  ) {
    super(
      currentVersion === null
        ? `${kind} "${id}" no longer exists (you read version ${expectedVersion})`
        : `${kind} "${id}" is at version ${currentVersion}, not ${expectedVersion}: someone changed it since you read it`,
    );
  }
}

/**
 * Persistence of theatres, their history, search index and access tokens. Implemented on SQLite
 * (embedded) and PostgreSQL with the same behaviour. Every method is atomic: on an error nothing is written.
 */
export interface Store {
  readonly dialect: "sqlite" | "postgres";

  listTheatres(): Promise<TheatreRecord[]>;
  /** The theatre as stored now, or undefined. Cheap when nothing changed since the last call. */
  readTheatre(theatreId: string): Promise<StoredTheatre | undefined>;
  /**
   * Stores a whole validated document as a new theatre (every entity at version 1, recorded as "import"),
   * or, with `replace`, in place of the theatre of the same id (history kept). Throws if the id is taken and
   * `replace` is not set.
   */
  importTheatre(
    document: TheatreDocument,
    by: string,
    options?: { replace?: boolean },
  ): Promise<TheatreRecord>;
  /** Deletes a theatre and everything in it (its history included). False if there was none. */
  deleteTheatre(theatreId: string): Promise<boolean>;
  /**
   * Runs `plan` on the current theatre inside one transaction that serialises every mutation of that theatre
   * (across processes too), checks each write's expected version, writes entities, history and search index,
   * and bumps the revision. Throws VersionConflict, or whatever `plan` throws, writing nothing.
   */
  mutate(theatreId: string, by: string, plan: MutationPlan): Promise<MutationResult>;
  /** Newest first. */
  history(
    theatreId: string,
    kind: EntityKind,
    entityId: string,
    options?: { limit?: number; beforeSequence?: number },
  ): Promise<HistoryEntry[]>;
  search(query: SearchQuery): Promise<SearchHit[]>;

  createToken(name: string, role: Role): Promise<{ record: TokenRecord; secret: string }>;
  listTokens(): Promise<TokenRecord[]>;
  /** False if there is no such token or it was already revoked. */
  revokeToken(id: string): Promise<boolean>;
  /** The live token whose secret this is, or undefined. */
  verifyToken(secret: string): Promise<TokenRecord | undefined>;

  close(): Promise<void>;
}
