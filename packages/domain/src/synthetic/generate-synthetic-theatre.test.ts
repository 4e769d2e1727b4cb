import { describe, expect, it } from "vitest";
import { forEachCitation } from "../model/for-each-citation";
import type { TheatreDocument } from "../model/theatre-document";
import { formatProblem } from "../validation/problem";
import { validateTheatre } from "../validation/validate-theatre";
import { generateSyntheticTheatre } from "./generate-synthetic-theatre";

const HOSTILE = new Set(["adversary-of", "rival-of", "attacks", "pressures"]);

function roundTrip(document: TheatreDocument): unknown {
  return JSON.parse(JSON.stringify(document));
}

describe("generateSyntheticTheatre", () => {
  it.each([
    [20, 1],
    [200, 7],
    [1000, 42],
    [300, -3],
  ])("generates a valid theatre of %i actors (seed %i), already in its validated form", (actors, seed) => {
    const document = generateSyntheticTheatre({ actors, seed });
    const result = validateTheatre(roundTrip(document));
    if (!result.ok) expect(result.problems.slice(0, 10).map(formatProblem)).toEqual([]);
    expect(result.ok && result.document).toEqual(document);
  });

  it("gives the same document, byte for byte, for the same seed, and another for another seed", () => {
    const first = JSON.stringify(generateSyntheticTheatre({ actors: 300, seed: 5 }));
    expect(JSON.stringify(generateSyntheticTheatre({ actors: 300, seed: 5 }))).toBe(first);
    expect(JSON.stringify(generateSyntheticTheatre({ actors: 300, seed: 6 }))).not.toBe(first);
  });

  it("has the counts asked for", () => {
    const document = generateSyntheticTheatre({ actors: 1000, seed: 1 });
    expect(document.theatre.id).toBe("synthetic-1000-1");
    expect(document.actors).toHaveLength(1000);
    expect(document.issues).toHaveLength(200);
    expect(document.interests).toHaveLength(10_000);
    expect(document.relationships).toHaveLength(5000);
    expect(document.cooperationAreas).toHaveLength(50);
    expect(document.leverage).toHaveLength(100);
    for (const actor of document.actors) {
      expect(document.relationships.filter((tie) => tie.from === actor.id).length).toBeLessThanOrEqual(5);
    }
    const custom = generateSyntheticTheatre({
      actors: 100,
      seed: 1,
      interestsPerActor: 4,
      relationshipsPerActor: 3,
      issues: 30,
    });
    expect(custom.issues).toHaveLength(30);
    expect(custom.interests).toHaveLength(400);
    expect(custom.relationships).toHaveLength(300);
    expect(validateTheatre(roundTrip(custom)).ok).toBe(true);
  });

  it("looks like a real theatre: parents, positions, core interests, hubs, hostile and ended ties", () => {
    const document = generateSyntheticTheatre({ actors: 1000, seed: 3 });
    const kinds = new Set(document.actors.map((actor) => actor.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(8);
    const withParent = document.actors.filter((actor) => actor.parentId !== undefined).length;
    expect(withParent).toBeGreaterThan(100);
    const positioned = document.interests.filter((interest) => interest.position).length;
    expect(positioned).toBe(8000);
    const core = document.interests.filter((interest) => interest.core).length;
    expect(core).toBeGreaterThan(100);
    expect(core).toBeLessThan(2000);
    expect(
      document.interests.every(
        (i) => i.salience.basis === "judgement" && i.salience.rationale === "synthetic",
      ),
    ).toBe(true);
    const ties = document.relationships;
    expect(ties.filter((tie) => HOSTILE.has(tie.kind)).length).toBeGreaterThan(ties.length / 10);
    expect(ties.filter((tie) => tie.end !== undefined).length).toBeGreaterThan(ties.length / 20);
    const degree = new Map<string, number>();
    for (const tie of ties) for (const id of [tie.from, tie.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const degrees = [...degree.values()].sort((a, b) => a - b);
    expect(degrees.at(-1)!).toBeGreaterThan(5 * degrees[degrees.length >> 1]!);
    expect(document.leverage.some((lever) => lever.risksCooperationAreaIds.length > 0)).toBe(true);
    expect(
      document.options.every((set) => set.options.every((o) => o.scores.length === set.criteria.length)),
    ).toBe(true);
  });

  it("places actors of one camp closer together than actors of opposing blocs", () => {
    const document = generateSyntheticTheatre({ actors: 600, seed: 9 });
    const camp = new Map(
      document.actors.map((actor) => [actor.id, /of the (\w+) camp/.exec(actor.description)![1]!]),
    );
    const blocOf = (name: string) =>
      Math.floor(["northern", "southern", "eastern", "western", "coastal", "highland"].indexOf(name) / 2);
    const byIssue = new Map<string, { actorId: string; value: number }[]>();
    for (const interest of document.interests)
      if (interest.position) {
        const list = byIssue.get(interest.position.issueId) ?? [];
        list.push({ actorId: interest.actorId, value: interest.position.value.value });
        byIssue.set(interest.position.issueId, list);
      }
    const gaps = { sameCamp: [] as number[], otherBloc: [] as number[] };
    for (const positions of byIssue.values())
      for (let i = 0; i < positions.length; i++)
        for (let j = i + 1; j < positions.length; j++) {
          const a = camp.get(positions[i]!.actorId)!;
          const b = camp.get(positions[j]!.actorId)!;
          const gap = Math.abs(positions[i]!.value - positions[j]!.value);
          if (a === b) gaps.sameCamp.push(gap);
          else if (blocOf(a) !== blocOf(b)) gaps.otherBloc.push(gap);
        }
    const mean = (list: number[]) => list.reduce((sum, x) => sum + x, 0) / list.length;
    expect(mean(gaps.sameCamp)).toBeLessThan(mean(gaps.otherBloc) / 2);
  });

  it("cites only its own synthetic sources, with no source texts to verify", () => {
    const document = generateSyntheticTheatre({ actors: 100, seed: 2 });
    const sourceIds = new Set(document.sources.map((source) => source.id));
    let citations = 0;
    forEachCitation(document, [], (citation) => {
      citations++;
      expect(sourceIds.has(citation.sourceId)).toBe(true);
    });
    expect(citations).toBeGreaterThan(2000);
    expect(
      document.sources.every((source) => source.textFile === undefined && source.id.startsWith("synthetic-")),
    ).toBe(true);
  });

  it.each([
    [{ actors: 5, seed: 1 }, /actors must be an integer of at least 20, not 5/],
    [{ actors: 100.5, seed: 1 }, /actors must be an integer/],
    [{ actors: 100, seed: Number.NaN }, /seed must be an integer, not NaN/],
    [{ actors: 40, seed: 1, relationshipsPerActor: 11 }, /relationshipsPerActor must be at most a quarter/],
  ])("refuses options it cannot honour (%j)", (options, message) => {
    expect(() => generateSyntheticTheatre(options)).toThrow(message);
  });
});
