import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smallTheatre, thrownBy } from "../../../test/fixtures";
import type { TheatreDocument } from "../../model/theatre-document";
import { forEachCitation } from "../../model/for-each-citation";
import { AnalysisError } from "../analysis-error";
import { indexTheatre } from "../theatre-index";
import { alignActors } from "./align-actors";
import { MAX_ALIGNED_ACTORS } from "./alignment-query";

const judged = (value: number) => ({ basis: "judgement" as const, value, rationale: "fixture" });
const cite = [{ sourceId: "report", quote: "A passage." }];

/** positions[actor][issue] = [position, salience] */
type Positions = Record<string, Record<string, [number, number]>>;

function theatreWith(positions: Positions, scales: Record<string, number> = {}): TheatreDocument {
  const document = smallTheatre();
  const issueIds = [...new Set(Object.values(positions).flatMap((held) => Object.keys(held)))].sort();
  for (const id of Object.keys(scales)) if (!issueIds.includes(id)) issueIds.push(id);
  document.actors = Object.keys(positions).map((id) => ({
    id,
    name: id.toUpperCase(),
    kind: "state" as const,
    aliases: [],
    description: "An actor.",
    capabilities: [],
    citations: cite,
  }));
  document.issues = issueIds.map((id) => ({
    id,
    name: `Issue ${id}`,
    question: "How far?",
    scale: { min: 0, max: scales[id] ?? 100, minLabel: "none", maxLabel: "all" },
    citations: cite,
  }));
  document.interests = Object.entries(positions).flatMap(([actorId, held]) =>
    Object.entries(held).map(([issueId, [position, salience]]) => ({
      id: `${actorId}-${issueId}`,
      actorId,
      objective: "Wants something.",
      salience: judged(salience),
      core: false,
      position: { issueId, value: judged(position) },
      citations: cite,
    })),
  );
  return document;
}

const pairOf = (result: ReturnType<typeof alignActors>, a: string, b: string) =>
  result.pairs.find((pair) => pair.actorIds.includes(a) && pair.actorIds.includes(b))!;

