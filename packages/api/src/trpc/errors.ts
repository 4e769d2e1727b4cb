import { AnalysisError, EntityNotFound, formatPath, type Problem } from "@parley/domain";
import { TRPCError } from "@trpc/server";
import { EmptySearch } from "../store/search-text";
import { DuplicateEntity, NoSuchTheatre, TheatreExists } from "../store/store-errors";
import { VersionConflict } from "../store/store";

/** A change the theatre validator refused, with every problem it found. */
export class InvalidChange extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(
      `the change leaves the theatre invalid: ${problems
        .slice(0, 3)
        .map((p) => `${formatPath(p.path)}: ${p.message}`)
        .join("; ")}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ""}`,
    );
  }
}

/** The tRPC error a domain or store error stands for; unknown errors pass through (a 500). */
export function toTRPCError(error: unknown): unknown {
  if (error instanceof TRPCError) return error;
  if (error instanceof VersionConflict)
    return new TRPCError({ code: "CONFLICT", message: error.message, cause: error });
  if (error instanceof DuplicateEntity || error instanceof TheatreExists)
    return new TRPCError({ code: "CONFLICT", message: error.message, cause: error });
  if (error instanceof EmptySearch)
    return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  if (error instanceof NoSuchTheatre)
    return new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
  if (error instanceof EntityNotFound)
    return new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
  if (error instanceof InvalidChange)
    return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  if (error instanceof AnalysisError)
    return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  return error;
}
