import { describe, expect, it } from "vitest";
import { analyseAfghanistan } from "../../../test/analyse-afghanistan";

const analyse = (...args: string[]) => analyseAfghanistan("cooperation", ...args);

describe("parley analyse cooperation", () => {
  it("prints the ranked opportunities of the US and the Taliban, each with why and what stands in the way", () => {
    const { code, stdout } = analyse("--actors", "United States,Taliban");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Cooperation between United States and Taliban \(afghanistan, as of 2025-01\)/);
    expect(stdout).toMatch(/\n {1,2}1\. 0\.\d\d {2}(issue|area) /);
    expect(stdout).toMatch(
      /\d\. 0\.\d\d {2}area {3}Evacuation and safe passage from Kabul \(evacuation-safe-passage\)\n {4}feasibility 0\.80×0\.35 \+ status 1\.00×0\.15/,
    );
    expect(stdout).toMatch(/salience 95 \(judgement\)/);
    expect(stdout).toMatch(
      /hostile-tie \(stated by the area, −0\.\d\d\): The Taliban's long-standing, close ties to al-Qaeda/,
    );
    expect(stdout).toMatch(/“The Taliban are an unlikely partner in counterterrorism.*” \[lawfare-2021\]/);
    expect(stdout).toMatch(/Between them\n {2}• hostile tie: United States adversary-of Taliban since 2001/);
    expect(stdout).toMatch(/far apart on Action against al-Qaeda: United States 90, Taliban 20/);
  });

  it("finds actors by alias, filters by area and caps the list", () => {
    const { code, stdout } = analyse(
      "--actors",
      "US, Islamic Emirate",
      "--areas",
      "evacuation-safe-passage,us-taliban-counternarcotics",
      "--limit",
      "1",
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/2 opportunities, the best 1 shown/);
    expect(stdout).toMatch(/ 1\. 0\.\d\d {2}area {3}Evacuation and safe passage/);
    expect(stdout).not.toMatch(/ 2\. /);
  });

  it("prints the whole finding as JSON", () => {
    const { code, stdout } = analyse(
      "--actors",
      "united-states,taliban",
      "--issues",
      "action-against-is-kp",
      "--json",
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.actors).toEqual([
      { id: "united-states", name: "United States" },
      { id: "taliban", name: "Taliban" },
    ]);
    expect(result.opportunities.map((entry: { id: string }) => entry.id)).toContain("action-against-is-kp");
    expect(result.opportunities[0].breakdown.components.length).toBeGreaterThan(0);
  });

  it.each([
    [
      ["--actors", "United States,Talibn"],
      /--actors\[1\]: no actor is called "Talibn"; did you mean Taliban \(taliban\)/,
    ],
    [["--actors", "Taliban"], /--actors: name at least 2 actors/],
    [["--actors", "Taliban,Islamic Emirate"], /is the same actor as "Taliban"/],
    [
      ["--actors", "US,Taliban", "--areas", "evacuation"],
      /areaIds\[0\]: unknown cooperation area "evacuation"/,
    ],
    [["--actors", "US,Taliban", "--limit", "0"], /--limit must be a number from 1/],
    [[], /--actors is required/],
  ])("explains a mistaken command line (%j) and exits 2", (args, message) => {
    const { code, stderr } = analyse(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
