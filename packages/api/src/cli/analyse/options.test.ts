import { describe, expect, it } from "vitest";
import { analyseAfghanistan } from "../../../test/analyse-afghanistan";

const analyse = (...args: string[]) => analyseAfghanistan("options", ...args);

describe("parley analyse options", () => {
  it("ranks the options with contributions, then the sensitivity table and the flip points", () => {
    const { code, stdout } = analyse("--set", "over-the-horizon-basing");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Over-the-horizon counterterrorism basing \(over-the-horizon-basing\)\n/);
    expect(stdout).toMatch(/\n {2}C6 {2}0\.50 {3}Cost of establishing access \(lower is better\)\n/);
    expect(stdout).toMatch(
      /\n {2}# {2}total {2}option +C1 +C2 +C3 +C4 +C5 +C6\n {2}1 {2}0\.\d{3} {2}Operate from/,
    );
    expect(stdout).toMatch(
      /\n {2}criterion {2}weight {2}top holds +takes over below +takes over above\n {2}C1 +0\.60 {2}\d\.\d{3}–\d\.\d{3}/,
    );
    expect(stdout).toMatch(
      /\nFlip points \(where two options swap places as a weight rises\):\n {2}C\d at 0\.\d{3}: .+ passes /,
    );
  });

  it("ranks the options a veto rules out last, saying which veto and the reason for it", () => {
    const { code, stdout } = analyse("--set", "over-the-horizon-basing");
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n {2}C5 {2}below \d+: RUSI drops Pakistan/);
    expect(stdout).toMatch(
      /\n {2}\d {2}0\.\d{3} {2}Operate from and through Pakistan .*\n {12}vetoed: Political reliability 2 below \d+\n/,
    );
    const ranked = [...stdout.matchAll(/^ {2}\d {2}0\.\d{3} {2}(.+?) {2,}/gm)].map((match) => match[1]);
    const vetoed = [...stdout.matchAll(/^ {2}\d {2}0\.\d{3} {2}(.+?) {2,}.*\n {12}vetoed:/gm)].map(
      (match) => match[1],
    );
    expect(vetoed.length).toBeGreaterThan(0);
    expect(ranked.slice(-vetoed.length)).toEqual(vetoed);
    expect(stdout).toMatch(/the others fixed, among the options that pass;/);
  });

  it("marks overridden weights and says who takes the lead", () => {
    const { code, stdout } = analyse(
      "--set",
      "over-the-horizon-basing",
      "--weights",
      "intelligence-and-understanding=0,proximity=0,overflight-independence=0",
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n {2}C1 {2}0\.00\* {2}Geographic proximity\n/);
    expect(stdout).toMatch(/\* your weight, not the theatre's/);
    expect(stdout).toMatch(/\n {2}1 {2}0\.\d{3} {2}Operate from the Gulf states /);
  });

  it("prints the whole result as JSON", () => {
    const { code, stdout } = analyse("--json", "--set", "over-the-horizon-basing");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.ranking).toHaveLength(6);
    expect(result.sensitivity).toHaveLength(6);
    expect(result.criteria[0].citations[0].sourceId).toBe("rusi-2021");
    expect(result.vetoedOptionIds).toContain("pakistan");
  });

  it("lists the option sets for an unknown --set, and rejects malformed weights, exiting 2", () => {
    const unknown = analyse("--set", "oth-basing");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /--set: unknown option set "oth-basing"; option sets: over-the-horizon-basing, /,
    );
    const typo = analyse("--set", "over-the-horizon-basing", "--weights", "proximty=0.2");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /weights\.proximty: unknown criterion "proximty" \(did you mean "proximity"\?\)/,
    );
    expect(analyse("--set", "over-the-horizon-basing", "--weights", "proximity").code).toBe(2);
    expect(analyse("--set", "over-the-horizon-basing", "--weights", "proximity=2").code).toBe(2);
    expect(analyse().code).toBe(2);
  });
});
