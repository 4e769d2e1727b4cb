import {
  type AreaCooperationOpportunity,
  type CooperationFinding,
  findCooperation,
  forEachCitation,
  indexTheatre,
} from "@parley/domain";
import { describe, expect, it } from "vitest";
import { afghanistanTheatre } from "./shipped-theatres";

const index = indexTheatre(afghanistanTheatre());
const usTaliban = findCooperation(index, { actorIds: ["united-states", "taliban"] });

function areas(finding: CooperationFinding): AreaCooperationOpportunity[] {
  return finding.opportunities.filter((entry) => entry.kind === "area");
}

function area(finding: CooperationFinding, id: string): AreaCooperationOpportunity {
  const found = areas(finding).find((entry) => entry.id === id);
  if (!found) throw new Error(`no opportunity ${id}`);
  return found;
}

describe("cooperation between the United States and the Taliban (Lawfare's limited cooperation)", () => {
  const lawfareAreas = [
    "us-taliban-counterterrorism-against-is-kp",
    "evacuation-safe-passage",
    "humanitarian-access-and-assistance",
    "us-taliban-counternarcotics",
  ];

  it("finds the areas Lawfare proposes, both actors taking part in each", () => {
    for (const id of lawfareAreas)
      expect(
        area(usTaliban, id)
          .involvement.filter((entry) => entry.involvement === "participant")
          .map((entry) => entry.actor.id),
      ).toEqual(["united-states", "taliban"]);
  });

  it("ranks the evacuation, the cooperation that actually held, first among the areas", () => {
    expect(areas(usTaliban)[0]!.id).toBe("evacuation-safe-passage");
  });

  it("finds their common enemy, IS-KP, as an issue on which they stand close, near the top", () => {
    const isKp = usTaliban.opportunities.find((entry) => entry.id === "action-against-is-kp");
    expect(isKp?.kind).toBe("issue");
    expect(isKp!.rank).toBeLessThanOrEqual(3);
    expect(isKp!.why.interests.map((interest) => interest.interestId).sort()).toEqual([
      "taliban-counter-is-kp",
      "united-states-counter-is-kp",
    ]);
  });

  it("names the Taliban's ties to al-Qaeda as an obstacle to counterterrorism cooperation, with its sources", () => {
    const counterterrorism = area(usTaliban, "us-taliban-counterterrorism-against-is-kp");
    const alQaeda = counterterrorism.obstacles.find((obstacle) =>
      obstacle.actors.some((actor) => actor.id === "al-qaeda"),
    );
    expect(alQaeda?.kind).toBe("hostile-tie");
    expect(alQaeda?.interestIds).toContain("taliban-ties-with-al-qaeda");
    expect(alQaeda?.citations.map((citation) => citation.sourceId)).toEqual(
      expect.arrayContaining(["lawfare-2021", "rusi-2021"]),
    );
    expect(counterterrorism.obstacles.map((obstacle) => obstacle.kind)).toContain("mistrust");
  });

  it("ranks counterterrorism against IS-KP above the intelligence sharing MEI finds minimal and the Doha talks", () => {
    const rank = (id: string) => area(usTaliban, id).rank;
    expect(rank("us-taliban-counterterrorism-against-is-kp")).toBeLessThan(
      rank("intelligence-sharing-with-western-governments"),
    );
    expect(rank("us-taliban-counterterrorism-against-is-kp")).toBeLessThan(
      rank("doha-agreement-implementation"),
    );
  });

  it("sees humanitarian access put at risk by the leverage each holds over the other", () => {
    const humanitarian = area(usTaliban, "humanitarian-access-and-assistance");
    const leverage = humanitarian.obstacles.filter((obstacle) => obstacle.kind === "leverage");
    expect(leverage.map((obstacle) => obstacle.actors[0]!.id).sort()).toEqual(["taliban", "united-states"]);
    expect(leverage.every((obstacle) => !obstacle.general)).toBe(true);
  });

  it("lists what divides them: al-Qaeda, recognition, girls' education; and their twenty-year enmity", () => {
    const divided = usTaliban.divergences.map((divergence) => divergence.issueId);
    expect(divided).toEqual(
      expect.arrayContaining([
        "action-against-al-qaeda",
        "recognition-of-taliban-government",
        "girls-secondary-education",
      ]),
    );
    expect(usTaliban.opportunities.map((entry) => entry.id)).not.toContain("action-against-al-qaeda");
    expect(usTaliban.hostileTies.map((tie) => tie.kind)).toContain("adversary-of");
  });
});

describe("cooperation for actors the documents do not pair", () => {
  it("finds that India and Pakistan share a US-brokered engagement, with their rivalry in the way", () => {
    const finding = findCooperation(index, { actorIds: ["india", "pakistan"] });
    const engagement = area(finding, "us-engagement-with-pakistan-and-india");
    expect(
      engagement.obstacles.some((obstacle) => obstacle.interestIds.includes("pakistan-compete-with-india")),
    ).toBe(true);
  });

  it("lets the United Kingdom join the US–Taliban counterterrorism area it is named a potential partner of", () => {
    const finding = findCooperation(index, { actorIds: ["united-states", "taliban", "united-kingdom"] });
    const counterterrorism = area(finding, "us-taliban-counterterrorism-against-is-kp");
    expect(counterterrorism.involvement.map((entry) => entry.role)).toEqual(["lead", "partner", "potential"]);
    expect(counterterrorism.why.interests.map((interest) => interest.interestId)).toContain(
      "united-kingdom-counter-islamic-state",
    );
  });
});

describe("cooperation findings on the Afghanistan theatre", () => {
  const pairs = [
    ["united-states", "taliban"],
    ["china", "taliban"],
    ["pakistan", "ttp"],
    ["russia", "iran", "taliban"],
    ["is-kp", "united-kingdom"],
  ];

  it("cite only the theatre's sources and are the same every time", () => {
    for (const actorIds of pairs) {
      const finding = findCooperation(index, { actorIds });
      forEachCitation(finding, [], (citation) => expect(index.sources.has(citation.sourceId)).toBe(true));
      expect(JSON.stringify(findCooperation(index, { actorIds }))).toBe(JSON.stringify(finding));
    }
  });

  it("keep every score in [0, 1], best first", () => {
    for (const actorIds of pairs) {
      const scores = findCooperation(index, { actorIds }).opportunities.map((entry) => entry.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const score of scores) expect(score >= 0 && score <= 1).toBe(true);
    }
  });
});
