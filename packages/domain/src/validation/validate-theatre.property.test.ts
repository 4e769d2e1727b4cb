import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getAt, isPrefix, leafPaths, setAt } from "../../test/fixtures/paths";
import { smallTheatre } from "../../test/fixtures/small-theatre";
import { collectionKeys } from "../model/theatre-document";
import type { PathSegment } from "./problem";
import { validateTheatre } from "./validate-theatre";

/** Every field of the fixture that refers to another entity. */
const REFERENCE_PATHS: PathSegment[][] = [
  ["actors", 2, "parentId"],
  ["actors", 3, "capabilities", 0, "issueId"],
  ["actors", 1, "citations", 0, "sourceId"],
  ["interests", 0, "actorId"],
  ["interests", 0, "position", "issueId"],
  ["relationships", 0, "from"],
  ["relationships", 0, "to"],
  ["relationships", 1, "otherPartyId"],
  ["cooperationAreas", 0, "participants", 1, "actorId"],
  ["cooperationAreas", 0, "sharedInterests", 0, "interestIds", 0],
  ["cooperationAreas", 0, "obstacles", 0, "actorIds", 0],
  ["cooperationAreas", 0, "obstacles", 0, "interestIds", 0],
  ["cooperationAreas", 0, "enablers", 0, "actorIds", 0],
  ["cooperationAreas", 0, "issueIds", 0],
  ["leverage", 0, "holderId"],
  ["leverage", 0, "targetId"],
  ["leverage", 0, "risksCooperationAreaIds", 0],
  ["tradeOffs", 0, "actorIds", 0],
  ["tradeOffs", 0, "leverageIds", 0],
  ["tradeOffs", 0, "cooperationAreaIds", 0],
  ["scenarios", 0, "actorIds", 0],
  ["scenarios", 0, "consequences", 0, "actorIds", 0],
  ["scenarios", 0, "consequences", 0, "interestIds", 0],
  ["scenarios", 0, "indicators", 0, "evidence", 0, "citations", 0, "sourceId"],
  ["options", 0, "decisionMakerIds", 0],
  ["options", 0, "options", 0, "actorIds", 0],
  ["options", 0, "options", 0, "scores", 1, "criterionId"],
  ["events", 0, "actorIds", 0],
  ["figures", 0, "actorIds", 0],
];

const DATE_PATHS: PathSegment[][] = [
  ["theatre", "asOf"],
  ["sources", 0, "date"],
  ["actors", 1, "founded"],
  ["relationships", 0, "start"],
  ["relationships", 0, "end"],
  ["events", 0, "date"],
  ["events", 0, "endDate"],
  ["figures", 0, "date"],
  ["scenarios", 0, "indicators", 0, "evidence", 0, "date"],
];

const COLLECTIONS = collectionKeys;

const unknownId = fc.stringMatching(/^[a-z]{2,8}(-[a-z0-9]{1,5}){0,2}$/).map((slug) => `zz-${slug}`);
const impossibleDate = fc.constantFrom(
  "2021-13",
  "2021-00-10",
  "2021-02-30",
  "2021-04-31",
  "21-08",
  "2021/08/15",
  "August 2021",
  "",
  "2021-8-1",
);
const otherTypeThan = (value: unknown) =>
  fc
    .oneof(fc.constant(null), fc.constant([]), fc.constant({}), fc.boolean(), fc.integer(), fc.string())
    .filter(
      (replacement) =>
        typeof replacement !== typeof value || Array.isArray(replacement) || replacement === null,
    );

function problemPaths(input: unknown): PathSegment[][] {
  const result = validateTheatre(input);
  return result.ok ? [] : result.problems.map((problem) => problem.path);
}

describe("validateTheatre on random corruptions of a valid theatre", () => {
  it("finds no problem in the valid theatre", () => {
    expect(problemPaths(smallTheatre())).toEqual([]);
  });

  it("reports every dangling id at its own path, all at once", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...REFERENCE_PATHS), { minLength: 1, maxLength: 8 }),
        fc.array(unknownId, { minLength: 8, maxLength: 8 }),
        (paths, ids) => {
          const theatre = smallTheatre();
          paths.forEach((path, i) => setAt(theatre, path, ids[i]));
          const reported = problemPaths(theatre);
          for (const path of paths) expect(reported).toContainEqual(path);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reports a value of the wrong type at (or above) its path", () => {
    const theatre = smallTheatre();
    const leaves = leafPaths(theatre).filter((path) => typeof getAt(theatre, path) !== "undefined");
    fc.assert(
      fc.property(
        fc
          .constantFrom(...leaves)
          .chain((path) => fc.tuple(fc.constant(path), otherTypeThan(getAt(smallTheatre(), path)))),
        ([path, replacement]) => {
          const corrupted = smallTheatre();
          setAt(corrupted, path, replacement);
          const reported = problemPaths(corrupted);
          expect(reported.length).toBeGreaterThan(0);
          expect(reported.some((problem) => isPrefix(problem, path) || isPrefix(path, problem))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reports an impossible date at its path", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DATE_PATHS), impossibleDate, (path, date) => {
        const theatre = smallTheatre();
        setAt(theatre, path, date);
        expect(problemPaths(theatre)).toContainEqual(path);
      }),
    );
  });

  it("reports a duplicated entry's id", () => {
    fc.assert(
      fc.property(fc.constantFrom(...COLLECTIONS), (collection) => {
        const theatre = smallTheatre();
        const entries = theatre[collection] as unknown[];
        entries.push(structuredClone(entries[0]));
        expect(problemPaths(theatre)).toContainEqual([collection, entries.length - 1, "id"]);
      }),
    );
  });

  it("reports an end before its start", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2018 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const theatre = smallTheatre();
        const end = `${year}-${String(month).padStart(2, "0")}`;
        theatre.relationships[0]!.end = end;
        theatre.events[0]!.endDate = end;
        const reported = problemPaths(theatre);
        expect(reported).toContainEqual(["relationships", 0, "end"]);
        expect(reported).toContainEqual(["events", 0, "endDate"]);
      }),
    );
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }),
        (input) => {
          const result = validateTheatre(input);
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...COLLECTIONS), fc.anything(), (collection, junk) => {
        const theatre = {
          ...smallTheatre(),
          [collection]: [junk, ...(smallTheatre()[collection] as unknown[])],
        };
        const result = validateTheatre(theatre);
        if (!result.ok) expect(result.problems.every((problem) => problem.path[0] === collection)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
