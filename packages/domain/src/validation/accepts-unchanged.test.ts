import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getAt, leafPaths } from "../../test/fixtures/paths";
import { smallTheatre } from "../../test/fixtures/small-theatre";
import { Scale } from "../model/scale";
import { collectionKeys, collectionSchemas, type CollectionKey } from "../model/theatre-document";
import { generateSyntheticTheatre } from "../synthetic";
import type { PathSegment } from "./problem";
import { acceptsUnchanged } from "./accepts-unchanged";

const entries = (document: unknown) =>
  collectionKeys.flatMap((key) =>
    ((document as Record<CollectionKey, unknown[]>)[key] ?? []).map((entry) => ({ key, entry })),
  );
const fixtureEntries = entries(JSON.parse(JSON.stringify(smallTheatre())));

/** Paths to every object inside a value (itself included). */
function objectPaths(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectPaths(item, [...path, i]));
  if (typeof value !== "object" || value === null) return [];
  return [path, ...Object.entries(value).flatMap(([key, child]) => objectPaths(child, [...path, key]))];
}

const anyValue = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[a-z]{1,6}(-[a-z0-9]{1,4})?$/),
  fc.integer({ min: -200, max: 200 }),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, undefined, {}, [], "", " ", "2021-02-30", "judgement", "sourced", Number.NaN),
);

type Mutation = (entry: Record<string, unknown>) => void;
const mutation: fc.Arbitrary<(entry: unknown) => void> = fc.oneof(
  fc.tuple(fc.nat(), anyValue).map(([pick, value]): Mutation => (entry) => {
    const paths = leafPaths(entry);
    const path = paths[pick % paths.length]!;
    (getAt(entry, path.slice(0, -1)) as Record<PathSegment, unknown>)[path.at(-1)!] = value;
  }),
  fc
    .tuple(fc.nat(), fc.nat(), fc.constantFrom("delete", "reverse", "unknown"))
    .map(([pick, keyPick, kind]): Mutation => (entry) => {
      const paths = objectPaths(entry);
      const node = getAt(entry, paths[pick % paths.length]!) as Record<string, unknown>;
      const keys = Object.keys(node);
      if (kind === "unknown") node.surprise = 1;
      else if (kind === "delete" && keys.length > 0) delete node[keys[keyPick % keys.length]!];
      else
        for (const key of keys.reverse()) {
          const value = node[key];
          delete node[key];
          node[key] = value;
        }
    }),
) as fc.Arbitrary<(entry: unknown) => void>;

describe("acceptsUnchanged", () => {
  it("accepts a complete entry whose keys follow the schema, as zod would return it", () => {
    const synthetic = entries(JSON.parse(JSON.stringify(generateSyntheticTheatre({ actors: 40, seed: 4 }))));
    for (const { key, entry } of [...synthetic, ...fixtureEntries]) {
      expect(acceptsUnchanged(collectionSchemas[key], entry), key).toBe(true);
      expect(collectionSchemas[key].parse(entry)).toStrictEqual(entry);
    }
  });

  it("declines what zod would change or reject, leaving zod to fill in or to report", () => {
    const actor = () => JSON.parse(JSON.stringify(smallTheatre().actors[0]));
    const withoutAliases = actor();
    delete withoutAliases.aliases;
    expect(collectionSchemas.actors.safeParse(withoutAliases).success).toBe(true);
    expect(acceptsUnchanged(collectionSchemas.actors, withoutAliases)).toBe(false);
    const reordered = { name: actor().name, ...actor() };
    expect(acceptsUnchanged(collectionSchemas.actors, reordered)).toBe(false);
    expect(acceptsUnchanged(collectionSchemas.actors, { ...actor(), extra: true })).toBe(false);
    expect(acceptsUnchanged(collectionSchemas.actors, { ...actor(), id: "Not A Slug" })).toBe(false);
    expect(acceptsUnchanged(collectionSchemas.actors, { ...actor(), citations: [] })).toBe(false);
    expect(acceptsUnchanged(Scale, { min: 0, max: 10, minLabel: "a", maxLabel: "b" })).toBe(true);
    expect(acceptsUnchanged(Scale, { min: 10, max: 10, minLabel: "a", maxLabel: "b" })).toBe(false);
  });

  it("never accepts what zod rejects or would return changed", () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (pick, mutations) => {
        const { key, entry } = fixtureEntries[pick % fixtureEntries.length]!;
        const value: unknown = structuredClone(entry);
        for (const mutate of mutations) mutate(value);
        if (!acceptsUnchanged(collectionSchemas[key], value)) return;
        const parsed = collectionSchemas[key].safeParse(value);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toStrictEqual(value);
        expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(value));
      }),
      { numRuns: 3000 },
    );
  });
});
