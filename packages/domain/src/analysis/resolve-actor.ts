import { foldText } from "../queries/fold-text";
import type { Actor } from "../model/actor";
import { closestMatch } from "../validation/suggest";
import { AnalysisError } from "./analysis-error";
import type { TheatreIndex } from "./theatre-index";

const MAX_CANDIDATES = 8;

/**
 * The actor a person means by `query`: its id, or its name or an alias, compared case-insensitively.
 * An unknown or ambiguous name is an AnalysisError on `field` listing the candidates.
 */
export function resolveActor(index: TheatreIndex, query: string, field = "actor"): Actor {
  const wanted = query.trim();
  if (wanted === "") throw new AnalysisError(field, "an actor name or id is required");
  const byId = index.actors.get(wanted);
  if (byId) return byId;

  const key = foldText(wanted);
  const matches = index.document.actors.filter((actor) =>
    namesOf(actor).some((name) => foldText(name) === key),
  );
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    throw new AnalysisError(
      field,
      `"${query}" is ambiguous: it names ${matches.length} actors (${matches.map(label).join("; ")}); give an id`,
      matches.map((actor) => actor.id),
    );

  const candidates = candidatesFor(index, key);
  throw new AnalysisError(
    field,
    `no actor is called "${query}"` +
      (candidates.length > 0 ? `; did you mean ${candidates.map((actor) => label(actor)).join("; ")}?` : ""),
    candidates.map((actor) => actor.id),
  );
}

/** Resolves a list of actor names, rejecting an empty list and the same actor named twice. */
export function resolveActors(
  index: TheatreIndex,
  queries: readonly string[],
  field = "actors",
  minimum = 1,
): Actor[] {
  const actors = queries.map((query, i) => resolveActor(index, query, `${field}[${i}]`));
  if (actors.length < minimum)
    throw new AnalysisError(field, `name at least ${minimum} actor${minimum === 1 ? "" : "s"}`);
  const seen = new Map<string, number>();
  actors.forEach((actor, i) => {
    const earlier = seen.get(actor.id);
    if (earlier !== undefined)
      throw new AnalysisError(
        `${field}[${i}]`,
        `"${queries[i]}" is the same actor as "${queries[earlier]}" (${actor.id})`,
      );
    seen.set(actor.id, i);
  });
  return actors;
}

/** "Name (id)", how an actor is shown in messages. */
export function label(actor: Actor): string {
  return `${actor.name} (${actor.id})`;
}

function namesOf(actor: Actor): string[] {
  return [actor.id, actor.name, ...actor.aliases];
}

/** Actors whose names contain the query, then any whose name is a likely typo of it. */
function candidatesFor(index: TheatreIndex, key: string): Actor[] {
  const containing = index.document.actors.filter((actor) =>
    namesOf(actor).some((name) => foldText(name).includes(key)),
  );
  if (containing.length > 0) return containing.slice(0, MAX_CANDIDATES);
  const owners = new Map<string, Actor>();
  for (const actor of index.document.actors)
    for (const name of namesOf(actor)) if (!owners.has(foldText(name))) owners.set(foldText(name), actor);
  const guess = closestMatch(key, owners.keys());
  return guess ? [owners.get(guess)!] : [];
}
