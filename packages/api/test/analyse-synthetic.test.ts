import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateSyntheticTheatre } from "@parley/domain/synthetic";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/main";
import { captureOutput, temporaryDirectory, testConfig } from "./helpers";

const theatre = generateSyntheticTheatre({ actors: 300, seed: 11 });
const file = join(temporaryDirectory(), "synthetic.json");
writeFileSync(file, JSON.stringify(theatre));

const area = theatre.cooperationAreas[0]!;
const [first, second] = area.participants.map((participant) => participant.actorId) as [string, string];
const firstName = theatre.actors.find((actor) => actor.id === first)!.name;
const target = theatre.leverage[0]!.targetId;

const commands: [string, ...string[]][] = [
  ["cooperation", "--actors", `${firstName},${second}`],
  ["alignment", "--issues", theatre.issues[0]!.id],
  ["leverage", "--target", target, "--include-parts"],
  ["scenarios", "--set", `${theatre.scenarios[0]!.indicators[0]!.id}=observed`],
  ["options", "--set", theatre.options[0]!.id],
  ["network", "--from", first, "--to", second],
  ["network", "--brokers"],
  ["brief", "--actor", first],
  ["brief", "--area", area.id],
  ["brief", "--pair", `${first},${second}`],
];

describe("every analysis on a synthetic theatre, from the command line", () => {
  it.each(commands)("analyse %s %s %s", (...args) => {
    const text = captureOutput();
    expect(runCli(["analyse", args[0], file, ...args.slice(1)], testConfig(), text)).toBe(0);
    expect(text.stderr).toEqual([]);
    expect(text.stdout.join("\n").length).toBeGreaterThan(100);

    const json = captureOutput();
    expect(runCli(["analyse", args[0], file, ...args.slice(1), "--json"], testConfig(), json)).toBe(0);
    expect(() => JSON.parse(json.stdout.join("\n")) as unknown).not.toThrow();
  });
});
