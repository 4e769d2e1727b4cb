import fc from "fast-check";
import { validateTheatre, type PathSegment, type TheatreDocument } from "@parley/domain";
import { getAt, isPrefix, leafPaths, setAt } from "@parley/domain/testing";
import { describe, expect, it } from "vitest";
import { checkTheatre } from "../src/theatre-files";
import { afghanistanDirectory } from "./shipped-theatres";

const theatre = checkTheatre(afghanistanDirectory).document as TheatreDocument;

/** A reference is a field named like `actorId`, `from`/`to`, or an item of a list named like `actorIds`. */
function isReference(path: PathSegment[]): boolean {
  const last = path.at(-1);
  const owner = typeof last === "number" ? path.at(-2) : last;
  return typeof owner === "string" && (/(Id|Ids)$/.test(owner) || owner === "from" || owner === "to");
}

function corrupt(path: PathSegment[], value: unknown): unknown {
  const copy = structuredClone(theatre);
  setAt(copy, path, value);
  return copy;
}

const leaves = leafPaths(theatre);
const references = leaves.filter(isReference);

describe("random corruptions of the Afghanistan theatre", () => {
  it("has thousands of references to corrupt", () => {
    expect(references.length).toBeGreaterThan(1000);
  });

  it("reports a dangling reference at exactly its path", () => {
    fc.assert(
      fc.property(fc.constantFrom(...references), (path) => {
        const result = validateTheatre(corrupt(path, "zz-no-such-entity"));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems.map((problem) => problem.path)).toContainEqual(path);
      }),
      { numRuns: 60 },
    );
  });

  it("reports a value of the wrong type at or above its path, never throwing", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...leaves),
        fc.constantFrom<unknown>(null, [], {}, true),
        (path, replacement) => {
          fc.pre(typeof getAt(theatre, path) !== typeof replacement); // `true` for a boolean is no corruption
          const result = validateTheatre(corrupt(path, replacement));
          expect(result.ok).toBe(false);
          if (!result.ok)
            expect(
              result.problems.some((problem) => isPrefix(problem.path, path) || isPrefix(path, problem.path)),
            ).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
