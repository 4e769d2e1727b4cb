import { ACCENTED, UNACCENTED } from "../accent-folding";
import { CORE_TABLES_V2, coreTablesV1 } from "../core-tables";

/** The PostgreSQL schema, one migration per version; a released migration is never edited, only followed. */
export const POSTGRES_MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "theatres, entities, history, tokens, search",
    sql: `
      ${coreTablesV1("BIGSERIAL PRIMARY KEY")}
      CREATE TABLE search_index (
        theatre_id TEXT NOT NULL, kind TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL,
        text TEXT NOT NULL,
        words tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
      );
      CREATE INDEX search_index_words ON search_index USING GIN (words);
      CREATE INDEX search_index_entity ON search_index (theatre_id, kind, entity_id);
    `,
  },
  {
    version: 2,
    name: "theatres: when anything in them last changed",
    sql: CORE_TABLES_V2,
  },
  {
    version: 3,
    name: "search: letters with diacritics match plain ones",
    sql: `
      ALTER TABLE search_index DROP COLUMN words;
      ALTER TABLE search_index ADD COLUMN words tsvector
        GENERATED ALWAYS AS (to_tsvector('english',
          -- translate() costs a scan of its table per letter: only texts beyond ASCII need it.
          CASE WHEN text ~ '[^\\x01-\\x7f]' THEN translate(text, '${ACCENTED}', '${UNACCENTED}') ELSE text END
        )) STORED;
      CREATE INDEX search_index_words ON search_index USING GIN (words);
    `,
  },
];