describe("alignActors", () => {
  it("weights each shared issue's agreement by the geometric mean of the saliences", () => {
    const index = indexTheatre(
      theatreWith({ a: { x: [0, 100], y: [5, 25] }, b: { x: [100, 100], y: [5, 100] } }, { y: 10 }),
    );
    const [pair] = alignActors(index, {}).pairs;
    expect(pair!.issues.map(({ issueId, agreement, weight }) => [issueId, agreement, weight])).toEqual([
      ["x", 0, 100],
      ["y", 1, 50],
    ]);
    expect(pair!.score).toBeCloseTo(50 / 150, 12);
    expect(pair!.issueCount).toBe(2);
    expect(pair!.issues[1]!.sides.map((side) => side.salience.value)).toEqual([25, 100]);
  });

  it("measures agreement on each issue's own scale", () => {
    const index = indexTheatre(theatreWith({ a: { y: [2, 50] }, b: { y: [7, 50] } }, { y: 10 }));
    expect(alignActors(index, {}).pairs[0]!.score).toBeCloseTo(0.5, 12);
  });

  it("says when two actors share no issue instead of inventing a score", () => {
    const index = indexTheatre(theatreWith({ a: { x: [0, 50] }, b: { y: [0, 50] }, c: { x: [0, 50] } }));
    const result = alignActors(index, {});
    expect(pairOf(result, "a", "b")).toMatchObject({ score: null, issueCount: 0, issues: [] });
    expect(pairOf(result, "a", "c").score).toBe(1);
  });

  it("compares only the chosen issues, and lists the issues the actors hold", () => {
    const index = indexTheatre(
      theatreWith({ a: { x: [0, 50], y: [0, 50] }, b: { x: [100, 50], y: [0, 50] } }),
    );
    const result = alignActors(index, { issueIds: ["y"] });
    expect(result.pairs[0]).toMatchObject({ score: 1, issueCount: 1 });
    expect(result.issues.map((issue) => issue.id)).toEqual(["y"]);
    expect(result.actors[0]!.positions.map((position) => position.interestId)).toEqual(["a-y"]);
  });

  it("keeps the actors in the order asked for and pairs them in that order", () => {
    const index = indexTheatre(theatreWith({ a: { x: [0, 50] }, b: { x: [10, 50] }, c: { x: [90, 50] } }));
    const result = alignActors(index, { actorIds: ["c", "a", "b"] });
    expect(result.actors.map((actor) => actor.id)).toEqual(["c", "a", "b"]);
    expect(result.pairs.map((pair) => pair.actorIds)).toEqual([
      ["c", "a"],
      ["c", "b"],
      ["a", "b"],
    ]);
  });

  it("groups aligned actors into blocs and leaves out the ones that fit nowhere", () => {
    const index = indexTheatre(
      theatreWith({
        a: { x: [0, 80], y: [10, 80] },
        b: { x: [5, 60], y: [0, 70] },
        c: { x: [10, 90], y: [20, 50] },
        d: { x: [100, 90], y: [95, 90] },
        e: { x: [90, 40], y: [100, 40] },
        f: { x: [50, 40], y: [50, 40] },
      }),
    );
    const { blocs } = alignActors(index, {});
    expect(blocs.map((bloc) => bloc.actorIds)).toEqual([
      ["a", "b", "c"],
      ["d", "e"],
    ]);
    expect(blocs[0]!.pairCount).toBe(3);
    expect(blocs[0]!.issues).toEqual([
      { issueId: "x", actorIds: ["a", "b", "c"], agreement: 0.9 },
      { issueId: "y", actorIds: ["a", "b", "c"], agreement: 0.8 },
    ]);
  });

  it("builds blocs only from pairs sharing enough issues", () => {
    const index = indexTheatre(theatreWith({ a: { x: [0, 80] }, b: { x: [0, 80] } }));
    expect(alignActors(index, {}).blocs).toEqual([]);
    expect(alignActors(index, { minimumIssues: 1 }).blocs.map((bloc) => bloc.actorIds)).toEqual([["a", "b"]]);
  });

  it("merges clusters on their average alignment, not their closest members", () => {
    // a~b 0.9, a~c 0.78, b~c 0.68: c is close enough to a, but {a, b} and c average 0.73.
    const index = indexTheatre(
      theatreWith({
        a: { x: [50, 50], y: [50, 50] },
        b: { x: [40, 50], y: [40, 50] },
        c: { x: [72, 50], y: [72, 50] },
      }),
    );
    expect(alignActors(index, {}).blocs.map((bloc) => bloc.actorIds)).toEqual([["a", "b"]]);
    const looser = alignActors(index, { blocThreshold: 0.7 });
    expect(looser.blocs.map((bloc) => bloc.actorIds)).toEqual([["a", "b", "c"]]);
    expect(looser.blocs[0]!.cohesion).toBeCloseTo((0.9 + 0.78 + 0.68) / 3, 12);
  });

  it("refuses bad input with an AnalysisError naming the field", () => {
    const index = indexTheatre(theatreWith({ a: { x: [0, 50] }, b: { x: [0, 50] } }, { y: 100 }));
    const refuse = (query: unknown, field: string) => {
      const error = thrownBy(() => alignActors(index, query as never));
      expect(error).toBeInstanceOf(AnalysisError);
      expect((error as AnalysisError).field).toBe(field);
    };
    refuse({ actorIds: ["a", "zz"] }, "actorIds[1]");
    refuse({ actorIds: ["a"] }, "actorIds");
    refuse({ actorIds: ["a", "a"] }, "actorIds[1]");
    refuse({ actorIds: [] }, "actorIds");
    refuse({ actorIds: "a,b" }, "actorIds");
    refuse({ issueIds: ["xx"] }, "issueIds[0]");
    refuse({ issueIds: ["y"] }, "actorIds");
    refuse({ blocThreshold: 1.5 }, "blocThreshold");
    refuse({ blocThreshold: Number.NaN }, "blocThreshold");
    refuse({ minimumIssues: 0 }, "minimumIssues");
    refuse({ minimumIssues: 1.5 }, "minimumIssues");
    refuse(null, "query");
  });

  it(`refuses more than ${MAX_ALIGNED_ACTORS} actors and says to choose actors or issues`, () => {
    const many: Positions = {};
    for (let i = 0; i <= MAX_ALIGNED_ACTORS; i++) many[`actor-${i}`] = { x: [i % 100, 50] };
    const error = thrownBy(() => alignActors(indexTheatre(theatreWith(many)), {}));
    expect(error).toBeInstanceOf(AnalysisError);
    expect((error as Error).message).toMatch(/choose at most 1000 actors \(actorIds\) or fewer issues/);
  });
});

