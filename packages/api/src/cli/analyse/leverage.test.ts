import { describe, expect, it } from "vitest";
import { analyseAfghanistan } from "../../../test/analyse-afghanistan";

const analyse = (...args: string[]) => analyseAfghanistan("leverage", ...args);

describe("parley analyse leverage", () => {
  it("prints who holds what over the Taliban, the Taliban's own leverage and the trade-offs", () => {
    const { code, stdout } = analyse("--target", "Taliban");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Leverage map: Taliban \(taliban\)/);
    expect(stdout).toMatch(/Who holds leverage over Taliban\n.*instruments.*\n {2}United States +\d+/);
    expect(stdout).toMatch(/in-use +75 {2}Control over Afghanistan's foreign reserves/);
    expect(stdout).toMatch(
      /puts at risk: Humanitarian access and assistance \(\+\d+ shared areas inferred\)/,
    );
    expect(stdout).toMatch(
      /Taliban's own leverage[\s\S]*Deciding how much access international aid agencies get/,
    );
    expect(stdout).toMatch(
      /Humanitarian access versus leverage for counterterrorism \(humanitarian-access-vs/,
    );
  });

  it("finds the target by alias and reports the parts it reached", () => {
    const { code, stdout } = analyse("--target", "Islamic Emirate", "--include-parts");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Leverage map: Taliban \(taliban\), with \d+ parts/);
  });

  it("says when an actor holds no leverage of its own", () => {
    const { code, stdout } = analyse("--target", "ISKP");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Khorasan Province's own leverage\n {2}\(none in the theatre\)/);
  });

  it("prints the whole result as JSON", () => {
    const { code, stdout } = analyse("--target", "taliban", "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.target).toEqual({ id: "taliban", name: "Taliban", kind: expect.any(String) });
    expect(result.holders[0].actor.id).toBe("united-states");
  });

  it.each([
    [["--target", "Talibn"], /--target: no actor is called "Talibn"; did you mean Taliban \(taliban\)/],
    [[], /--target is required/],
  ])("explains a mistaken command line (%j) and exits 2", (args, message) => {
    const { code, stderr } = analyse(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
