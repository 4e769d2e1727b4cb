/** `value` when it is a number in [min, max] (and whole, if asked); otherwise a RangeError naming the option. */
export function requireInRange(name: string, value: number, min: number, max: number, whole = false): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max)
    throw new RangeError(`${name} must be a number from ${min} to ${max}; got ${String(value)}`);
  if (whole && !Number.isInteger(value)) throw new RangeError(`${name} must be a whole number; got ${value}`);
  return value;
}
