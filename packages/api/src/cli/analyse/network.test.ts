import { describe, expect, it } from "vitest";
import { analyseAfghanistan } from "../../../test/analyse-afghanistan";

const run = (...args: string[]) => analyseAfghanistan("network", ...args);

describe("parley analyse network", () => {
  it("prints the paths from the United States to the TTP and who they go through", () => {
    const { code, stdout } = run("--from", "United States", "--to", "TTP");
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^ 1\. United States —[^\n]*→ Taliban —[^\n]*hosts[^\n]*→ Tehreek-e-Taliban Pakistan/m,
    );
    expect(stdout).toMatch(/Through whom:\n\s+Taliban\s+100% of shortest paths/);
  });

  it("prints the broker table with the Taliban first", () => {
    const { code, stdout } = run("--brokers", "--limit", "5");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ 1 {2}Taliban /m);
    expect(stdout.match(/^ ?\d+ {2}/gm)).toHaveLength(5);
  });

  it("prints the whole result as JSON", () => {
    const { code, stdout } = run(
      "--from",
      "Pakistan",
      "--to",
      "TTP",
      "--kinds",
      "supports,hosts,mediates-between",
      "--json",
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.graph.channels.map((channel: { kind: string }) => channel.kind)).toEqual([
      "hosts",
      "supports",
      "mediates-between",
    ]);
    expect(result.paths[0].actors.map((actor: { id: string }) => actor.id)).toEqual([
      "pakistan",
      "taliban",
      "ttp",
    ]);
  });

  it("exits 2 with the candidates for an unknown actor, kind or length", () => {
    const unknown = run("--from", "Talibn", "--to", "TTP");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--from: no actor is called "Talibn"; did you mean Taliban/);
    const kind = run("--brokers", "--kinds", "hosts,frend-of");
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/kinds\[1\]: unknown relationship kind "frend-of"/);
    expect(run("--from", "Pakistan", "--to", "TTP", "--max-length", "9").code).toBe(2);
    expect(run("--from", "Pakistan").code).toBe(2);
  });
});
