/** Median and 90th percentile of one benchmark case, in milliseconds, over `runs` timed calls. */
export interface Timing {
  median: number;
  p90: number;
  runs: number;
}

export interface Budget {
  /** Stop once at least `minRuns` calls were timed and this many milliseconds have passed. */
  ms: number;
  minRuns: number;
  maxRuns: number;
}

/** Keeps results alive so the engine cannot skip the work that produced them. */
export let sink: unknown;

/**
 * Times `run` call by call (after untimed warm-up calls, so the figures are for optimised code).
 * `run` gets the call's number, so a case can cycle through its inputs (pairs of actors, ...).
 */
export function measure(run: (call: number) => unknown, budget: Budget): Timing {
  const warmUpEnd = performance.now() + Math.min(budget.ms / 4, 2000);
  let call = 0;
  do sink = run(call++);
  while (call < 3 && performance.now() < warmUpEnd);
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < budget.maxRuns) {
    const before = performance.now();
    sink = run(call++);
    samples.push(performance.now() - before);
    if (samples.length >= budget.minRuns && performance.now() - start >= budget.ms) break;
  }
  samples.sort((a, b) => a - b);
  return {
    median: quantile(samples, 0.5),
    p90: quantile(samples, 0.9),
    runs: samples.length,
  };
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}
