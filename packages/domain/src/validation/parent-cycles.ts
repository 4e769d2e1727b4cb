import type { ReferenceContext } from "./reference-context";
import type { Indexed } from "./schema-checks";

/** Reports each loop in the actors' parent chains once, at the actor where the loop closes. */
export function reportParentCycles(
  context: ReferenceContext,
  actors: Indexed<{ id: string }>[],
  parentOf: Map<string, string>,
): void {
  const indexOf = new Map(actors.map(({ index, value }) => [value.id, index]));
  const settled = new Set<string>();
  for (const { value } of actors) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let current: string | undefined = value.id;
    while (current !== undefined && !settled.has(current) && !onChain.has(current)) {
      chain.push(current);
      onChain.add(current);
      current = parentOf.get(current);
    }
    if (current !== undefined && onChain.has(current)) {
      const loop = chain.slice(chain.indexOf(current));
      context.report(
        ["actors", indexOf.get(current) ?? 0, "parentId"],
        `parent chain loops: ${[...loop, current].join(" -> ")}`,
      );
    }
    chain.forEach((id) => settled.add(id));
  }
}
