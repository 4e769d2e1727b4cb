import { describe, expect, it } from "vitest";
import { analyseAfghanistan } from "../../../test/analyse-afghanistan";

const analyse = (...args: string[]) => analyseAfghanistan("brief", ...args);

describe("parley analyse brief", () => {
  it("prints a Markdown brief on an actor named by alias", () => {
    const { code, stdout } = analyse("--actor", "ISIS-K");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Islamic State Khorasan Province\n/);
    expect(stdout).toMatch(/\n## Sources\n\n\[\^1\]: /);
  });

  it("briefs a cooperation area and a pair, and gives the whole brief as JSON", () => {
    expect(analyse("--area", "us-taliban-counterterrorism-against-is-kp").stdout).toMatch(
      /^# US–Taliban counterterrorism against IS-KP/,
    );
    const { code, stdout } = analyse("--pair", "United States, Taliban", "--json");
    expect(code).toBe(0);
    const brief = JSON.parse(stdout) as { kind: string; subjectIds: string[]; footnotes: unknown[] };
    expect(brief.kind).toBe("pair");
    expect(brief.subjectIds).toEqual(["united-states", "taliban"]);
    expect(brief.footnotes.length).toBeGreaterThan(10);
  });

  it("explains what is wrong with the subject", () => {
    expect(analyse("--actor", "Talib").stderr).toContain(
      '--actor: no actor is called "Talib"; did you mean Taliban',
    );
    expect(analyse("--area", "us-taliban-counterterrorism").stderr).toMatch(
      /--area: unknown cooperation area "us-taliban-counterterrorism"/,
    );
    const both = analyse("--actor", "Taliban", "--area", "x");
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("give exactly one of --actor, --area or --pair");
    expect(analyse("--pair", "Taliban").stderr).toContain("--pair takes exactly two actors");
  });
});
