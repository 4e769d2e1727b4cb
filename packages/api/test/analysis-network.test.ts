import { findBrokers, findInfluencePaths, forEachCitation, indexTheatre } from "@parley/domain";
import { describe, expect, it } from "vitest";
import { afghanistanTheatre } from "./shipped-theatres";

const index = indexTheatre(afghanistanTheatre());

describe("network analysis of the Afghanistan theatre", () => {
  it("has the United States reach the TTP through the Taliban, who host and support it", () => {
    const result = findInfluencePaths(index, { fromId: "united-states", toId: "ttp" });
    expect(result.shortestLength).toBe(2);
    for (const path of result.paths.filter((entry) => entry.shortest))
      expect(path.actors.map((actor) => actor.id)).toEqual(["united-states", "taliban", "ttp"]);
    expect(result.intermediaries[0]).toMatchObject({ actor: { id: "taliban" }, shareOfShortestPaths: 1 });
    const lastStep = result.paths[0]!.steps[1]!.relationships.map((relationship) => relationship.id);
    expect(lastStep).toEqual(expect.arrayContaining(["taliban-hosts-ttp", "taliban-supports-ttp"]));
    const firstStep = result.paths[0]!.steps[0]!.relationships.map((relationship) => relationship.kind);
    expect(firstStep).toEqual(expect.arrayContaining(["negotiates-with", "engages-with"]));
    expect(firstStep).not.toContain("adversary-of");
  });

  it("has Pakistan reach the TTP through the Taliban, its mediator, and not through its own war on it", () => {
    const result = findInfluencePaths(index, { fromId: "pakistan", toId: "ttp" });
    expect(result.paths[0]!.actors.map((actor) => actor.id)).toEqual(["pakistan", "taliban", "ttp"]);
    const ties = result.paths[0]!.steps.flatMap((step) =>
      step.relationships.map((relationship) => relationship.id),
    );
    expect(ties).toContain("taliban-mediates-between-pakistan-and-ttp");
    expect(ties).not.toContain("pakistan-attacks-ttp");
    const hostile = findInfluencePaths(index, { fromId: "pakistan", toId: "ttp", kinds: ["attacks"] });
    expect(hostile.paths[0]!.steps[0]!.relationships.map((relationship) => relationship.id)).toEqual([
      "pakistan-attacks-ttp",
    ]);
  });

  it("leaves out ties that ended before the as-of date", () => {
    const result = findInfluencePaths(index, {
      fromId: "taliban",
      toId: "ayman-al-zawahiri",
      kinds: ["hosts"],
    });
    expect(result.paths).toEqual([]);
    expect(result.reason).toBeTruthy();
    const then = findInfluencePaths(index, {
      fromId: "taliban",
      toId: "ayman-al-zawahiri",
      kinds: ["hosts"],
      includeInactive: true,
    });
    expect(then.paths[0]!.steps[0]!.relationships[0]!.id).toBe("taliban-hosts-ayman-al-zawahiri");
  });

  it("ranks the Taliban first among brokers, bridging those who engage it and the groups it hosts", () => {
    const result = findBrokers(index);
    expect(result.method.exact).toBe(true);
    expect(result.brokers[0]!.actor.id).toBe("taliban");
    const taliban = result.brokers[0]!;
    expect(taliban.bridges.solePairs).toBeGreaterThan(0);
    expect(taliban.normalised).toBeGreaterThan(result.brokers[1]!.normalised);
  });

  it("cites only sources of the theatre", () => {
    const results = [findBrokers(index), findInfluencePaths(index, { fromId: "united-states", toId: "ttp" })];
    let citations = 0;
    forEachCitation(results, [], (citation) => {
      citations++;
      expect(index.sources.has(citation.sourceId)).toBe(true);
    });
    expect(citations).toBeGreaterThan(0);
  });
});
