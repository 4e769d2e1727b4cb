import { AnalysisError, formatPath, type PathSegment } from "@parley/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import { VersionConflict, type Role, type TokenRecord } from "../store/store";
import type { Context } from "./context";
import { InvalidChange, toTRPCError } from "./errors";

export interface ProblemShape {
  /** The input field at fault, e.g. `data.aliases[0]`; `interests."taliban-ct".actorId` for another entity. */
  path: string;
  message: string;
}

const t = initTRPC.context<Context>().create({
  // Error answers never carry stacks, so tRPC need not build them (~7% of the load test's CPU).
  isDev: false,
  errorFormatter({ shape, error }) {
    const problems = problemsOf(error);
    const cause = error.cause;
    return {
      ...shape,
      message:
        problems && error.code === "BAD_REQUEST" && isSchemaIssues(cause)
          ? summarise(problems)
          : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        ...(problems && { problems }),
        ...(cause instanceof VersionConflict && {
          conflict: {
            kind: cause.kind,
            id: cause.id,
            expectedVersion: cause.expectedVersion,
            currentVersion: cause.currentVersion,
          },
        }),
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns domain and store errors thrown by a procedure into the tRPC errors they stand for. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    const mapped = toTRPCError(result.error.cause);
    if (mapped instanceof TRPCError) throw mapped;
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);

/** Reads: open to anyone unless the server is configured to require a token for them. */
export const readProcedure = publicProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { token: ctx.readsNeedToken ? await requireToken(ctx, "viewer") : undefined } }),
);
/** Changes to theatre content: an editor or admin token. */
export const editorProcedure = publicProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { token: await requireToken(ctx, "editor") } }),
);
/** Whole-theatre replacement and deletion: an admin token. */
export const adminProcedure = publicProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { token: await requireToken(ctx, "admin") } }),
);

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

async function requireToken(ctx: Context, role: Role): Promise<TokenRecord> {
  const header = ctx.authorization;
  if (header === undefined || header.trim() === "")
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: `this needs a token with the ${role} role: send "Authorization: Bearer <token>" (an admin creates one with \`pnpm parley token create\`)`,
    });
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match)
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: 'the Authorization header must read "Bearer <token>"',
    });
  const token = await ctx.store.verifyToken(match[1]!);
  if (!token)
    throw new TRPCError({ code: "UNAUTHORIZED", message: "the token is not valid: unknown or revoked" });
  if (RANK[token.role] < RANK[role])
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `this needs the ${role} role; token "${token.name}" has the ${token.role} role`,
    });
  return token;
}

interface SchemaIssue {
  path?: readonly (PropertyKey | { key: PropertyKey })[];
  message: string;
}

function isSchemaIssues(cause: unknown): cause is { issues: SchemaIssue[] } {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  return (
    Array.isArray(issues) && issues.every((issue) => typeof (issue as SchemaIssue)?.message === "string")
  );
}

function problemsOf(error: TRPCError): ProblemShape[] | undefined {
  const cause = error.cause;
  if (cause instanceof InvalidChange)
    return cause.problems.map((p) => ({ path: formatPath(p.path), message: p.message }));
  if (cause instanceof AnalysisError) return [{ path: cause.field, message: cause.problem }];
  if (error.code === "BAD_REQUEST" && isSchemaIssues(cause))
    return cause.issues.map((issue) => ({
      path: formatPath(
        (issue.path ?? []).map((segment) =>
          typeof segment === "object" ? keyOf(segment.key) : keyOf(segment),
        ),
      ),
      message: issue.message,
    }));
  return undefined;
}

function keyOf(key: PropertyKey): PathSegment {
  return typeof key === "number" ? key : String(key);
}

function summarise(problems: readonly ProblemShape[]): string {
  const shown = problems
    .slice(0, 3)
    .map((p) => `${p.path === "(document)" ? "input" : p.path}: ${p.message}`);
  return `invalid input: ${shown.join("; ")}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ""}`;
}
