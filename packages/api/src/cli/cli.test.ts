import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { smallTheatre } from "@parley/domain/testing";
import { describe, expect, it } from "vitest";
import { captureOutput, temporaryDirectory, testConfig, writeTheatreDirectory } from "../../test/helpers";
import { runCli } from "./main";

function withTheatres(...theatres: ReturnType<typeof smallTheatre>[]) {
  const config = testConfig();
  for (const theatre of theatres)
    writeTheatreDirectory(join(config.theatresDirectory, theatre.theatre.id), theatre);
  return config;
}

function renamed(id: string) {
  const theatre = smallTheatre();
  theatre.theatre.id = id;
  return theatre;
}

describe("parley validate", () => {
  it("validates every shipped theatre and says what each holds", () => {
    const config = withTheatres(smallTheatre(), renamed("elbonia"));
    const io = captureOutput();
    expect(runCli(["validate"], config, io)).toBe(0);
    expect(io.stdout).toEqual([
      expect.stringMatching(
        /elbonia: valid theatre "elbonia": 4 actors, 3 interests, 1 source; quotes not checked/,
      ),
      expect.stringMatching(
        /ruritania: valid theatre "ruritania": 4 actors, 3 interests, 1 source; quotes not checked/,
      ),
    ]);
  });

  it("prints every problem with file, line and path, and exits 1", () => {
    const broken = smallTheatre();
    broken.interests[0]!.actorId = "nobody";
    broken.events[0]!.endDate = "2018";
    const config = withTheatres(broken);
    const io = captureOutput();
    expect(runCli(["validate", "ruritania"], config, io)).toBe(1);
    expect(io.stderr).toEqual([
      expect.stringMatching(
        /ruritania\/interests\.yaml:\d+:\d+ {2}interests\[0\]\.actorId: unknown actor "nobody"$/,
      ),
      expect.stringMatching(
        /ruritania\/events\.yaml:\d+:\d+ {2}events\[0\]\.endDate: "2018" is before date "2019-03-01"$/,
      ),
      expect.stringMatching(/ruritania: INVALID, 2 problems$/),
    ]);
  });

  it("checks quotes when given the source texts", () => {
    const theatre = smallTheatre();
    theatre.sources[0]!.textFile = "report.txt";
    const config = withTheatres(theatre);
    const texts = temporaryDirectory();
    writeFileSync(join(texts, "report.txt"), "nothing quotable");
    const io = captureOutput();
    expect(runCli(["validate", "--texts", texts], config, io)).toBe(1);
    expect(io.stderr.at(-1)).toMatch(/INVALID, 31 problems$/);
    expect(io.stderr[0]).toMatch(
      /actors\[0\]\.citations\[0\]\.quote: not found verbatim in source "report"$/,
    );
  });

  it.each([
    [["validate", "--strict"], /parley validate: Unknown option '--strict'/],
    [["validate", "--theatre", "atlantis"], /no theatre "atlantis" in .*; known theatres: ruritania/],
    [["validate", "no-such-dir"], /no-such-dir: no such file or directory/],
    [["frobnicate"], /unknown command "frobnicate"; commands: summary, validate, export, schema, coverage/],
  ])("explains a mistaken command line (%j) and exits 2", (argv, message) => {
    const io = captureOutput();
    expect(runCli(argv, withTheatres(smallTheatre()), io)).toBe(2);
    expect(io.stderr.join("\n")).toMatch(message);
  });
});

describe("parley export", () => {
  it("prints the validated theatre as one JSON document", () => {
    const io = captureOutput();
    expect(runCli(["export"], withTheatres(smallTheatre()), io)).toBe(0);
    expect(JSON.parse(io.stdout.join("\n"))).toEqual(smallTheatre());
  });

  it("writes to a file relative to where the user stands", () => {
    const config = withTheatres(smallTheatre());
    const io = captureOutput();
    expect(runCli(["export", "--theatre", "ruritania", "--out", "out.json"], config, io)).toBe(0);
    expect(JSON.parse(readFileSync(join(config.callerDirectory, "out.json"), "utf8"))).toEqual(
      smallTheatre(),
    );
    expect(io.stdout).toEqual([]);
  });

  it("refuses an invalid theatre and prints nothing on stdout", () => {
    const broken = smallTheatre();
    broken.leverage[0]!.holderId = "nobody";
    const io = captureOutput();
    expect(runCli(["export"], withTheatres(broken), io)).toBe(1);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.at(-1)).toMatch(/not exported, 1 problem$/);
  });

  it("asks which theatre when several are shipped", () => {
    const io = captureOutput();
    expect(runCli(["export"], withTheatres(smallTheatre(), renamed("elbonia")), io)).toBe(2);
    expect(io.stderr[0]).toMatch(/choose one with --theatre: elbonia, ruritania/);
  });
});

describe("parley summary", () => {
  it("summarises each theatre", () => {
    const io = captureOutput();
    expect(runCli(["summary"], withTheatres(smallTheatre()), io)).toBe(0);
    const text = io.stdout.join("\n");
    expect(text).toContain("Ruritania [ruritania], as of 2024-05: valid");
    expect(text).toContain("1 source · 4 actors · 1 issue · 3 interests (2 positions)");
    expect(text).toContain("31 citations; 17 values are analyst judgements (with rationale), 0 are sourced");
    expect(text).toMatch(/40 {2}Ceasefire \(exploratory\)/);
  });
});

describe("parley schema", () => {
  it("prints the JSON Schema of the theatre document", () => {
    const io = captureOutput();
    expect(runCli(["schema"], testConfig(), io)).toBe(0);
    expect(JSON.parse(io.stdout.join("\n")).$ref).toBe("#/$defs/TheatreDocument");
  });
});

describe("parley coverage", () => {
  it("says how many paragraphs of each source the theatre cites, and which it does not", () => {
    const theatre = smallTheatre();
    theatre.sources[0]!.textFile = "report.txt";
    const config = withTheatres(theatre);
    const texts = temporaryDirectory();
    const filler = "and so on, ".repeat(12);
    writeFileSync(
      join(texts, "report.txt"),
      `The capital governs. ${filler}\n\nNothing here is quoted. ${filler}\n`,
    );
    const io = captureOutput();
    expect(runCli(["coverage", "--texts", texts, "--uncited"], config, io)).toBe(0);
    expect(io.stdout.slice(1)).toEqual([
      "  report: 1/2 paragraphs cited (50%), 31 citations",
      expect.stringMatching(/^ {6}not cited: Nothing here is quoted\. and so on/),
    ]);
  });

  it("needs the texts", () => {
    const io = captureOutput();
    expect(runCli(["coverage"], withTheatres(smallTheatre()), io)).toBe(2);
    expect(io.stderr[0]).toMatch(/--texts DIR is required/);
  });
});
