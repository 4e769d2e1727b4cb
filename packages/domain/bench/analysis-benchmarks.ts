/**
 * `pnpm bench`: times validation, indexing and the analyses on seeded synthetic theatres of 1,000 and
 * 10,000 actors and prints, per size, the median, 90th percentile and number of timed runs of each case,
 * its ratio to a fixed reference workload timed in the same run (compare ratios across machines, not
 * milliseconds), the target where there is one, and peak memory.
 *
 *   pnpm bench [--sizes 1000,10000] [--only validate,cooperation] [--seed 1]
 *
 * Each case is one entry of `cases`: a name, the target if the issue sets one, and how to call it.
 */
import { parseArgs } from "node:util";
import {
  alignActors,
  findBrokers,
  findCooperation,
  findInfluencePaths,
  indexTheatre,
  mapLeverage,
  scoreOptions,
  validateTheatre,
  watchScenarios,
  type TheatreDocument,
  type TheatreIndex,
} from "../src";
import { generateSyntheticTheatre } from "../src/synthetic";
import { SeededRandom } from "../src/seeded-random";
import { measure, type Budget, type Timing } from "./measure";
import { referenceWorkload } from "./reference-workload";

interface Fixture {
  actors: number;
  json: string;
  /** The JSON-parsed document, as `validateTheatre` receives it from a file. */
  input: unknown;
  document: TheatreDocument;
  index: TheatreIndex;
  /** Pairs of actors to find cooperation between: half share a cooperation area, half are random. */
  pairs: [string, string][];
  /** The 200 best-tied actors, as an analyst comparing the main players would choose them. */
  mainActors: string[];
}

interface BenchCase {
  name: string;
  /** The target for the median at 10,000 actors, in milliseconds. */
  target?: number;
  budget?: Partial<Budget>;
  /** Returns one call of the case; `call` numbers the calls so a case can cycle through inputs. */
  prepare(fixture: Fixture): (call: number) => unknown;
}

/** The sample size of the betweenness estimate, and how many top brokers its accuracy is judged on. */
const ESTIMATE_SOURCES = 1000;
const TOP_BROKERS = 20;

const cases: BenchCase[] = [
  { name: "JSON.parse of the document", prepare: (f) => () => JSON.parse(f.json) },
  { name: "validateTheatre", target: 1000, prepare: (f) => () => validateTheatre(f.input) },
  { name: "indexTheatre", prepare: (f) => () => indexTheatre(f.document) },
  {
    name: "findCooperation, one pair",
    target: 5,
    prepare: (f) => (call) => findCooperation(f.index, { actorIds: f.pairs[call % f.pairs.length]! }),
  },
  {
    name: "alignActors, 200 main actors",
    target: 100,
    prepare: (f) => () => alignActors(f.index, { actorIds: f.mainActors }),
  },
  {
    name: "findBrokers, whole graph",
    target: 2000,
    budget: { minRuns: 3 },
    prepare: (f) => () => findBrokers(f.index),
  },
  {
    name: `findBrokers, estimate (${ESTIMATE_SOURCES} sources)`,
    target: 2000,
    budget: { minRuns: 3 },
    prepare: (f) => () => findBrokers(f.index, { sampleSources: ESTIMATE_SOURCES }),
  },
  {
    name: "findInfluencePaths, one pair",
    prepare: (f) => (call) => {
      const [fromId, toId] = f.pairs[call % f.pairs.length]!;
      return findInfluencePaths(f.index, { fromId, toId });
    },
  },
  {
    name: "scoreOptions, one option set",
    prepare: (f) => (call) =>
      scoreOptions(f.index, { optionSetId: f.document.options[call % f.document.options.length]!.id }),
  },
  { name: "watchScenarios, all scenarios", prepare: (f) => () => watchScenarios(f.index, {}) },
  {
    name: "mapLeverage, one target with its parts",
    prepare: (f) => (call) =>
      mapLeverage(f.index, {
        targetId: f.document.leverage[call % f.document.leverage.length]!.targetId,
        includeParts: true,
      }),
  },
];

const TARGET_ACTORS = 10_000;

