import { actorBrief, areaBrief, forEachCitation, indexTheatre, pairBrief, type Brief } from "@parley/domain";
import { describe, expect, it } from "vitest";
import { afghanistanTheatre } from "./shipped-theatres";

const theatre = afghanistanTheatre();
const index = indexTheatre(theatre);

const quoted = new Set<string>();
forEachCitation(theatre, [], (citation) => quoted.add(`${citation.sourceId}|${citation.quote}`));

function expectFootnotesFromTheatre(brief: Brief): void {
  for (const note of brief.footnotes) expect(quoted.has(`${note.sourceId}|${note.quote}`)).toBe(true);
  const body = brief.markdown.split("\n## Sources\n")[0]!;
  const used = new Set([...body.matchAll(/\[\^(\d+)\]/g)].map((match) => Number(match[1])));
  expect(used.size).toBe(brief.footnotes.length);
}

const section = (brief: Brief, title: string) =>
  brief.markdown.split(`\n## ${title}\n`)[1]?.split("\n## ")[0] ?? "";

describe("briefs on the Afghanistan theatre", () => {
  it("brief IS-KP as the Islamic State's branch at war with the Taliban", () => {
    const brief = actorBrief(index, "is-kp");
    expect(section(brief, "Summary")).toContain("branch of Islamic State");
    expect(section(brief, "Summary")).toContain("ISIS-K");
    expect(section(brief, "Ties")).toMatch(/Islamic State Khorasan Province —attacks→ Taliban/);
    expect(section(brief, "Scenarios")).toContain("Insurrections by other jihadist groups");
    expectFootnotesFromTheatre(brief);
  });

  it("brief the Taliban with the leverage over them and the trade-offs it raises", () => {
    const brief = actorBrief(index, "taliban");
    expect(section(brief, "Leverage")).toMatch(/### Held over Taliban\n\n- \*\*United States\*\*/);
    expect(section(brief, "Leverage")).toContain("### Held by Taliban");
    expect(section(brief, "Leverage")).toContain("Humanitarian access versus leverage for counterterrorism");
    expect(section(brief, "Ties")).toMatch(/Taliban —hosts→ al-Qaeda/);
    expectFootnotesFromTheatre(brief);
  });

  it("brief the US and the Taliban: cooperation against IS-KP, al-Qaeda ties in the way", () => {
    const brief = pairBrief(index, ["united-states", "taliban"]);
    expect(section(brief, "Opportunities")).toContain("US–Taliban counterterrorism against IS-KP");
    expect(section(brief, "Opportunities")).toContain("Evacuation");
    expect(section(brief, "Obstacles")).toMatch(/al-Qaeda/);
    expect(section(brief, "Positions")).toMatch(/\| Action against IS-KP \| 85† .*\| 90† /);
    expectFootnotesFromTheatre(brief);
  });

  it("brief counterterrorism against IS-KP with the Taliban's al-Qaeda ties among its obstacles", () => {
    const brief = areaBrief(index, "us-taliban-counterterrorism-against-is-kp");
    expect(section(brief, "Participants")).toMatch(/\*\*United States\*\* — lead/);
    expect(section(brief, "Obstacles")).toMatch(/ties to al-Qaeda/);
    expect(section(brief, "Leverage that puts it at risk")).toContain("Over-the-horizon");
    expectFootnotesFromTheatre(brief);
  });

  it("brief every actor and every area without failing", () => {
    for (const actor of theatre.actors) expectFootnotesFromTheatre(actorBrief(index, actor.id));
    for (const area of theatre.cooperationAreas) expectFootnotesFromTheatre(areaBrief(index, area.id));
  });
});
