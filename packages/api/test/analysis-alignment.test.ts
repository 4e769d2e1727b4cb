import { type Alignment, alignActors, forEachCitation, indexTheatre } from "@parley/domain";
import { describe, expect, it } from "vitest";
import { afghanistanTheatre } from "./shipped-theatres";

const index = indexTheatre(afghanistanTheatre());

const pairOf = (result: Alignment, a: string, b: string) =>
  result.pairs.find((pair) => pair.actorIds.includes(a) && pair.actorIds.includes(b))!;
const blocOf = (result: Alignment, actorId: string) =>
  result.blocs.find((bloc) => bloc.actorIds.includes(actorId));

describe("alignment in the Afghanistan theatre", () => {
  const result = alignActors(index, {});

  it("puts the Taliban with al-Qaeda and the TTP on sanctuary, and the US, UK and Pakistan against them", () => {
    const taliban = (other: string) => pairOf(result, "taliban", other);
    expect(taliban("al-qaeda").score).toBeGreaterThanOrEqual(0.75);
    expect(taliban("al-qaeda").issues.map((issue) => issue.issueId)).toEqual(["action-against-al-qaeda"]);
    expect(taliban("ttp").score).toBeGreaterThanOrEqual(0.75);
    expect(pairOf(result, "united-states", "al-qaeda").score).toBeLessThanOrEqual(0.25);
    expect(pairOf(result, "pakistan", "ttp").score).toBeLessThanOrEqual(0.25);
  });

  it("says al-Qaeda and the TTP share no issue rather than inventing a score", () => {
    expect(pairOf(result, "al-qaeda", "ttp")).toMatchObject({ score: null, issueCount: 0 });
  });

  it("aligns the US, the UK and NATO with each other and not with the Taliban", () => {
    const us = (other: string) => pairOf(result, "united-states", other);
    expect(us("united-kingdom").score).toBeGreaterThanOrEqual(0.8);
    expect(us("nato").score).toBeGreaterThanOrEqual(0.8);
    expect(us("taliban").score).toBeLessThan(0.5);
    expect(us("taliban").issueCount).toBeGreaterThanOrEqual(5);
    const girls = us("taliban").issues.find((issue) => issue.issueId === "girls-secondary-education")!;
    expect(girls.agreement).toBeLessThan(0.3);
    expect(pairOf(result, "nato", "taliban").score).toBeLessThan(0.5);

    const western = blocOf(result, "united-states")!;
    expect(western.actorIds).toEqual(expect.arrayContaining(["united-kingdom", "nato"]));
    expect(western.actorIds).not.toContain("taliban");
    expect(western.cohesion).toBeGreaterThanOrEqual(result.blocThreshold);
  });

  it("groups the Taliban with its jihadist partners when single-issue pairs count", () => {
    const chosen = alignActors(index, {
      actorIds: ["united-states", "united-kingdom", "nato", "taliban", "al-qaeda", "ttp"],
      minimumIssues: 1,
    });
    expect(blocOf(chosen, "taliban")?.actorIds).toEqual(["al-qaeda", "taliban", "ttp"]);
    expect(blocOf(chosen, "united-states")?.actorIds).toEqual(["nato", "united-kingdom", "united-states"]);
  });

  it("cites only the theatre's sources", () => {
    const sources = new Set(index.sources.keys());
    forEachCitation(result, [], (citation) => expect(sources).toContain(citation.sourceId));
  });
});
