import { AnalysisError, forEachCitation, indexTheatre, type LeverageMap, mapLeverage } from "@parley/domain";
import { describe, expect, it } from "vitest";
import { afghanistanTheatre } from "./shipped-theatres";

const index = indexTheatre(afghanistanTheatre());
const taliban = mapLeverage(index, { targetId: "taliban" });
const theatreCitations = new Set<string>();
forEachCitation(index.document, [], (citation) =>
  theatreCitations.add(`${citation.sourceId} ${citation.quote}`),
);

const use = (map: LeverageMap, leverageId: string) => {
  const found = [...map.over, ...map.heldByTarget].find((entry) => entry.leverageId === leverageId);
  if (!found) throw new Error(`${leverageId} is not in the map`);
  return found;
};
const statedAreas = (map: LeverageMap, leverageId: string) =>
  use(map, leverageId)
    .areasAtRisk.filter((area) => area.basis === "stated")
    .map((area) => area.areaId);
const statedTradeOffs = (map: LeverageMap, leverageId: string) =>
  use(map, leverageId)
    .tradeOffs.filter((stake) => stake.basis === "stated")
    .map((stake) => stake.tradeOffId);

describe("leverage over the Taliban (Afghanistan theatre)", () => {
  it("puts the United States first, with sanctions, control over funds, recognition and future assistance", () => {
    // Lawfare: "Washington's remaining leverage in the form of sanctions, control over funds, international
    // recognition and future assistance".
    const [first] = taliban.holders;
    expect(first!.actor.id).toBe("united-states");
    expect(first!.instruments).toBeGreaterThan(taliban.holders[1]!.instruments);
    expect(first!.kinds).toEqual(expect.arrayContaining(["sanctions", "financial", "recognition", "aid"]));
    const american = taliban.over
      .filter((entry) => entry.holder.id === "united-states")
      .map((e) => e.leverageId);
    expect(american).toEqual(
      expect.arrayContaining([
        "us-sanctions-on-taliban",
        "us-control-of-afghan-reserves",
        "withholding-recognition",
        "conditional-future-assistance",
      ]),
    );
  });

  it("shows the neighbours' and the resistance's instruments too", () => {
    // Crisis Group and Just Security: Pakistan's strikes, Iran's Fatemiyoun, the NRF's armed pressure.
    const holders = taliban.holders.map((summary) => summary.actor.id);
    expect(holders).toEqual(expect.arrayContaining(["pakistan", "iran", "china", "russia", "nrf"]));
    expect(use(taliban, "pakistan-cross-border-strikes").holder.id).toBe("pakistan");
  });

  it("says the financial pressure puts humanitarian access at risk, against civilian suffering", () => {
    // Lawfare: "pressure tactics that place an economic burden on the population".
    for (const id of ["us-control-of-afghan-reserves", "us-sanctions-on-taliban"])
      expect(statedAreas(taliban, id)).toContain("humanitarian-access-and-assistance");
    expect(statedTradeOffs(taliban, "us-control-of-afghan-reserves")).toContain(
      "pressure-campaign-vs-civilian-suffering",
    );
  });

  it("gives the Taliban their own leverage: humanitarian access, counterterrorism cooperation, safe passage", () => {
    // RUSI: "The Taliban will be able to trade humanitarian access off against counterterrorism cooperation."
    const own = taliban.heldByTarget.map((entry) => entry.leverageId);
    expect(own).toEqual(
      expect.arrayContaining([
        "taliban-control-of-humanitarian-access",
        "taliban-counterterrorism-cooperation-as-bargaining-chip",
        "taliban-safe-passage-for-evacuation",
      ]),
    );
    expect(taliban.pressed.map((summary) => summary.actor.id)).toContain("united-states");
    expect(statedAreas(taliban, "taliban-safe-passage-for-evacuation")).toEqual(["evacuation-safe-passage"]);
  });

  it("brings out the humanitarian-access-versus-counterterrorism-leverage trade-off with both imperatives", () => {
    for (const id of [
      "taliban-control-of-humanitarian-access",
      "taliban-counterterrorism-cooperation-as-bargaining-chip",
      "us-sanctions-on-taliban",
    ])
      expect(statedTradeOffs(taliban, id)).toContain("humanitarian-access-vs-counterterrorism-leverage");
    const tradeOff = taliban.tradeOffs.find(
      (entry) => entry.tradeOffId === "humanitarian-access-vs-counterterrorism-leverage",
    )!;
    expect(tradeOff.imperatives).toHaveLength(2);
    expect(tradeOff.imperatives[0]!.text).toMatch(/access/);
    expect(tradeOff.imperatives[1]!.text).toMatch(/counterterroris/);
    expect(tradeOff.involves).toContainEqual({ leverageId: "us-sanctions-on-taliban", basis: "stated" });
  });

  it("marks as inferred the areas the US and the Taliban share that no instrument names", () => {
    const reserves = use(taliban, "us-control-of-afghan-reserves");
    expect(reserves.areasAtRisk).toContainEqual(
      expect.objectContaining({ areaId: "evacuation-safe-passage", basis: "inferred" }),
    );
    expect(reserves.areasAtRisk).not.toContainEqual(
      expect.objectContaining({ areaId: "humanitarian-access-and-assistance", basis: "inferred" }),
    );
  });

  it("reaches the Taliban's factions with includeParts without losing anything", () => {
    const withParts = mapLeverage(index, { targetId: "taliban", includeParts: true });
    expect(withParts.parts.map((part) => part.id)).toEqual(
      expect.arrayContaining(["haqqani-network", "taliban-hardliners", "taliban-pragmatists"]),
    );
    const ids = (map: LeverageMap) => map.over.map((entry) => entry.leverageId);
    expect(ids(withParts)).toEqual(expect.arrayContaining(ids(taliban)));
  });

  it("maps Pakistan: US pressure and incentives over it, and the tit-for-tat with the Taliban", () => {
    const pakistan = mapLeverage(index, { targetId: "pakistan" });
    expect(pakistan.over.map((entry) => entry.leverageId)).toEqual(
      expect.arrayContaining([
        "us-pressure-on-pakistan-red-lines",
        "taliban-support-for-anti-pakistan-groups",
      ]),
    );
    expect(statedTradeOffs(pakistan, "pakistan-cross-border-strikes")).toContain(
      "pakistan-strikes-vs-tit-for-tat-spiral",
    );
  });

  it("answers an unknown target with an AnalysisError", () => {
    expect(() => mapLeverage(index, { targetId: "talibn" })).toThrow(AnalysisError);
  });

  it("for every actor: deterministic, every area and trade-off exists, every citation resolves", () => {
    for (const actor of index.document.actors)
      for (const includeParts of [false, true]) {
        const map = mapLeverage(index, { targetId: actor.id, includeParts });
        expect(JSON.stringify(mapLeverage(index, { targetId: actor.id, includeParts }))).toBe(
          JSON.stringify(map),
        );
        for (const entry of [...map.over, ...map.heldByTarget]) {
          for (const area of entry.areasAtRisk) expect(index.cooperationAreas.has(area.areaId)).toBe(true);
          for (const stake of entry.tradeOffs) expect(index.tradeOffs.has(stake.tradeOffId)).toBe(true);
        }
        forEachCitation(map, [], (citation) => {
          expect(index.sources.has(citation.sourceId)).toBe(true);
          expect(theatreCitations.has(`${citation.sourceId} ${citation.quote}`)).toBe(true);
        });
      }
  });
});
