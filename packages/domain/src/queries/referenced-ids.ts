/**
 * Every id an entity refers to: the string values of its fields named `…Id` and the items of its fields
 * named `…Ids`, at any depth. Its own `id` is not a reference.
 */
export function referencedIds(entity: unknown): Set<string> {
  const found = new Set<string>();
  collect(entity, found, true);
  return found;
}

function collect(node: unknown, found: Set<string>, top: boolean): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, found, false);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === "string") {
      if (key.endsWith("Id") && !(top && key === "id")) found.add(value);
    } else if (key.endsWith("Ids") && Array.isArray(value)) {
      for (const item of value) if (typeof item === "string") found.add(item);
    } else if (typeof value === "object" && value !== null) collect(value, found, false);
  }
}
