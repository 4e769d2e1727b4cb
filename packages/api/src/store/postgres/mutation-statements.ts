import { searchTexts } from "../search-text";
import type { EntityKind } from "../store";
import type { HistoryRow, WritePlan } from "../theatre-state";

/** A statement and its parameters, for `client.query`. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** Numbered parameters: `add(value)` gives its placeholder. */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
}

/**
 * One write of a mutation as one statement (one round trip): the entity row, guarded by the version the
 * mutation expects, and its search texts replaced. Its single row's `written` is 1, or 0 when the stored
 * version was not the expected one (then the caller throws and the transaction rolls back whole).
 * Data-modifying WITH clauses all run on the statement's snapshot, so the search rows deleted are the old ones.
 */
export function entityWrite(theatreId: string, write: WritePlan["entities"][number]): Statement {
  const p = new Parameters();
  const { operation, row, expectedVersion } = write;
  const theatre = p.add(theatreId);
  const kind = p.add(row.kind);
  const id = p.add(row.id);
  const written =
    operation === "insert"
      ? `INSERT INTO entities (theatre_id, kind, id, position, version, data, updated_at, updated_by)
         VALUES (${theatre}, ${kind}, ${id},
           (SELECT COALESCE(MAX(position), -1) + 1 FROM entities WHERE theatre_id = ${theatre} AND kind = ${kind}),
           ${p.add(row.version)}, ${p.add(row.data)}, ${p.add(row.updatedAt)}, ${p.add(row.updatedBy)})`
      : operation === "update"
        ? `UPDATE entities SET version = ${p.add(row.version)}, data = ${p.add(row.data)},
             updated_at = ${p.add(row.updatedAt)}, updated_by = ${p.add(row.updatedBy)}
           WHERE theatre_id = ${theatre} AND kind = ${kind} AND id = ${id} AND version = ${p.add(expectedVersion)}`
        : `DELETE FROM entities
           WHERE theatre_id = ${theatre} AND kind = ${kind} AND id = ${id} AND version = ${p.add(expectedVersion)}`;
  const index = operation === "delete" ? undefined : JSON.parse(row.data);
  return searchReplaced(p, theatre, kind, id, row.kind, index, `${written} RETURNING 1`);
}

/** The theatre's own description, guarded by its version, with its search texts. */
export function theatreWrite(
  theatreId: string,
  data: unknown,
  name: string,
  stamp: { data: string; version: number; expectedVersion: number; at: string; by: string },
): Statement {
  const p = new Parameters();
  const theatre = p.add(theatreId);
  const kind = p.add("theatre");
  const written = `UPDATE theatres SET name = ${p.add(name)}, data = ${p.add(stamp.data)},
      version = ${p.add(stamp.version)}, updated_at = ${p.add(stamp.at)}, updated_by = ${p.add(stamp.by)}
    WHERE id = ${theatre} AND version = ${p.add(stamp.expectedVersion)} RETURNING 1`;
  return searchReplaced(p, theatre, kind, theatre, "theatre", data, written);
}

function searchReplaced(
  p: Parameters,
  theatre: string,
  kind: string,
  id: string,
  entityKind: EntityKind,
  data: unknown,
  written: string,
): Statement {
  const texts = data === undefined ? [] : searchTexts(entityKind, data);
  const rows = texts.map((t) => `(${theatre}, ${kind}, ${id}, ${p.add(t.field)}, ${p.add(t.text)})`);
  const text = `WITH written AS (${written}),
    forgotten AS (DELETE FROM search_index WHERE theatre_id = ${theatre} AND kind = ${kind} AND entity_id = ${id})
    ${rows.length ? `, indexed AS (INSERT INTO search_index (theatre_id, kind, entity_id, field, text) VALUES ${rows.join(", ")})` : ""}
    SELECT COUNT(*)::int AS written FROM written`;
  return { text, values: p.values };
}

/** The end of a mutation in one statement: the theatre's new revision and the history of every write. */
export function mutationRecorded(
  theatreId: string,
  revision: number,
  at: string,
  history: readonly HistoryRow[],
): Statement {
  const p = new Parameters();
  const theatre = p.add(theatreId);
  const rows = history.map(
    (r) =>
      `(${theatre}, ${[r.kind, r.entityId, r.operation, r.version, r.by, r.at, r.before, r.after].map((v) => p.add(v)).join(", ")})`,
  );
  const revised = `UPDATE theatres SET revision = ${p.add(revision)}, revised_at = ${p.add(at)} WHERE id = ${theatre}`;
  if (rows.length === 0) return { text: revised, values: p.values };
  return {
    text: `WITH revised AS (${revised})
      INSERT INTO history (theatre_id, kind, entity_id, operation, version, by, at, before, after) VALUES ${rows.join(", ")}`,
    values: p.values,
  };
}
