import type { BargainingScenario } from "../bargaining-scenario";

/** KTAB reads capabilities up to 1e8; larger ones are scaled down together (only their ratios matter). */
const MAX_CAPABILITY = 1e8;

/**
 * A scenario as the spatial model works on it: every dimension mapped onto 0-1 (KTAB's internal scale,
 * its 0-100 inputs divided by 100), and per actor the quantities the model reuses every turn.
 * Per-actor-and-dimension values are row-major: `[actor * dimensions + dimension]`.
 */
export interface BargainingTable {
  actors: number;
  dimensions: number;
  capability: Float64Array;
  salience: Float64Array;
  /** Sum of squared saliences: the denominator of the salience-weighted distance. */
  salienceSquares: Float64Array;
  /** Share of attention, the sum of saliences (KTAB requires at most 1; more is taken as 1). */
  attention: Float64Array;
  /** Capability × attention: the weight an actor brings to a contest between two positions. */
  power: Float64Array;
  start: Float64Array;
  /** The scenario's own positions, given back unchanged for actors that have not moved. */
  given: number[][];
  minimum: Float64Array;
  maximum: Float64Array;
  range: Float64Array;
}

export function bargainingTable(scenario: BargainingScenario): BargainingTable {
  const actors = scenario.actors.length;
  const dimensions = scenario.dimensions.length;
  const largest = Math.max(...scenario.actors.map((actor) => actor.capability));
  const scale = largest > MAX_CAPABILITY ? MAX_CAPABILITY / largest : 1;
  const capability = Float64Array.from(scenario.actors, (actor) => actor.capability * scale);
  const salience = new Float64Array(actors * dimensions);
  const start = new Float64Array(actors * dimensions);
  const minimum = Float64Array.from(scenario.dimensions, (dimension) => dimension.min);
  const maximum = Float64Array.from(scenario.dimensions, (dimension) => dimension.max);
  const range = Float64Array.from(scenario.dimensions, (dimension) => dimension.max - dimension.min);
  const salienceSquares = new Float64Array(actors);
  const attention = new Float64Array(actors);
  scenario.actors.forEach((actor, i) => {
    let squares = 0;
    let total = 0;
    for (let d = 0; d < dimensions; d++) {
      const s = actor.salience[d]!;
      salience[i * dimensions + d] = s;
      start[i * dimensions + d] = (actor.position[d]! - minimum[d]!) / range[d]!;
      squares += s * s;
      total += s;
    }
    salienceSquares[i] = squares;
    attention[i] = Math.min(1, total);
  });
  const power = capability.map((c, i) => c * attention[i]!);
  return {
    actors,
    dimensions,
    capability,
    salience,
    salienceSquares,
    attention,
    power,
    start,
    given: scenario.actors.map((actor) => actor.position),
    minimum,
    maximum,
    range,
  };
}

/** Actor `i`'s position in `positions` (0-1 scale) on the scenario's own scales. */
export function actorPosition(table: BargainingTable, positions: Float64Array, i: number): number[] {
  const values: number[] = [];
  for (let d = 0; d < table.dimensions; d++) {
    const at = i * table.dimensions + d;
    values.push(
      positions[at] === table.start[at] ? table.given[i]![d]! : fromUnitScale(table, d, positions[at]!),
    );
  }
  return values;
}

/** A position on the 0-1 scale, on the scenario's own scales. */
export function scenarioPosition(table: BargainingTable, unit: ArrayLike<number>): number[] {
  return Array.from({ length: table.dimensions }, (_, d) => fromUnitScale(table, d, unit[d]!));
}

/** To 12 significant digits, which drops the binary noise of scaling (6.37, not 6.370000000000001). */
function fromUnitScale(table: BargainingTable, d: number, value: number): number {
  const scaled = table.minimum[d]! + Math.min(1, Math.max(0, value)) * table.range[d]!;
  return Math.min(table.maximum[d]!, Math.max(table.minimum[d]!, Number(scaled.toPrecision(12))));
}
