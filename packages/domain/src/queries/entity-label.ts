/** The words a person knows an entity by: its name, title, objective or text, else its id. */
export function entityLabel(entity: { id: string }): string {
  const fields = entity as Record<string, unknown>;
  for (const key of ["name", "title", "objective", "text", "description"]) {
    const value = fields[key];
    if (typeof value === "string" && value.length > 0) return value;
  }
  return entity.id;
}