function main(): void {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,10000" },
      only: { type: "string" },
      seed: { type: "string", default: "1" },
    },
  });
  const sizes = values.sizes.split(",").map(Number);
  const only = values.only?.split(",").map((word) => word.trim().toLowerCase());
  const selected = cases.filter((c) => !only || only.some((word) => c.name.toLowerCase().includes(word)));
  const seed = Number(values.seed);

  console.log(`Node ${process.version}, ${process.arch}; one process, one thread; seed ${seed}`);
  const reference = measure(referenceWorkload, { ms: 1500, minRuns: 10, maxRuns: 500 });
  console.log(
    `reference workload: median ${ms(reference.median)}, p90 ${ms(reference.p90)}, ${reference.runs} runs`,
  );
  console.log(
    "× ref: each median divided by the reference workload's median, timed again just before the case\n",
  );

  for (const actors of sizes) {
    const fixture = buildFixture(actors, seed);
    const budget: Budget = { ms: actors >= TARGET_ACTORS ? 2500 : 800, minRuns: 5, maxRuns: 2000 };
    console.log(row("case", "median", "p90", "runs", "× ref", "target"));
    for (const benchCase of selected) {
      collectGarbage();
      const nearby = measure(referenceWorkload, { ms: 300, minRuns: 3, maxRuns: 50 });
      const timing = measure(benchCase.prepare(fixture), { ...budget, ...benchCase.budget });
      console.log(formatRow(benchCase, timing, nearby, actors));
    }
    if (selected.some((benchCase) => benchCase.name.startsWith("findBrokers")))
      printEstimateAccuracy(fixture);
    const memory = process.memoryUsage();
    console.log(
      `memory: heap used ${mb(memory.heapUsed)}, peak RSS so far ${mb(process.resourceUsage().maxRSS * 1024)}\n`,
    );
  }
  const after = measure(referenceWorkload, { ms: 1500, minRuns: 10, maxRuns: 500 });
  console.log(
    `reference workload again: median ${ms(after.median)} (${((after.median / reference.median - 1) * 100).toFixed(0)}% drift: how noisy this run was)`,
  );
}

/** How far the betweenness estimate's top brokers agree with the exact ones. */
function printEstimateAccuracy(fixture: Fixture): void {
  const top = (sampleSources?: number) =>
    findBrokers(fixture.index, {
      limit: TOP_BROKERS,
      ...(sampleSources ? { sampleSources } : {}),
    }).brokers.map((broker) => broker.actor.id);
  const exact = top();
  const estimate = new Set(top(ESTIMATE_SOURCES));
  const shared = exact.filter((id) => estimate.has(id)).length;
  console.log(
    `betweenness estimate from ${ESTIMATE_SOURCES} sources: ${shared} of the exact top ${TOP_BROKERS} brokers are in its top ${TOP_BROKERS}`,
  );
}

/** A full collection between cases (when run with --expose-gc, as `pnpm bench` does), so one case's garbage is not collected on the next one's time. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function buildFixture(actors: number, seed: number): Fixture {
  const started = performance.now();
  const generated = generateSyntheticTheatre({ actors, seed });
  const json = JSON.stringify(generated);
  const input: unknown = JSON.parse(json);
  const validation = validateTheatre(input);
  if (!validation.ok) throw new Error(`the synthetic theatre is invalid: ${validation.problems[0]?.message}`);
  const document = validation.document;
  const index = indexTheatre(document);
  const d = document;
  console.log(
    `== ${actors} actors: ${d.interests.length} interests, ${d.relationships.length} relationships, ` +
      `${d.cooperationAreas.length} cooperation areas, ${d.leverage.length} leverage; ` +
      `${mb(json.length)} of JSON; generated and prepared in ${ms(performance.now() - started)}`,
  );
  return {
    actors,
    json,
    input,
    document,
    index,
    pairs: choosePairs(document, seed),
    mainActors: mainActors(index),
  };
}

function choosePairs(document: TheatreDocument, seed: number): [string, string][] {
  const random = new SeededRandom(seed);
  const pairs: [string, string][] = document.cooperationAreas
    .slice(0, 100)
    .map((area) => [area.participants[0]!.actorId, area.participants[1]!.actorId]);
  while (pairs.length < 200) {
    const [a, b] = random.sample(document.actors, 2);
    pairs.push([a!.id, b!.id]);
  }
  return pairs;
}

function mainActors(index: TheatreIndex): string[] {
  return [...index.relationshipsByActor]
    .sort(([a, aTies], [b, bTies]) => bTies.length - aTies.length || (a < b ? -1 : 1))
    .slice(0, 200)
    .map(([id]) => id);
}

function formatRow(benchCase: BenchCase, timing: Timing, reference: Timing, actors: number): string {
  const verdict =
    benchCase.target === undefined || actors !== TARGET_ACTORS
      ? ""
      : `< ${ms(benchCase.target)} ${timing.median < benchCase.target ? "PASS" : "MISS"}`;
  return row(
    benchCase.name,
    ms(timing.median),
    ms(timing.p90),
    String(timing.runs),
    ratio(timing.median / reference.median),
    verdict,
  );
}

function row(name: string, median: string, p90: string, runs: string, ratio: string, target: string): string {
  return `${name.padEnd(40)} ${median.padStart(11)} ${p90.padStart(11)} ${runs.padStart(6)} ${ratio.padStart(8)}  ${target}`;
}

function ratio(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

function ms(value: number): string {
  return value >= 100
    ? `${value.toFixed(0)} ms`
    : value >= 1
      ? `${value.toFixed(1)} ms`
      : `${value.toFixed(3)} ms`;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

main();
