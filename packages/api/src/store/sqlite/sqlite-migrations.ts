import { CORE_TABLES_V2, coreTablesV1 } from "../core-tables";

/** The SQLite schema, one migration per version; a released migration is never edited, only followed. */
export const SQLITE_MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "theatres, entities, history, tokens, search",
    sql: `
      ${coreTablesV1("INTEGER PRIMARY KEY AUTOINCREMENT")}
      CREATE TABLE search_rows (
        id INTEGER PRIMARY KEY, theatre_id TEXT NOT NULL, kind TEXT NOT NULL, entity_id TEXT NOT NULL,
        field TEXT NOT NULL
      );
      CREATE INDEX search_rows_of_entity ON search_rows (theatre_id, kind, entity_id);
      -- The words of each search row, under the row's id.
      CREATE VIRTUAL TABLE search_index USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
    `,
  },
  {
    version: 2,
    name: "theatres: when anything in them last changed",
    sql: CORE_TABLES_V2,
  },
];
