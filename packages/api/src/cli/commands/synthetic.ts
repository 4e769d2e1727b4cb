import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { generateSyntheticTheatre } from "@parley/domain/synthetic";
import type { Config } from "../../env";
import { integer } from "../analyse/analysis-command";
import { EXIT, UsageError, type Output } from "../io";
import { absolute } from "../select-theatres";

export const syntheticUsage = `parley synthetic --actors N [--seed S] [--out FILE]
  Generates a made-up but valid theatre of N actors (at least 20; 10 interests and 5 relationships
  each, 200 issues, cooperation areas, leverage, scenarios, options) as one JSON theatre document, on
  stdout or in FILE. The same seed (default 1) gives the same document. Validate or analyse it like
  any other: parley validate FILE, parley analyse <analysis> FILE.`;

export function syntheticCommand(args: string[], config: Config, io: Output): number {
  const { values } = parseArgs({
    args,
    options: { actors: { type: "string" }, seed: { type: "string" }, out: { type: "string" } },
  });
  const actors = integer(values, "actors", 20, 1_000_000);
  if (actors === undefined) throw new UsageError("--actors is required");
  const seed = integer(values, "seed", -(2 ** 31), 2 ** 32 - 1) ?? 1;
  const json = JSON.stringify(generateSyntheticTheatre({ actors, seed }));
  if (values.out === undefined) io.out(json);
  else {
    const target = absolute(config, values.out);
    writeFileSync(target, `${json}\n`);
    io.err(`wrote ${target}: synthetic theatre "synthetic-${actors}-${seed}" of ${actors} actors`);
  }
  return EXIT.ok;
}
