import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { smallTheatre } from "@parley/domain/testing";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { temporaryDirectory, writeTheatreDirectory } from "../../test/helpers";
import { checkTheatre } from "./check-theatre";
import { loadTheatre, TheatreNotFoundError } from "./load-theatre";

describe("loading a theatre directory", () => {
  it("assembles the collections from their files into one valid document", () => {
    const directory = writeTheatreDirectory(join(temporaryDirectory(), "ruritania"), smallTheatre());
    const check = checkTheatre(directory);
    expect(check.problems).toEqual([]);
    expect(check.document).toEqual(smallTheatre());
  });

  it("merges a collection split over a folder of files, in file-name order", () => {
    const theatre = smallTheatre();
    const directory = writeTheatreDirectory(join(temporaryDirectory(), "split"), theatre);
    writeFileSync(join(directory, "actors.yaml"), stringify(theatre.actors.slice(0, 1)));
    mkdirSync(join(directory, "actors"));
    writeFileSync(join(directory, "actors", "b.yaml"), stringify(theatre.actors.slice(2)));
    writeFileSync(join(directory, "actors", "a.json"), JSON.stringify(theatre.actors.slice(1, 2)));
    expect(checkTheatre(directory).document?.actors).toEqual(theatre.actors);
  });

  it("points each problem at the file, line and column of the offending value", () => {
    const directory = writeTheatreDirectory(join(temporaryDirectory(), "broken"), smallTheatre());
    const interests = join(directory, "interests.yaml");
    writeFileSync(interests, readFileSync(interests, "utf8").replace("actorId: rebels", "actorId: rebelz"));
    const [problem, ...others] = checkTheatre(directory).problems;
    expect(others).toEqual([]);
    const line =
      readFileSync(interests, "utf8")
        .split("\n")
        .findIndex((text) => text.includes("actorId: rebelz")) + 1;
    expect(problem).toEqual({
      path: ["interests", 1, "actorId"],
      message: 'unknown actor "rebelz" (did you mean "rebels"?)',
      location: `${interests}:${line}:12`,
    });
  });

  it("reports syntax errors, unknown files and files that are not lists, without losing the rest", () => {
    const directory = writeTheatreDirectory(join(temporaryDirectory(), "messy"), smallTheatre());
    writeFileSync(join(directory, "events.yaml"), "- id: uprising\n  name: [unclosed\n");
    writeFileSync(join(directory, "actor.yaml"), "[]\n");
    writeFileSync(join(directory, "figures.yaml"), "id: not-a-list\n");
    writeFileSync(join(directory, "notes.md"), "# notes are ignored\n");
    const check = checkTheatre(directory);
    const messages = check.problems.map((problem) => `${problem.location} ${problem.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /events\.yaml:3:1 Flow sequence in block collection must be sufficiently indented/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /actor\.yaml unknown file; a theatre directory holds theatre\.yaml and sources, actors/,
      ),
    );
    expect(messages).toContainEqual(expect.stringMatching(/figures\.yaml must be a list of entries/));
    expect(check.document).toBeUndefined();
  });

  it("rejects duplicate keys in a YAML mapping instead of keeping the last one", () => {
    const directory = writeTheatreDirectory(join(temporaryDirectory(), "dupes"), smallTheatre());
    const theatreFile = join(directory, "theatre.yaml");
    writeFileSync(theatreFile, `${readFileSync(theatreFile, "utf8")}name: Again\n`);
    const [problem] = checkTheatre(directory).problems;
    expect(problem?.location).toMatch(/theatre\.yaml:\d+:\d+$/);
    expect(problem?.message).toMatch(/^Map keys must be unique/);
  });

  it("says when theatre.yaml is missing", () => {
    const directory = writeTheatreDirectory(join(temporaryDirectory(), "headless"), smallTheatre());
    writeFileSync(join(directory, "theatre.yaml"), "");
    expect(checkTheatre(directory).problems.map((problem) => problem.message)).toContain("is required");
  });

  it("also reads a whole theatre document from one file", () => {
    const file = join(temporaryDirectory(), "theatre.json");
    writeFileSync(file, JSON.stringify(smallTheatre(), null, 2));
    expect(checkTheatre(file).document).toEqual(smallTheatre());
  });

  it("locates a problem in a JSON document and refuses repeated keys rather than keep the last", () => {
    const theatre = smallTheatre();
    theatre.interests[1]!.actorId = "nobody";
    const file = join(temporaryDirectory(), "theatre.json");
    writeFileSync(file, JSON.stringify(theatre, null, 2));
    const lines = JSON.stringify(theatre, null, 2).split("\n");
    const line = lines.findIndex((text) => text.includes('"nobody"')) + 1;
    expect(checkTheatre(file).problems.map((problem) => problem.location)).toEqual([
      expect.stringMatching(new RegExp(`theatre\\.json:${line}:\\d+$`)),
    ]);

    writeFileSync(
      file,
      JSON.stringify(smallTheatre()).replace('"name":"Capital",', '"name":"Capital","name":"Other",'),
    );
    const repeated = checkTheatre(file);
    expect(repeated.document).toBeUndefined();
    expect(repeated.problems[0]?.message).toMatch(/Map keys must be unique/);
  });

  it("refuses a path that does not exist", () => {
    expect(() => loadTheatre("/no/such/theatre")).toThrow(TheatreNotFoundError);
  });
});

describe("checking quotes against source texts", () => {
  it("reports misquotes and other problems together, and names missing text files", () => {
    const theatre = smallTheatre();
    theatre.sources[0]!.textFile = "report.txt";
    theatre.actors[0]!.citations[0]!.quote = "The capital rules.";
    theatre.interests[0]!.actorId = "nobody";
    const directory = writeTheatreDirectory(join(temporaryDirectory(), "quoted"), theatre);
    const texts = temporaryDirectory();
    const allQuotes: string[] = [];
    JSON.stringify(
      smallTheatre(),
      (key, value: unknown) => (key === "quote" && allQuotes.push(value as string), value),
    );
    writeFileSync(join(texts, "report.txt"), allQuotes.join("\n"));

    const check = checkTheatre(directory, { textsDirectory: texts });
    expect(check.problems.map((problem) => problem.message)).toEqual([
      'unknown actor "nobody"',
      'not found verbatim in source "report"',
    ]);
    expect(check.problems[1]?.path).toEqual(["actors", 0, "citations", 0, "quote"]);
    expect(check.quotesVerified).toBe(31);

    const missing = checkTheatre(directory, { textsDirectory: temporaryDirectory() });
    expect(missing.problems.map((problem) => problem.message)).toContainEqual(
      expect.stringMatching(/report\.txt: no such file$/),
    );
  });
});
