/** Orders ids by their UTF-16 code units, the same in every locale: results never depend on the machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders entities by id, as `compareIds` does. */
export function byId(a: { id: string }, b: { id: string }): number {
  return compareIds(a.id, b.id);
}
