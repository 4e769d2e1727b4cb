import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { AnalysisError, indexTheatre, scenarioFromTheatre } from "@parley/domain";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/main";
import { checkTheatre } from "../src/theatre-files";
import { captureOutput, testConfig } from "./helpers";
import { afghanistanDirectory } from "./shipped-theatres";

const afghanistan = indexTheatre(checkTheatre(afghanistanDirectory).document!);
const euFile = join(import.meta.dirname, "../../domain/src/forecast/fixtures/eu-emission-standards.csv");

function forecast(...args: string[]) {
  const io = captureOutput();
  const config = testConfig();
  const code = runCli(["forecast", ...args], config, io) as number;
  return { code, stdout: io.stdout.join("\n"), stderr: io.stderr.join("\n"), config };
}

describe("forecast inputs from a theatre issue", () => {
  it("takes positions, saliences and capabilities from the theatre and says where each came from", () => {
    const { scenario, inputs, excluded } = scenarioFromTheatre(afghanistan, {
      issueIds: ["action-against-is-kp"],
    });
    expect(scenario.dimensions).toEqual([{ name: "Action against IS-KP", min: 0, max: 100 }]);
    const taliban = scenario.actors.find((actor) => actor.id === "taliban")!;
    expect(taliban.capability).toBe(65);
    const talibanCapability = inputs.find(
      (input) => input.actorId === "taliban" && input.field === "capability",
    )!;
    expect(talibanCapability).toMatchObject({
      basis: "judgement",
      issueId: "action-against-is-kp",
      value: 65,
    });
    expect(talibanCapability.rationale).toBeTruthy();
    const isKp = scenario.actors.find((actor) => actor.id === "is-kp")!;
    expect(isKp.position).toEqual([0]);
    for (const input of inputs) {
      expect(["sourced", "judgement", "run-judgement"]).toContain(input.basis);
      if (input.basis === "sourced") expect(input.citations!.length).toBeGreaterThan(0);
      if (input.basis === "judgement") expect(input.rationale).toBeTruthy();
    }
    expect(inputs).toHaveLength(scenario.actors.length * 3);
    expect(excluded.map((entry) => entry.actorId).sort()).toEqual(["tajikistan", "uzbekistan"]);
  });

  it("lets the analyst give capabilities for the run, marked as such", () => {
    const { scenario, inputs } = scenarioFromTheatre(afghanistan, {
      issueIds: ["action-against-is-kp"],
      capabilities: { tajikistan: 20, taliban: 90 },
      defaultCapability: 10,
    });
    expect(scenario.actors.find((actor) => actor.id === "tajikistan")!.capability).toBe(20);
    expect(scenario.actors.find((actor) => actor.id === "uzbekistan")!.capability).toBe(10);
    expect(scenario.actors.find((actor) => actor.id === "taliban")!.capability).toBe(90);
    const given = inputs
      .filter((input) => input.basis === "run-judgement")
      .map((input) => input.actorId)
      .sort();
    expect(given).toEqual(["tajikistan", "taliban", "uzbekistan"]);
  });

  it("on several issues keeps the actors holding a position on each, their saliences shares of their attention", () => {
    const { scenario, excluded } = scenarioFromTheatre(afghanistan, {
      issueIds: ["action-against-al-qaeda", "action-against-is-kp"],
    });
    expect(scenario.dimensions).toHaveLength(2);
    for (const actor of scenario.actors)
      expect(actor.salience[0]! + actor.salience[1]!).toBeLessThanOrEqual(1 + 1e-12);
    expect(scenario.actors.map((actor) => actor.id)).toContain("united-states");
    expect(excluded.find((entry) => entry.actorId === "al-qaeda")?.reason).toMatch(
      /no position on action-against-is-kp/,
    );
  });

  it("names the input at fault", () => {
    const attempt = (options: Parameters<typeof scenarioFromTheatre>[1]) => {
      try {
        scenarioFromTheatre(afghanistan, options);
      } catch (error) {
        expect(error).toBeInstanceOf(AnalysisError);
        return (error as Error).message;
      }
      throw new Error("expected a refusal");
    };
    expect(attempt({ issueIds: ["action-against-isis"] })).toMatch(
      /issues\[0\]: no issue "action-against-isis"; did you mean "action-against-is-kp"/,
    );
    expect(attempt({ issueIds: [] })).toMatch(/name at least one issue/);
    expect(attempt({ issueIds: ["humanitarian-access"], capabilities: { taliban: 120 } })).toMatch(
      /capabilities\.taliban: must be a number from 0 to 100/,
    );
    expect(attempt({ issueIds: ["humanitarian-access"], actors: ["Taliban", "Nobody"] })).toMatch(
      /actors\[1\]/,
    );
  });
});

