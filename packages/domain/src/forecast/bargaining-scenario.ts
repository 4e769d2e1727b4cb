import { z } from "zod";
import { formatProblem, type Problem } from "../validation/problem";

/** One dimension of bargaining: an issue and the scale positions on it lie on. */
export const BargainingDimension = z
  .strictObject({
    name: z.string().min(1, "must not be empty"),
    min: z.number().refine(Number.isFinite, "must be a finite number"),
    max: z.number().refine(Number.isFinite, "must be a finite number"),
  })
  .refine((dimension) => dimension.max > dimension.min, {
    path: ["max"],
    message: "must be greater than min",
  });
export type BargainingDimension = z.infer<typeof BargainingDimension>;

const finite = z.number().refine(Number.isFinite, "must be a finite number");

/**
 * One actor at the table: how much weight it brings (capability, any non-negative unit: only ratios
 * matter), and on each dimension where it stands and how much that dimension matters to it (salience,
 * 0-1).
 */
export const BargainingActor = z.strictObject({
  id: z.string().min(1, "must not be empty"),
  name: z.string().min(1, "must not be empty"),
  description: z.string().default(""),
  capability: finite.refine((value) => value >= 0, "must not be negative"),
  position: z.array(finite).min(1, "must hold a position on at least one dimension"),
  salience: z.array(finite.refine((value) => value >= 0 && value <= 1, "must be between 0 and 1")),
});
export type BargainingActor = z.infer<typeof BargainingActor>;

/**
 * What a bargaining model runs on: actors with capability, and position and salience on each of one or
 * more dimensions. Built from a theatre issue or read from a KTAB or BDM CSV file.
 */
export const BargainingScenario = z
  .strictObject({
    name: z.string().min(1, "must not be empty"),
    description: z.string().default(""),
    dimensions: z.array(BargainingDimension).min(1, "must have at least one dimension"),
    actors: z.array(BargainingActor).min(2, "must have at least two actors"),
  })
  .superRefine((scenario, context) => {
    const width = scenario.dimensions.length;
    const seen = new Set<string>();
    let totalCapability = 0;
    scenario.actors.forEach((actor, index) => {
      totalCapability += actor.capability;
      if (seen.has(actor.id))
        context.addIssue({
          code: "custom",
          path: ["actors", index, "id"],
          message: `"${actor.id}" is repeated`,
        });
      seen.add(actor.id);
      for (const field of ["position", "salience"] as const) {
        if (actor[field].length !== width)
          context.addIssue({
            code: "custom",
            path: ["actors", index, field],
            message: `has ${actor[field].length} values for ${width} dimension${width === 1 ? "" : "s"}`,
          });
      }
      actor.position.forEach((value, d) => {
        const dimension = scenario.dimensions[d];
        if (dimension && (value < dimension.min || value > dimension.max))
          context.addIssue({
            code: "custom",
            path: ["actors", index, "position", d],
            message: `${value} lies outside the scale of "${dimension.name}" (${dimension.min} to ${dimension.max})`,
          });
      });
    });
    if (!(totalCapability > 0))
      context.addIssue({
        code: "custom",
        path: ["actors"],
        message: "at least one actor must have capability above 0",
      });
  });
export type BargainingScenario = z.infer<typeof BargainingScenario>;
export type BargainingScenarioInput = z.input<typeof BargainingScenario>;

export class InvalidScenario extends Error {
  override readonly name = "InvalidScenario";

  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join("\n"));
  }
}

/** The scenario, checked: every problem is named by its path, e.g. `actors[3].salience[1]`. */
export function checkScenario(input: unknown): BargainingScenario {
  const parsed = BargainingScenario.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InvalidScenario(
    parsed.error.issues.map((issue) => ({ path: issue.path as (string | number)[], message: issue.message })),
  );
}
