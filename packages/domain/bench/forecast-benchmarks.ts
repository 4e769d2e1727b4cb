/**
 * `pnpm bench:forecast`: times both bargaining models and prints, per case, the median and 90th
 * percentile over the timed runs, the rounds the model played, the ratio to a fixed reference workload
 * timed in the same process (compare ratios across machines, not milliseconds) and the target.
 *
 *   pnpm bench:forecast [--only spatial,eu] [--seed 1]
 *
 * The 40-, 80- and 160-actor cases are KTAB's own example scenarios (dummyData-a040/a080/a160); the
 * others are seeded random scenarios of the same kind.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  parseScenarioCsv,
  runExpectedUtilityModel,
  runSpatialModel,
  type BargainingScenario,
  type Forecast,
} from "../src";
import { SeededRandom } from "../src/seeded-random";
import { measure } from "./measure";
import { referenceWorkload } from "./reference-workload";

interface ForecastCase {
  name: string;
  model: "spatial" | "eu";
  /** The target for the median, in milliseconds. */
  target?: number;
  scenario: (seed: number) => BargainingScenario;
}

const ktabExample = (file: string) => () =>
  parseScenarioCsv(
    readFileSync(new URL(`../src/forecast/spatial/fixtures/${file}`, import.meta.url), "utf8"),
  );

const cases: ForecastCase[] = [
  {
    name: "spatial, 40 actors (KTAB dummyData-a040)",
    model: "spatial",
    target: 500,
    scenario: ktabExample("dummyData-a040.csv"),
  },
  {
    name: "spatial, 80 actors (KTAB dummyData-a080)",
    model: "spatial",
    target: 5000,
    scenario: ktabExample("dummyData-a080.csv"),
  },
  {
    name: "spatial, 160 actors (KTAB dummyData-a160)",
    model: "spatial",
    scenario: ktabExample("dummyData-a160.csv"),
  },
  {
    name: "spatial, 1,000 actors, 1 dimension",
    model: "spatial",
    target: 60_000,
    scenario: (seed) => randomScenario(1000, 1, seed),
  },
  {
    name: "spatial, 50 actors, 6 dimensions",
    model: "spatial",
    scenario: (seed) => randomScenario(50, 6, seed),
  },
  {
    name: "expected utility, 40 actors (KTAB dummyData-a040)",
    model: "eu",
    scenario: ktabExample("dummyData-a040.csv"),
  },
  { name: "expected utility, 1,000 actors", model: "eu", scenario: (seed) => randomScenario(1000, 1, seed) },
];

const models: Record<ForecastCase["model"], (scenario: BargainingScenario) => Forecast> = {
  spatial: (scenario) => runSpatialModel(scenario),
  eu: (scenario) => runExpectedUtilityModel(scenario),
};

/** Actors like KTAB's random spatial ones: capability 1-100, positions 0-100, saliences sharing at most all attention. */
function randomScenario(actors: number, dimensions: number, seed: number): BargainingScenario {
  const random = new SeededRandom(seed * 7919 + actors * 31 + dimensions);
  return {
    name: `random ${actors}×${dimensions}`,
    description: "",
    dimensions: Array.from({ length: dimensions }, (_, d) => ({
      name: `Dimension ${d + 1}`,
      min: 0,
      max: 100,
    })),
    actors: Array.from({ length: actors }, (_, i) => {
      const raw = Array.from({ length: dimensions }, () => 0.1 + random.next());
      const attention = 0.3 + 0.7 * random.next();
      const total = raw.reduce((sum, value) => sum + value, 0);
      return {
        id: `actor-${i}`,
        name: `Actor ${i}`,
        description: "",
        capability: 1 + 99 * random.next(),
        position: Array.from({ length: dimensions }, () => Math.round(random.next() * 10_000) / 100),
        salience: raw.map((value) => (attention * value) / total),
      };
    }),
  };
}

function main(): void {
  const { values } = parseArgs({
    options: { only: { type: "string" }, seed: { type: "string", default: "1" } },
  });
  const only = values.only?.split(",").map((word) => word.trim().toLowerCase());
  const seed = Number(values.seed);
  const selected = cases.filter((c) => !only || only.some((word) => c.name.toLowerCase().includes(word)));
  console.log(`Node ${process.version}, ${process.arch}; one process, one thread; seed ${seed}`);
  const reference = measure(referenceWorkload, { ms: 1500, minRuns: 10, maxRuns: 500 });
  console.log(`reference workload: median ${ms(reference.median)}, ${reference.runs} runs\n`);
  console.log(row("case", "median", "p90", "runs", "rounds", "× ref", "target"));
  for (const forecastCase of selected) {
    const scenario = forecastCase.scenario(seed);
    const run = models[forecastCase.model];
    let last: Forecast | undefined;
    const timed = () => (last = run(scenario));
    // A case that takes many seconds is timed once: JIT warm-up is a rounding error there.
    const slow = forecastCase.target !== undefined && forecastCase.target > 5000;
    const timing = slow ? once(timed) : measure(timed, { ms: 4000, minRuns: 3, maxRuns: 50 });
    const rounds = last!.stop;
    const nearby = measure(referenceWorkload, { ms: 300, minRuns: 3, maxRuns: 50 });
    const verdict =
      forecastCase.target === undefined
        ? ""
        : `< ${ms(forecastCase.target)} ${timing.median < forecastCase.target ? "PASS" : "MISS"}`;
    console.log(
      row(
        forecastCase.name,
        ms(timing.median),
        ms(timing.p90),
        String(timing.runs),
        `${rounds.rounds} (${rounds.reason})`,
        (timing.median / nearby.median).toFixed(1),
        verdict,
      ),
    );
  }
}

function once(run: () => unknown): { median: number; p90: number; runs: number } {
  const started = performance.now();
  run();
  const elapsed = performance.now() - started;
  return { median: elapsed, p90: elapsed, runs: 1 };
}

function row(...cells: string[]): string {
  const widths = [46, 11, 11, 6, 18, 8];
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i] ?? 0)))
    .join(" ");
}

function ms(value: number): string {
  return `${value >= 100 ? Math.round(value).toLocaleString("en") : value.toFixed(1)} ms`;
}

main();
