import type { Citation } from "./citation";

type Segment = string | number;

/**
 * Calls `visit` for every citation anywhere inside `value` (an entity, a collection, a whole document),
 * with its path. Citations live in every `citations` list, however deeply nested.
 */
export function forEachCitation(
  value: unknown,
  path: Segment[],
  visit: (citation: Citation, path: Segment[]) => void,
): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => forEachCitation(item, [...path, i], visit));
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === "citations" && Array.isArray(child))
      child.forEach((citation: Citation, i) => visit(citation, [...path, key, i]));
    else forEachCitation(child, [...path, key], visit);
  }
}
