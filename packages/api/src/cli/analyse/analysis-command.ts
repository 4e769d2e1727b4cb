import type { ParseArgsConfig } from "node:util";
import type { TheatreIndex } from "@parley/domain";
import { UsageError } from "../io";

export type OptionValues = Record<string, string | boolean | undefined>;

/** One `parley analyse <name>` subcommand: its options, and a run that returns the result and its text. */
export interface AnalysisCommand {
  /** `parley analyse <name> ...` and what it does, as printed in the help. */
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** The whole result (printed as JSON with --json) and its readable rendering. */
  run(index: TheatreIndex, values: OptionValues): { result: unknown; text: string };
}

/** A required string option. */
export function required(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required`);
  return value;
}

/** A comma-separated list option ("United States, Taliban"), or undefined when absent. */
export function list(values: OptionValues, name: string): string[] | undefined {
  const value = values[name];
  if (typeof value !== "string") return undefined;
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  if (items.length === 0) throw new UsageError(`--${name} needs at least one value`);
  return items;
}

/** A numeric option within [min, max], or undefined when absent. */
export function number(values: OptionValues, name: string, min: number, max: number): number | undefined {
  const value = values[name];
  if (typeof value !== "string") return undefined;
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed) || parsed < min || parsed > max)
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, not "${value}"`);
  return parsed;
}

/** An integer option within [min, max], or undefined when absent. */
export function integer(values: OptionValues, name: string, min: number, max: number): number | undefined {
  const parsed = number(values, name, min, max);
  if (parsed !== undefined && !Number.isInteger(parsed))
    throw new UsageError(`--${name} must be a whole number, not "${String(values[name])}"`);
  return parsed;
}

/**
 * A comma-separated list of KEY=VALUE pairs (`--weights proximity=0.5,cost=0.2`), or undefined when
 * absent; `form` shows the expected shape in the error, e.g. "CRITERION=WEIGHT pairs (e.g. proximity=0.5)".
 */
export function pairs(
  values: OptionValues,
  name: string,
  form: string,
  what: string,
): Record<string, string> | undefined {
  const items = list(values, name);
  if (!items) return undefined;
  const result: Record<string, string> = {};
  for (const item of items) {
    const [key, value, ...rest] = item.split("=").map((part) => part.trim());
    if (!key || !value || rest.length > 0) throw new UsageError(`--${name} takes ${form}, not "${item}"`);
    if (Object.hasOwn(result, key)) throw new UsageError(`--${name} names ${what} "${key}" twice`);
    result[key] = value;
  }
  return result;
}
