import type { EntityKind } from "./store";

/** A create naming an id its collection already holds; nothing is written. */
export class DuplicateEntity extends Error {
  constructor(
    readonly kind: EntityKind,
    readonly id: string,
  ) {
    super(`${kind} "${id}" already exists`);
  }
}

/** An import of a theatre whose id is taken, without `replace`; nothing is written. */
export class TheatreExists extends Error {
  constructor(readonly theatreId: string) {
    super(`a theatre "${theatreId}" already exists; import with replace, or change the theatre id`);
  }
}

/** A database whose schema is newer than this code knows: refuse rather than guess. */
export class DatabaseTooNew extends Error {
  constructor(found: number, known: number) {
    super(
      `the database is at schema version ${found} but this Parley knows only up to ${known}: upgrade Parley, or use another database`,
    );
  }
}

/** A mutation of a theatre that is not there (deleted meanwhile, or never imported); nothing is written. */
export class NoSuchTheatre extends Error {
  constructor(readonly theatreId: string) {
    super(`no theatre "${theatreId}"`);
  }
}
