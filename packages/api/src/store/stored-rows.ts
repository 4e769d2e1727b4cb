import type { EntityKind, HistoryEntry, Role, TheatreRecord, TokenRecord } from "./store";

/** A database row as both drivers return it. */
export type Row = Record<string, unknown>;

export function recordOf(row: Row): TheatreRecord {
  return {
    id: row.id as string,
    name: row.name as string,
    revision: Number(row.revision),
    createdAt: row.created_at as string,
    updatedAt: row.revised_at as string,
  };
}

export function stampRow(row: Row) {
  return {
    data: row.data as string,
    version: Number(row.version),
    updatedAt: row.updated_at as string,
    updatedBy: row.updated_by as string,
  };
}

export function historyOf(row: Row): HistoryEntry {
  return {
    sequence: Number(row.sequence),
    theatreId: row.theatre_id as string,
    kind: row.kind as EntityKind,
    entityId: row.entity_id as string,
    operation: row.operation as HistoryEntry["operation"],
    version: Number(row.version),
    by: row.by as string,
    at: row.at as string,
    before: row.before === null ? null : JSON.parse(row.before as string),
    after: row.after === null ? null : JSON.parse(row.after as string),
  };
}

export function tokenOf(row: Row): TokenRecord {
  return {
    id: row.id as string,
    name: row.name as string,
    role: row.role as Role,
    createdAt: row.created_at as string,
    revokedAt: (row.revoked_at as string | null) ?? null,
  };
}
