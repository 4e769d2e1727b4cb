import type { Citation } from "./citation";

type Segment = string | number;

/**
 * Calls `visit` for every citation anywhere inside `value` (an entity, a collection, a whole document).
 * `path` is the citation's path, starting with `at`; it is only valid during the call (copy it to keep
 * it), because the walk reuses one array rather than allocating a path per node.
 */
export function forEachCitation(
  value: unknown,
  at: readonly Segment[],
  visit: (citation: Citation, path: readonly Segment[]) => void,
): void {
  walk(value, [...at], visit);
}

function walk(
  node: unknown,
  path: Segment[],
  visit: (citation: Citation, path: readonly Segment[]) => void,
): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      if (typeof child !== "object" || child === null) continue;
      path.push(i);
      walk(child, path, visit);
      path.pop();
    }
    return;
  }
  if (typeof node !== "object" || node === null) return;
  for (const key in node) {
    const child: unknown = (node as Record<string, unknown>)[key];
    if (typeof child !== "object" || child === null) continue;
    path.push(key);
    if (key === "citations" && Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) {
        path.push(i);
        visit(child[i] as Citation, path);
        path.pop();
      }
    } else {
      walk(child, path, visit);
    }
    path.pop();
  }
}
