import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { condorcetProbabilities, mostProbableOption } from "./condorcet-election";
import { condorcetOnALine } from "./condorcet-on-a-line";
import { utility } from "./state-assessment";

const weights = (count: number) =>
  fc.array(fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(0)), {
    minLength: count,
    maxLength: count,
  });

describe("condorcetProbabilities", () => {
  it("reproduces KTAB's printed election among actor 0's bargains in turn 1 of dummyData_3Dim", () => {
    // Utilities of the 7 actors (rows) for the 5 states (columns) and the actors' capabilities, as KTAB
    // prints them; the probabilities it prints are 0.0004, 0.2938, 0.0137, 0.4968, 0.1953.
    const values = [
      [0.82325, 0.83726, 0.8057, 0.81633, 0.80676],
      [0.71543, 0.73202, 0.77307, 0.74652, 0.74814],
      [0.51258, 0.52804, 0.52407, 0.51692, 0.52177],
      [0.74789, 0.76561, 0.77479, 0.79217, 0.80283],
      [0.96427, 0.9684, 0.96715, 0.96956, 0.9681],
      [0.75597, 0.7725, 0.74109, 0.77766, 0.76567],
      [0.73554, 0.72736, 0.72174, 0.74794, 0.73902],
    ];
    const capability = Float64Array.from([102.543, 53.393, 129.643, 75.92, 63.224, 120.048, 54.178]);
    const utilities = new Float64Array(5 * 7);
    values.forEach((row, voter) => row.forEach((u, option) => (utilities[option * 7 + voter] = u)));
    const probabilities = condorcetProbabilities(utilities, 5, capability);
    // KTAB's inputs were rounded to five decimals for printing, hence the looser tolerance.
    [0.0004, 0.2938, 0.0137, 0.4968, 0.1953].forEach((p, o) => expect(probabilities[o]).toBeCloseTo(p, 2));
    expect(mostProbableOption(utilities, 5, capability)).toBe(3);
  });

  it("does not underflow with a thousand options, where the plain product would", () => {
    const options = 1000;
    const voters = 50;
    const utilities = Float64Array.from({ length: options * voters }, (_, k) => ((k * 7919) % 1000) / 1000);
    const probabilities = condorcetProbabilities(utilities, options, new Float64Array(voters).fill(1));
    expect(probabilities.every(Number.isFinite)).toBe(true);
    expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
  });

  it("gives every option a probability, summing to 1, and mostProbableOption finds the first largest", () => {
    const elections = fc.integer({ min: 1, max: 8 }).chain((options) =>
      fc.integer({ min: 1, max: 8 }).chain((voters) =>
        fc.record({
          options: fc.constant(options),
          weight: weights(voters),
          utilities: fc.array(fc.constantFrom(0, 0.25, 0.5, 0.75, 1, 0.3333), {
            minLength: options * voters,
            maxLength: options * voters,
          }),
        }),
      ),
    );
    fc.assert(
      fc.property(elections, ({ options, weight, utilities }) => {
        const values = Float64Array.from(utilities);
        const w = Float64Array.from(weight);
        const probabilities = condorcetProbabilities(values, options, w);
        expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
        for (const p of probabilities) expect(p >= 0 && p <= 1).toBe(true);
        const largest = Math.max(...probabilities);
        const chosen = mostProbableOption(values, options, w);
        expect(probabilities[chosen]).toBeCloseTo(largest, 12);
      }),
      { numRuns: 300 },
    );
  });
});

describe("condorcetOnALine", () => {
  it("agrees with the direct sums for positions on one dimension", () => {
    const lines = fc.integer({ min: 1, max: 12 }).chain((voters) =>
      fc.record({
        // On KTAB's grid of 1/10,000: closer than rounding, the direct sums lose what the closed form keeps.
        positions: fc.array(
          fc.integer({ min: 0, max: 10_000 }).map((k) => k / 10_000),
          { minLength: voters, maxLength: voters },
        ),
        risks: fc.array(fc.double({ min: -0.5, max: 1, noNaN: true }), {
          minLength: voters,
          maxLength: voters,
        }),
        weight: weights(voters),
        options: fc.integer({ min: 1, max: voters }),
      }),
    );
    fc.assert(
      fc.property(lines, ({ positions, risks, weight, options }) => {
        const voters = positions.length;
        const place = Float64Array.from(positions);
        const risk = Float64Array.from(risks);
        const w = Float64Array.from(weight);
        const optionPlaces = place.slice(0, options);
        const utilities = new Float64Array(options * voters);
        for (let o = 0; o < options; o++)
          for (let k = 0; k < voters; k++)
            utilities[o * voters + k] = utility(Math.abs(place[k]! - optionPlaces[o]!), risk[k]!);
        const direct = condorcetProbabilities(utilities, options, w);
        const fast = condorcetOnALine(place, risk, w, optionPlaces);
        direct.forEach((p, o) => expect(fast[o]).toBeCloseTo(p, 8));
      }),
      { numRuns: 300 },
    );
  });
});
