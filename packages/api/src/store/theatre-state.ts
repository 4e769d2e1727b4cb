import { collectionKeys, type CollectionKey, type TheatreDocument } from "@parley/domain";
import { DuplicateEntity } from "./store-errors";
import {
  stampKey,
  VersionConflict,
  type EntityKind,
  type EntityStamp,
  type EntityWrite,
  type HistoryOperation,
  type MutationResult,
  type StoredTheatre,
  type TheatreRecord,
} from "./store";

/** One stored entity as both dialects read it, in stored order: kind, id, version, data (JSON), updated at, by. */
export type EntityTuple = [
  kind: CollectionKey,
  id: string,
  version: number,
  data: string,
  at: string,
  by: string,
];

/** The columns of an entity row in the order of EntityTuple, for `SELECT … ORDER BY kind, position`. */
export const ENTITY_COLUMNS = "kind, id, version, data, updated_at, updated_by";

/** One stored entity as both dialects write it: the data as JSON text. */
export interface EntityRow {
  kind: CollectionKey;
  id: string;
  version: number;
  data: string;
  updatedAt: string;
  updatedBy: string;
}

export interface HistoryRow {
  kind: EntityKind;
  entityId: string;
  operation: HistoryOperation;
  version: number;
  by: string;
  at: string;
  before: string | null;
  after: string | null;
}

/** What a mutation writes, worked out from the theatre before it; the dialects only execute it. */
export interface WritePlan {
  entities: { operation: "insert" | "update" | "delete"; row: EntityRow; expectedVersion: number }[];
  theatre: { data: string; version: number; expectedVersion: number } | undefined;
  history: HistoryRow[];
  next: StoredTheatre;
  result: MutationResult;
}

/**
 * Stores a theatre's own row on import, keeping its creation time when it replaces one: $1 id, $2 name,
 * $3 revision, $4 data, $5 version, $6 updated at, $7 updated by (the stamp of its description), $8 now.
 */
export const UPSERT_THEATRE = `INSERT INTO theatres (id, name, revision, data, version, updated_at, updated_by, created_at, revised_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, revision = excluded.revision, data = excluded.data,
    version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
    revised_at = excluded.revised_at`;

/**
 * Where a deleted theatre's revisions stopped ($1 the settings key, $2 the revision), so that a theatre
 * imported again under the same id carries on from there: a (theatre, revision) pair never names two states.
 */
export const RETIRE_REVISION = `INSERT INTO settings (key, value) VALUES ($1, $2)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value`;

export function retiredRevisionKey(theatreId: string): string {
  return `retired-revision/${theatreId}`;
}

/** The first revision of a theatre imported afresh, after the one it may replace long ago. */
export function firstRevision(retired: unknown): number {
  return retired === undefined || retired === null ? 0 : Number(retired) + 1;
}

/** A StoredTheatre from the rows of its theatre and its entities (entities in stored order). */
export function assembleTheatre(
  record: TheatreRecord,
  theatre: { data: string } & EntityStamp,
  rows: Iterable<EntityTuple>,
): StoredTheatre {
  const document = emptyDocument(JSON.parse(theatre.data));
  const stamps = new Map<string, EntityStamp>();
  stamps.set(stampKey("theatre", record.id), stampOf(theatre));
  for (const [kind, id, version, data, updatedAt, updatedBy] of rows) {
    (document[kind] as unknown[]).push(JSON.parse(data));
    stamps.set(stampKey(kind, id), { version: Number(version), updatedAt, updatedBy });
  }
  return { record, document, stamps };
}

function emptyDocument(theatre: TheatreDocument["theatre"]): TheatreDocument {
  const document = { theatre } as TheatreDocument;
  for (const key of collectionKeys) (document as unknown as Record<string, unknown[]>)[key] = [];
  return document;
}

