import { describe, expect, it } from "vitest";
import { analyseAfghanistan } from "../../../test/analyse-afghanistan";

const analyse = (...args: string[]) => analyseAfghanistan("scenarios", ...args);

describe("parley analyse scenarios", () => {
  it("ranks the scenarios by standing with reading, coverage, likelihood and top drivers", () => {
    const { code, stdout } = analyse();
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Scenario watch: 4 scenarios, ranked by standing/);
    expect(stdout).toMatch(/signals: observed \+1, emerging \+0\.5, not-observed 0, receding -0\.5/);
    expect(stdout).toMatch(
      /\n1\. Insurrections by other jihadist groups \(jihadist-insurrection\)\n {3}standing \+0\.\d\d some signs · coverage \d+% · likelihood 20\/100 \(judgement\)/,
    );
    expect(stdout).toMatch(/top drivers:\n +\+0\.80 {2}observed +w 0\.8 +raises {2}TTP cross-border attacks/);
  });

  it("shows baseline → what-if and what changed with --set", () => {
    const { code, stdout } = analyse(
      "--scenarios",
      "external-support-for-insurgents",
      "--set",
      "large-scale-foreign-support=observed",
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Scenario watch: 1 scenario, ranked by what-if standing/);
    expect(stdout).toMatch(/standing -0\.\d\d receding → -?0\.\d\d \w+ \(\+0\.\d\d\)/);
    expect(stdout).toMatch(/what changed:\n +large-scale-foreign-support: not-observed → observed/);
  });

  it("prints the whole result as JSON", () => {
    const { code, stdout } = analyse("--json", "--scenarios", "taliban-fragmentation,opposition-unification");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.scenarios.map((entry: { scenarioId: string }) => entry.scenarioId).sort()).toEqual([
      "opposition-unification",
      "taliban-fragmentation",
    ]);
    expect(result.signals.observed).toBe(1);
  });

  it.each([
    [
      ["--scenarios", "taliban-fragmentaton"],
      /scenarioIds\[0\]: unknown scenario .*did you mean "taliban-fragmentation"/,
    ],
    [["--set", "unity-ingrained"], /--set takes INDICATOR=STATUS pairs/],
    [["--set", "unity-ingrained=likely"], /overrides\.unity-ingrained: "likely" is not an indicator status/],
    [["--set", "unity=observed"], /overrides\.unity: no watched scenario has an indicator "unity"/],
  ])("explains a mistaken command line (%j) and exits 2", (args, message) => {
    const { code, stderr } = analyse(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
