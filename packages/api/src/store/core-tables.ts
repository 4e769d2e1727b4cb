/**
 * The tables both databases share in schema version 1; only the history's sequence column differs.
 * Part of a released migration: never edit, add a new migration instead.
 */
export function coreTablesV1(sequence: string): string {
  return `
      CREATE TABLE theatres (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, revision INTEGER NOT NULL,
        data TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE entities (
        theatre_id TEXT NOT NULL REFERENCES theatres(id) ON DELETE CASCADE,
        kind TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL, version INTEGER NOT NULL,
        data TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
        PRIMARY KEY (theatre_id, kind, id)
      );
      CREATE INDEX entities_in_order ON entities (theatre_id, kind, position);
      CREATE TABLE history (
        sequence ${sequence},
        theatre_id TEXT NOT NULL, kind TEXT NOT NULL, entity_id TEXT NOT NULL, operation TEXT NOT NULL,
        version INTEGER NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL, before TEXT, after TEXT
      );
      CREATE INDEX history_of_entity ON history (theatre_id, kind, entity_id, sequence DESC);
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY, name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
        hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT
      );
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
}

/**
 * Schema version 2, the same on both databases: a theatre's `updated_at` is the stamp of its own
 * description; `revised_at` is when anything in it last changed (its record's `updatedAt`).
 */
export const CORE_TABLES_V2 = `
      ALTER TABLE theatres ADD COLUMN revised_at TEXT NOT NULL DEFAULT '';
      UPDATE theatres SET revised_at = updated_at;
`;
