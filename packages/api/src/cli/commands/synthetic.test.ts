import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureOutput, temporaryDirectory, testConfig } from "../../../test/helpers";
import { UsageError } from "../io";
import { runCli } from "../main";
import { syntheticCommand } from "./synthetic";

describe("parley synthetic", () => {
  it("writes a theatre document that validate and analyse accept", () => {
    const config = testConfig();
    const file = join(temporaryDirectory(), "synthetic.json");
    const io = captureOutput();
    expect(syntheticCommand(["--actors", "60", "--seed", "3", "--out", file], config, io)).toBe(0);
    expect(io.stderr).toEqual([
      expect.stringMatching(/wrote .*synthetic\.json: .*"synthetic-60-3" of 60 actors/),
    ]);
    const document = JSON.parse(readFileSync(file, "utf8"));
    expect(document.theatre.id).toBe("synthetic-60-3");
    expect(document.actors).toHaveLength(60);

    const validate = captureOutput();
    expect(runCli(["validate", file], config, validate)).toBe(0);
    expect(validate.stdout).toEqual([
      expect.stringMatching(/valid theatre "synthetic-60-3": 60 actors, 600 interests, 4 sources/),
    ]);
    const scenarios = captureOutput();
    expect(runCli(["analyse", "scenarios", file, "--json"], config, scenarios)).toBe(0);
    expect(JSON.parse(scenarios.stdout.join("\n")).scenarios).toHaveLength(6);
  });

  it("prints the document on stdout, the same for the same seed", () => {
    const run = (seed: string) => {
      const io = captureOutput();
      expect(syntheticCommand(["--actors", "30", "--seed", seed], testConfig(), io)).toBe(0);
      return io.stdout.join("\n");
    };
    const first = run("7");
    expect(JSON.parse(first).theatre.id).toBe("synthetic-30-7");
    expect(run("7")).toBe(first);
    expect(run("8")).not.toBe(first);
  });

  it.each([
    [[], /--actors is required/],
    [["--actors", "5"], /--actors must be a number from 20 to 1000000, not "5"/],
    [["--actors", "100", "--seed", "1.5"], /--seed must be a whole number/],
  ])("refuses a bad command line (%j)", (args, message) => {
    expect(() => syntheticCommand(args, testConfig(), captureOutput())).toThrow(UsageError);
    expect(() => syntheticCommand(args, testConfig(), captureOutput())).toThrow(message);
  });
});