const actorNames = ["a", "b", "c", "d", "e", "f"];
const positionsArbitrary = fc.dictionary(
  fc.constantFrom(...actorNames),
  fc.dictionary(
    fc.constantFrom("x", "y", "z", "w"),
    fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
  ),
  { minKeys: 2 },
);

describe("alignActors properties", () => {
  it("is symmetric, bounded and deterministic, and cites only the theatre's sources", () => {
    fc.assert(
      fc.property(
        positionsArbitrary,
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (positions, minimumIssues, blocThreshold) => {
          const document = theatreWith(positions);
          const index = indexTheatre(document);
          const actorIds = Object.keys(positions);
          const query = { actorIds, minimumIssues, blocThreshold };
          const result = alignActors(index, query);
          expect(JSON.stringify(alignActors(index, query))).toBe(JSON.stringify(result));

          const reversed = alignActors(index, { ...query, actorIds: [...actorIds].reverse() });
          for (const pair of result.pairs) {
            const [a, b] = pair.actorIds;
            const mirror = pairOf(reversed, a, b);
            expect(mirror.score).toBe(pair.score);
            expect(mirror.issueCount).toBe(pair.issueCount);
            const shared = Object.keys(positions[a]!).filter((issue) => issue in positions[b]!);
            expect(pair.issueCount).toBe(shared.length);
            if (pair.score !== null) {
              expect(pair.score).toBeGreaterThanOrEqual(0);
              expect(pair.score).toBeLessThanOrEqual(1);
            }
          }

          const inBlocs = result.blocs.flatMap((bloc) => bloc.actorIds);
          expect(new Set(inBlocs).size).toBe(inBlocs.length);
          for (const bloc of result.blocs) {
            expect(bloc.actorIds.length).toBeGreaterThanOrEqual(2);
            expect(bloc.cohesion).toBeGreaterThanOrEqual(blocThreshold - 1e-9);
            expect(bloc.cohesion).toBeLessThanOrEqual(1 + 1e-9);
          }

          const sources = new Set(document.sources.map((source) => source.id));
          forEachCitation(result, [], (citation) => expect(sources).toContain(citation.sourceId));
        },
      ),
    );
  });

  it("answers any query with a result or an AnalysisError, never another exception", () => {
    const index = indexTheatre(theatreWith({ a: { x: [0, 50] }, b: { x: [20, 50] } }));
    fc.assert(
      fc.property(
        fc.record(
          {
            actorIds: fc.oneof(fc.array(fc.constantFrom("a", "b", "c", "")), fc.anything()),
            issueIds: fc.oneof(fc.array(fc.constantFrom("x", "q")), fc.anything()),
            blocThreshold: fc.oneof(fc.double(), fc.anything()),
            minimumIssues: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.anything()),
          },
          { requiredKeys: [] },
        ),
        (query) => {
          const error = thrownBy(() => alignActors(index, query as never));
          if (error !== undefined) expect(error).toBeInstanceOf(AnalysisError);
        },
      ),
    );
  });
});