function stampOf(row: EntityStamp): EntityStamp {
  return { version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

/**
 * Checks each write against the theatre as it stands (versions, duplicates) and works out the rows, the
 * history and the theatre after the mutation. Throws VersionConflict or DuplicateEntity, writing nothing.
 */
export function planWrites(
  current: StoredTheatre,
  writes: readonly EntityWrite[],
  by: string,
  at: string,
): WritePlan {
  const stamps = new Map(current.stamps);
  const document = { ...current.document };
  const plan: WritePlan = {
    entities: [],
    theatre: undefined,
    history: [],
    next: current,
    result: { revision: current.record.revision + 1, stamps: [] },
  };
  for (const write of writes) {
    const key = stampKey(write.kind, write.id);
    const stamp = stamps.get(key);
    if (write.operation === "create") {
      if (stamp) throw new DuplicateEntity(write.kind, write.id);
    } else if (!stamp) throw new VersionConflict(write.kind, write.id, write.expectedVersion, null);
    else if (stamp.version !== write.expectedVersion)
      throw new VersionConflict(write.kind, write.id, write.expectedVersion, stamp.version);

    const version =
      write.operation === "create" ? 1 : write.operation === "delete" ? stamp!.version : stamp!.version + 1;
    const before =
      write.operation === "create" ? null : JSON.stringify(entityOf(document, write.kind, write.id));
    const after = write.operation === "delete" ? null : JSON.stringify(write.data);
    const newStamp: EntityStamp = { version, updatedAt: at, updatedBy: by };
    plan.history.push({
      kind: write.kind,
      entityId: write.id,
      operation: write.operation,
      version,
      by,
      at,
      before,
      after,
    });
    plan.result.stamps.push({
      ...newStamp,
      kind: write.kind,
      id: write.id,
      deleted: write.operation === "delete",
    });

    if (write.kind === "theatre") {
      plan.theatre = { data: after!, version, expectedVersion: stamp!.version };
      document.theatre = write.data as TheatreDocument["theatre"];
      stamps.set(key, newStamp);
      continue;
    }
    const kind = write.kind;
    const entries = [...(document[kind] as { id: string }[])];
    const index = entries.findIndex((entry) => entry.id === write.id);
    if (write.operation === "delete") {
      entries.splice(index, 1);
      stamps.delete(key);
    } else {
      if (index < 0) entries.push(write.data as { id: string });
      else entries[index] = write.data as { id: string };
      stamps.set(key, newStamp);
    }
    (document as Record<string, unknown>)[kind] = entries;
    plan.entities.push({
      operation: write.operation === "create" ? "insert" : write.operation === "delete" ? "delete" : "update",
      row: { kind, id: write.id, version, data: after ?? "", updatedAt: at, updatedBy: by },
      expectedVersion: write.operation === "create" ? 0 : stamp!.version,
    });
  }
  const record = { ...current.record, revision: plan.result.revision, updatedAt: at };
  if (document.theatre !== current.document.theatre) record.name = document.theatre.name;
  plan.next = { record, document, stamps };
  return plan;
}

function entityOf(document: TheatreDocument, kind: EntityKind, id: string): unknown {
  if (kind === "theatre") return document.theatre;
  return (document[kind] as { id: string }[]).find((entry) => entry.id === id);
}

/** An entity row with its place in its collection. */
export type PlacedRow = EntityRow & { position: number };

/**
 * The writes of an import. New entities (`inserts`) each get an "import" history row at version 1 that the
 * dialect writes with them; every other change has its history row in `history`.
 */
export interface ImportPlan {
  theatre: { data: string; changed: boolean } & EntityStamp;
  inserts: PlacedRow[];
  /** Entities whose data changed: their version goes up by one. */
  updates: PlacedRow[];
  /** Unchanged entities at a new place. */
  moves: { kind: CollectionKey; id: string; position: number }[];
  deletes: { kind: CollectionKey; id: string }[];
  history: HistoryRow[];
  /** True when a replace changes nothing at all: then nothing is written. */
  unchanged: boolean;
  /** The theatre as stored after the import, for the store's cache. */
  next(record: TheatreRecord): StoredTheatre;
}

/** The theatre an import replaces, with where each of its entities is stored (`${kind}/${id}` → position). */
export interface Replaced {
  stored: StoredTheatre;
  positions: ReadonlyMap<string, number>;
}

/**
 * Works out an import of `document`: everything new, or, replacing a stored theatre, only the difference —
 * unchanged entities keep their stamp, changed ones go up a version, and entities no longer there are
 * deleted; every change recorded.
 */
export function planImport(
  document: TheatreDocument,
  by: string,
  at: string,
  replaced: Replaced | undefined,
): ImportPlan {
  const old = replaced?.stored;
  const history: HistoryRow[] = [];
  const stamps = new Map<string, EntityStamp>();
  const theatreData = JSON.stringify(document.theatre);
  const next = emptyDocument(JSON.parse(theatreData));
  const changed = (kind: EntityKind, id: string, version: number, before: string | null, after: string) => {
    history.push({ kind, entityId: id, operation: "import", version, by, at, before, after });
    return { version, updatedAt: at, updatedBy: by };
  };

  const theatreKey = stampKey("theatre", document.theatre.id);
  const oldTheatre = old && JSON.stringify(old.document.theatre);
  const theatreStamp =
    old && oldTheatre === theatreData
      ? old.stamps.get(theatreKey)!
      : changed(
          "theatre",
          document.theatre.id,
          (old?.stamps.get(theatreKey)?.version ?? 0) + 1,
          oldTheatre ?? null,
          theatreData,
        );
  if (old && oldTheatre === theatreData) next.theatre = old.document.theatre;
  stamps.set(theatreKey, theatreStamp);

  const plan: Omit<ImportPlan, "next" | "unchanged"> = {
    theatre: { data: theatreData, changed: !old || oldTheatre !== theatreData, ...theatreStamp },
    inserts: [],
    updates: [],
    moves: [],
    deletes: [],
    history,
  };
  for (const kind of collectionKeys) {
    const before = new Map((old?.document[kind] as { id: string }[] | undefined)?.map((e) => [e.id, e]));
    const after = next[kind] as unknown[];
    (document[kind] as { id: string }[]).forEach((entity, position) => {
      const key = stampKey(kind, entity.id);
      const data = JSON.stringify(entity);
      const previous = before.get(entity.id);
      before.delete(entity.id);
      if (!previous) {
        const stamp = { version: 1, updatedAt: at, updatedBy: by };
        plan.inserts.push({ kind, id: entity.id, data, position, ...stamp });
        stamps.set(key, stamp);
        after.push(JSON.parse(data));
        return;
      }
      const oldStamp = old!.stamps.get(key)!;
      const oldData = JSON.stringify(previous);
      if (oldData === data) {
        if (replaced!.positions.get(key) !== position) plan.moves.push({ kind, id: entity.id, position });
        stamps.set(key, oldStamp);
        after.push(previous);
        return;
      }
      const stamp = changed(kind, entity.id, oldStamp.version + 1, oldData, data);
      plan.updates.push({ kind, id: entity.id, data, position, ...stamp });
      stamps.set(key, stamp);
      after.push(JSON.parse(data));
    });
    for (const [id, entity] of before) {
      const version = old!.stamps.get(stampKey(kind, id))!.version;
      plan.deletes.push({ kind, id });
      history.push({
        kind,
        entityId: id,
        operation: "delete",
        version,
        by,
        at,
        before: JSON.stringify(entity),
        after: null,
      });
    }
  }
  const unchanged =
    old !== undefined &&
    !plan.theatre.changed &&
    plan.inserts.length + plan.updates.length + plan.moves.length + plan.deletes.length === 0;
  return { ...plan, unchanged, next: (record) => ({ record, document: next, stamps }) };
}

/** The search texts' owner for every entity an import changes: those to forget and those to index. */
export function importSearchChanges(plan: ImportPlan, theatreId: string) {
  const forget: { kind: EntityKind; id: string }[] = [...plan.deletes, ...plan.updates];
  const index: { kind: EntityKind; id: string; data: string }[] = [...plan.updates, ...plan.inserts];
  if (plan.theatre.changed) {
    forget.push({ kind: "theatre", id: theatreId });
    index.push({ kind: "theatre", id: theatreId, data: plan.theatre.data });
  }
  return { forget, index };
}
