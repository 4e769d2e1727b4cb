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

/** One stored entity as both dialects keep it: the data as JSON text. */
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

/** Stores a theatre's own row on import, keeping its creation time when it replaces one ($1 … $8). */
export const UPSERT_THEATRE = `INSERT INTO theatres (id, name, revision, data, version, updated_at, updated_by, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, revision = excluded.revision, data = excluded.data,
    version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`;

/** A StoredTheatre from the rows of its theatre and its entities (entities in stored order). */
export function assembleTheatre(
  record: TheatreRecord,
  theatre: { data: string } & EntityStamp,
  rows: readonly EntityRow[],
): StoredTheatre {
  const document = { theatre: JSON.parse(theatre.data) } as TheatreDocument;
  for (const key of collectionKeys) (document as unknown as Record<string, unknown[]>)[key] = [];
  const stamps = new Map<string, EntityStamp>();
  stamps.set(stampKey("theatre", record.id), stampOf(theatre));
  for (const row of rows) {
    (document[row.kind] as unknown[]).push(JSON.parse(row.data));
    stamps.set(stampKey(row.kind, row.id), stampOf(row));
  }
  return { record, document, stamps };
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
    const at_ = entries.findIndex((entry) => entry.id === write.id);
    if (write.operation === "delete") {
      entries.splice(at_, 1);
      stamps.delete(key);
    } else {
      if (at_ < 0) entries.push(write.data as { id: string });
      else entries[at_] = write.data as { id: string };
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

/**
 * The rows of an import: every entity of `document` in order. Replacing `existing`, unchanged entities keep
 * their stamp, changed ones go up a version, and entities no longer there are deleted; all recorded.
 */
export function planImport(
  document: TheatreDocument,
  by: string,
  at: string,
  existing: StoredTheatre | undefined,
) {
  const rows: EntityRow[] = [];
  const history: HistoryRow[] = [];
  const removed: { kind: CollectionKey; id: string }[] = [];
  const previous = existing ? indexEntities(existing.document) : new Map<string, string>();
  const stampFor = (kind: EntityKind, id: string, data: string): EntityStamp & { changed: boolean } => {
    const key = stampKey(kind, id);
    const old = existing?.stamps.get(key);
    const before =
      kind === "theatre"
        ? existing
          ? JSON.stringify(existing.document.theatre)
          : undefined
        : previous.get(key);
    if (old && before === data) return { ...old, changed: false };
    history.push({
      kind,
      entityId: id,
      operation: "import",
      version: old ? old.version + 1 : 1,
      by,
      at,
      before: before ?? null,
      after: data,
    });
    return { version: old ? old.version + 1 : 1, updatedAt: at, updatedBy: by, changed: true };
  };
  const theatreData = JSON.stringify(document.theatre);
  const theatre = { data: theatreData, ...stampFor("theatre", document.theatre.id, theatreData) };
  const kept = new Set<string>();
  for (const kind of collectionKeys) {
    for (const entity of document[kind] as { id: string }[]) {
      const data = JSON.stringify(entity);
      const { changed: _, ...stamp } = stampFor(kind, entity.id, data);
      rows.push({ kind, id: entity.id, data, ...stamp });
      kept.add(stampKey(kind, entity.id));
    }
  }
  for (const [key, data] of previous) {
    if (kept.has(key)) continue;
    const [kind, ...rest] = key.split("/");
    const id = rest.join("/");
    const old = existing!.stamps.get(key)!;
    removed.push({ kind: kind as CollectionKey, id });
    history.push({
      kind: kind as CollectionKey,
      entityId: id,
      operation: "delete",
      version: old.version,
      by,
      at,
      before: data,
      after: null,
    });
  }
  return { theatre, rows, history, removed };
}

function indexEntities(document: TheatreDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const kind of collectionKeys)
    for (const entity of document[kind] as { id: string }[])
      map.set(stampKey(kind, entity.id), JSON.stringify(entity));
  return map;
}