describe("parley forecast", () => {
  it("forecasts a theatre issue, printing per-round positions, the inputs' provenance and the outcome", () => {
    const { code, stdout } = forecast("--issue", "action-against-al-qaeda", afghanistanDirectory);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Action against al-Qaeda: expected-utility model/);
    expect(stdout).toMatch(/Inputs: \d+ sourced facts, \d+ analyst judgements recorded in the theatre/);
    expect(stdout).toMatch(/Positions on "Action against al-Qaeda" \(0 to 100\), by round:/);
    expect(stdout).toMatch(/^ {2}Taliban +20/m);
    expect(stdout).toMatch(/Outcome: Action against al-Qaeda \d/);
  });

  it("prints a JSON document whose rounds give every actor's position per dimension and whose outcome gives the final position", () => {
    const { code, stdout } = forecast("--file", euFile, "--json");
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.model).toBe("eu");
    expect(document.rounds).toHaveLength(11);
    expect(document.rounds[0].positions).toMatchObject({ Netherlands: [4], Belgium: [7], UK: [10] });
    expect(document.rounds[1].positions.Belgium[0]).toBeCloseTo(8.415932315426764, 12);
    expect(document.rounds[1].moves[0]).toMatchObject({
      actor: "Belgium",
      towards: "France",
      kind: "compromise",
    });
    expect(document.outcome).toEqual([7]);
    expect(document.stop).toEqual({ reason: "round-limit", rounds: 10 });
  });

  it("runs KTAB's spatial model on a KTAB file by default, with each actor's probability of prevailing", () => {
    const ktabFile = join(
      import.meta.dirname,
      "../../domain/src/forecast/spatial/fixtures/dummyData_3Dim.csv",
    );
    const { code, stdout } = forecast("--file", ktabFile, "--json");
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.model).toBe("spatial");
    expect(document.rounds[0].positions["SActor-00"]).toEqual([75.79, 6.37, 70.45]);
    expect(Object.keys(document.rounds.at(-1).prevailing)).toHaveLength(7);
    expect(document.outcome).toHaveLength(3);
    expect(document.stop).toEqual({ reason: "converged", rounds: 10 });
    const text = forecast("--file", ktabFile).stdout;
    expect(text).toMatch(/spatial model \(KTAB's Spatial Model of Politics\)/);
    expect(text).toMatch(/Most likely to prevail in the last round:/);
    expect(
      forecast("--issue", "action-against-al-qaeda,action-against-is-kp", afghanistanDirectory).stdout,
    ).toMatch(/Action against al-Qaeda × Action against IS-KP: spatial model/);
  });

  it("adds a sensitivity analysis on request", () => {
    const { code, stdout } = forecast(
      "--file",
      euFile,
      "--sensitivity",
      "--runs",
      "20",
      "--removals",
      "2",
      "--json",
    );
    expect(code).toBe(0);
    const { sensitivity } = JSON.parse(stdout);
    expect(sensitivity.runs).toBe(20);
    expect(sensitivity.distribution[0].baseline).toBe(7);
    expect(sensitivity.removals).toHaveLength(2);
  });

  it("reports a malformed file by line and field, and bad options by name", () => {
    const { config } = forecast("--file", euFile);
    const broken = join(config.callerDirectory, "broken.csv");
    writeFileSync(broken, "Actor,Capability,Position,Salience\nA,0.5,4,0.8\nB,lots,7,0.4\n");
    const bad = forecast("--file", broken);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/broken\.csv: line 3, field 2 \(Capability\): "lots" is not a number/);
    expect(forecast("--file", join(config.callerDirectory, "missing.csv")).stderr).toMatch(/cannot read/);
    expect(forecast(afghanistanDirectory).stderr).toMatch(/give either --issue/);
    expect(forecast("--file", euFile, "--model", "magic").stderr).toMatch(/--model must be/);
    expect(forecast("--file", euFile, "--rounds", "many").stderr).toMatch(/--rounds must be a number from 0/);
    expect(forecast("--issue", "no-such-issue", afghanistanDirectory)).toMatchObject({ code: 2 });
    expect(
      forecast("--issue", "humanitarian-access", afghanistanDirectory, "--capability", "Taliban=high").stderr,
    ).toMatch(/--capability Taliban: must be a number/);
  });
});
