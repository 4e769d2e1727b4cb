import { describe, expect, it } from "vitest";
import { analyseAfghanistan } from "../../../test/analyse-afghanistan";

const analyse = (...args: string[]) => analyseAfghanistan("alignment", ...args);

describe("parley analyse alignment", () => {
  it("ranks the pairs with their issue counts, then lists the blocs", () => {
    const { code, stdout } = analyse(
      "--actors",
      "United States,UK,NATO,Taliban,al-Qaeda,TTP",
      "--min-issues",
      "1",
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Alignment of 6 actors on \d+ issues: 15 pairs/);
    expect(stdout).toMatch(
      /\n {2}0\.80 {2}1 issue {4}Taliban ~ al-Qaeda {2}\(Action against al-Qaeda 0\.80\)/,
    );
    expect(stdout).toMatch(/\n {2}0\.\d\d {2}10 issues {2}United States ~ Taliban\n/);
    expect(stdout).toMatch(/\nBlocs \(average alignment ≥ 0\.75, pairs sharing at least 1 issue\): 2\n/);
    expect(stdout).toMatch(
      /\n\d\. cohesion 0\.\d\d over \d pairs: NATO, United Kingdom, United States\n {3}rests on:/,
    );
  });

  it("applies --issues and --threshold", () => {
    const { code, stdout } = analyse(
      "--actors",
      "United States,Taliban,Pakistan",
      "--issues",
      "action-against-ttp,recognition-of-taliban-government",
      "--threshold",
      "0.9",
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Alignment of 3 actors on 2 issues: 3 pairs/);
    expect(stdout).toMatch(/Blocs \(average alignment ≥ 0\.9, pairs sharing at least 2 issues\): none/);
  });

  it("prints the whole result as JSON", () => {
    const { code, stdout } = analyse("--json", "--actors", "Taliban,al-Qaeda,TTP");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.pairs).toHaveLength(3);
    expect(result.pairs[2]).toMatchObject({ actorIds: ["al-qaeda", "ttp"], score: null, issueCount: 0 });
    expect(result.pairs[0].issues[0].sides[0].position).toMatchObject({ basis: "judgement", value: 20 });
  });

  it("names unknown actors and issues with the candidates, and exits 2", () => {
    const unknownActor = analyse("--actors", "United States,Talibn");
    expect(unknownActor.code).toBe(2);
    expect(unknownActor.stderr).toMatch(
      /--actors\[1\]: no actor is called "Talibn"; did you mean Taliban \(taliban\)/,
    );
    const unknownIssue = analyse("--issues", "action-against-ttpp");
    expect(unknownIssue.code).toBe(2);
    expect(unknownIssue.stderr).toMatch(
      /issueIds\[0\]: unknown issue "action-against-ttpp" \(did you mean "action-against-ttp"\?\)/,
    );
    expect(analyse("--threshold", "2").code).toBe(2);
  });
});
