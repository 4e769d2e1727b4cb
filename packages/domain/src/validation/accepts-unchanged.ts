import type { z } from "zod";

type Acceptor = (value: unknown, context: ParseContext) => boolean;
type ParseContext = { async: false };
interface Payload {
  value: unknown;
  issues: unknown[];
}
/** The parts of zod's internals the acceptors read; see `zod/v4/core` `$ZodTypeInternals`. */
interface Internals {
  def: {
    type: string;
    checks?: { _zod: { check(payload: Payload): unknown } }[];
    shape?: Record<string, z.ZodType>;
    catchall?: z.ZodType;
    element?: z.ZodType;
    innerType?: z.ZodType;
    discriminator?: string;
    options?: z.ZodType[];
  };
  optin?: "optional" | "defaulted";
  values?: Set<unknown>;
  parse(payload: Payload, context: ParseContext): unknown;
}

const acceptors = new WeakMap<z.ZodType, Acceptor>();

/**
 * True when `schema` accepts `value` and would return it unchanged: no default to fill in, no unknown
 * key to strip, the keys already in the schema's order. Such a value can stand as its own parsed
 * result, which spares zod building a copy of it (most of the cost of validating a large theatre).
 * Anything else answers false and goes through zod, which then reports the problems.
 *
 * Derived from the schema itself: objects, arrays, defaults, optionals and discriminated unions are
 * walked here; every other schema (strings, numbers, enums, formats ...) is applied by zod to the value,
 * which counts only if zod leaves it the very same, with no issue. Checks (`.min`, `.refine`) are zod's.
 */
export function acceptsUnchanged(schema: z.ZodType, value: unknown): boolean {
  return acceptorOf(schema)(value, { async: false });
}

function acceptorOf(schema: z.ZodType): Acceptor {
  let acceptor = acceptors.get(schema);
  if (!acceptor) {
    // Set before building, so a schema that contains itself reaches its own acceptor through this entry.
    acceptors.set(schema, (value, context) => acceptor!(value, context));
    acceptor = withChecks(internalsOf(schema), build(schema));
    acceptors.set(schema, acceptor);
  }
  return acceptor;
}

function build(schema: z.ZodType): Acceptor {
  const { def } = internalsOf(schema);
  switch (def.type) {
    case "object":
      return objectAcceptor(def.shape!, def.catchall);
    case "array": {
      const element = acceptorOf(def.element!);
      return (value, context) => {
        if (!Array.isArray(value)) return false;
        for (let i = 0; i < value.length; i++) if (!element(value[i], context)) return false;
        return true;
      };
    }
    case "default": {
      const inner = acceptorOf(def.innerType!);
      return (value, context) => value !== undefined && inner(value, context);
    }
    case "optional": {
      const inner = acceptorOf(def.innerType!);
      const absenceAllowed = internalsOf(def.innerType!).optin !== "defaulted";
      return (value, context) => (value === undefined ? absenceAllowed : inner(value, context));
    }
    case "union":
      if (def.discriminator !== undefined) return discriminatedAcceptor(def.discriminator, def.options!);
      return zodAcceptor(schema);
    default:
      return zodAcceptor(schema);
  }
}

/** A plain object with only the shape's keys, in its order; absent keys must be optional, not defaulted. */
function objectAcceptor(shape: Record<string, z.ZodType>, catchall: z.ZodType | undefined): Acceptor {
  const keys = Object.keys(shape);
  const fields = keys.map((key) => acceptorOf(shape[key]!));
  const omittable = keys.map((key) => internalsOf(shape[key]!).optin === "optional");
  const onlyShapeKeys = catchall === undefined || internalsOf(catchall).def.type === "never";
  if (!onlyShapeKeys || keys.includes("__proto__")) return () => false;
  return (value, context) => {
    if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype)
      return false;
    const record = value as Record<string, unknown>;
    let next = 0;
    for (const key in record) {
      while (next < keys.length && keys[next] !== key) if (!omittable[next++]) return false;
      if (next === keys.length || !fields[next]!(record[key], context)) return false;
      next++;
    }
    while (next < keys.length) if (!omittable[next++]) return false;
    return true;
  };
}

function discriminatedAcceptor(discriminator: string, options: readonly z.ZodType[]): Acceptor {
  const byTag = new Map<unknown, Acceptor>();
  for (const option of options) {
    const tag = internalsOf(option).def.shape?.[discriminator];
    for (const value of tag ? (internalsOf(tag).values ?? []) : []) byTag.set(value, acceptorOf(option));
  }
  return (value, context) => {
    if (typeof value !== "object" || value === null) return false;
    const option = byTag.get((value as Record<string, unknown>)[discriminator]);
    return option !== undefined && option(value, context);
  };
}

/**
 * Lets zod itself judge a value that holds no objects of ours (a string, a number, an enum member, a URL):
 * zod's parse and then each of the schema's checks must leave it the same and unflagged. Calling them
 * directly rather than through `run` skips zod's bookkeeping for aborts and async checks, which only
 * matters once a problem is found, and by then zod parses the entry again itself.
 */
function zodAcceptor(schema: z.ZodType): Acceptor {
  const { parse, def } = internalsOf(schema);
  const checks = def.checks ?? [];
  // One payload per schema, reused: parse and checks of a leaf never re-enter an acceptor.
  const payload: Payload = { value: undefined, issues: [] };
  return (value, context) => {
    payload.value = value;
    if (payload.issues.length > 0) payload.issues = [];
    if (parse(payload, context) !== payload || payload.issues.length > 0) return false;
    for (const check of checks) {
      check._zod.check(payload);
      if (payload.issues.length > 0) return false;
    }
    return payload.value === value;
  };
}

/** Runs the schema's own checks (`.min(1)`, `.refine(...)`) after the structure passed. */
function withChecks(internals: Internals, acceptor: Acceptor): Acceptor {
  const checks = internals.def.checks ?? [];
  if (
    checks.length === 0 ||
    !["object", "array", "default", "optional", "union"].includes(internals.def.type)
  )
    return acceptor;
  return (value, context) => {
    if (!acceptor(value, context)) return false;
    const payload: Payload = { value, issues: [] };
    for (const check of checks) check._zod.check(payload);
    return payload.issues.length === 0;
  };
}

function internalsOf(schema: z.ZodType): Internals {
  return (schema as unknown as { _zod: Internals })._zod;
}
