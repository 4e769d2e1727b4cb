import type { Theatre } from "../model/theatre";
import { collectionKeys, type CollectionKey, type TheatreDocument } from "../model/theatre-document";
import type { PathSegment, Problem } from "../validation/problem";
import { validateTheatre } from "../validation/validate-theatre";

/** One change to a theatre: an entity created, replaced or deleted, or the theatre's own description replaced. */
export type Edit =
  | { operation: "create"; kind: CollectionKey; data: unknown }
  | { operation: "update"; kind: CollectionKey; id: string; data: unknown }
  | { operation: "delete"; kind: CollectionKey; id: string }
  | { operation: "update"; kind: "theatre"; data: unknown };

export type EditResult =
  | { ok: true; document: TheatreDocument; entity: { id: string } | undefined }
  | { ok: false; problems: Problem[] };

/** The error for an edit naming an entity the theatre does not have. */
export class EntityNotFound extends Error {
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`no ${kind} "${id}" in this theatre`);
  }
}

/**
 * Applies `edit` to a copy of a valid document and validates the result whole, references included.
 * Problems inside the edited entity are reported under `data` (`data.actorId`); problems it causes
 * elsewhere (a deleted actor still referred to) under the other entity's collection and id
 * (`interests`, `"taliban-ct"`, `actorId`). The input document is never changed.
 */
export function applyEdit(document: TheatreDocument, edit: Edit): EditResult {
  if (edit.kind === "theatre") {
    const data = edit.data as { id?: unknown } | null;
    if (typeof data === "object" && data !== null && data.id !== document.theatre.id)
      return { ok: false, problems: [idChange(document.theatre.id, data.id)] };
    return finish(
      document,
      { ...document, theatre: edit.data as Theatre },
      "theatre",
      -1,
      document.theatre.id,
    );
  }
  const entries = document[edit.kind] as { id: string }[];
  const next = [...entries];
  let at: number;
  let id: string;
  if (edit.operation === "create") {
    const data = edit.data as { id?: unknown } | null;
    id = typeof data === "object" && data !== null && typeof data.id === "string" ? data.id : "";
    if (id !== "" && entries.some((entry) => entry.id === id))
      return {
        ok: false,
        problems: [
          { path: ["data", "id"], message: `"${id}" is already the id of another entry in ${edit.kind}` },
        ],
      };
    at = next.push(edit.data as { id: string }) - 1;
  } else {
    id = edit.id;
    at = entries.findIndex((entry) => entry.id === id);
    if (at < 0) throw new EntityNotFound(edit.kind, id);
    if (edit.operation === "delete") {
      next.splice(at, 1);
      at = -1;
    } else {
      const data = edit.data as { id?: unknown } | null;
      if (typeof data === "object" && data !== null && data.id !== id)
        return { ok: false, problems: [idChange(id, data.id)] };
      next[at] = edit.data as { id: string };
    }
  }
  return finish(document, { ...document, [edit.kind]: next }, edit.kind, at, id);
}

function finish(
  document: TheatreDocument,
  candidate: TheatreDocument,
  kind: CollectionKey | "theatre",
  at: number,
  id: string,
): EditResult {
  // Every entry but the edited one is an unchanged object of the valid document: only its references need checking.
  const unchanged = new Set<unknown>([document.theatre]);
  for (const key of collectionKeys) for (const entry of document[key]) unchanged.add(entry);
  const validation = validateTheatre(candidate, { knownValid: (value) => unchanged.has(value) });
  if (!validation.ok) {
    return {
      ok: false,
      problems: validation.problems.map((problem) => ({
        message: problem.message,
        path: relocate(problem.path, candidate, kind, at),
      })),
    };
  }
  const validated = validation.document;
  const entity =
    kind === "theatre"
      ? validated.theatre
      : (validated[kind] as { id: string }[]).find((entry) => entry.id === id && at >= 0);
  return { ok: true, document: validated, entity };
}

function relocate(
  path: readonly PathSegment[],
  candidate: TheatreDocument,
  kind: CollectionKey | "theatre",
  at: number,
): PathSegment[] {
  const [first, second, ...rest] = path;
  if (kind === "theatre" && first === "theatre") return ["data", ...path.slice(1)];
  if (first === kind && second === at) return ["data", ...rest];
  if (typeof first === "string" && first !== "theatre" && typeof second === "number") {
    const other = (candidate[first as CollectionKey] as { id?: unknown }[] | undefined)?.[second];
    if (typeof other?.id === "string") return [first, other.id, ...rest];
  }
  return [...path];
}

function idChange(id: string, wanted: unknown): Problem {
  return {
    path: ["data", "id"],
    message: `is ${JSON.stringify(wanted)} but the entry being changed is "${id}"; ids cannot change (create a new entry and delete this one)`,
  };
}
