import { ApiError } from "@tusk/errors";

interface KnownRequestError {
  code: string;
  message: string;
  meta?: Record<string, unknown>;
}

function isKnownRequestError(error: unknown): error is KnownRequestError {
  return (
    error instanceof Error &&
    error.name === "PrismaClientKnownRequestError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

/** The fields of a violated constraint, from Prisma's meta (classic `target` or driver adapter cause). */
function constraintFields(meta: Record<string, unknown> | undefined): string[] {
  const target = meta?.target;
  if (Array.isArray(target)) return target.map(String);
  const cause = (meta?.driverAdapterError as { cause?: { constraint?: { fields?: unknown } } } | undefined)
    ?.cause;
  const fields = cause?.constraint?.fields;
  return Array.isArray(fields) ? fields.map((f) => String(f).replace(/^"|"$/g, "")) : [];
}

/** PostgreSQL's SQLSTATE, when Prisma passes a database error through (code P2039 and others). */
function sqlState(meta: Record<string, unknown> | undefined): string | undefined {
  const cause = (meta?.driverAdapterError as { cause?: { originalCode?: unknown } } | undefined)?.cause;
  return typeof cause?.originalCode === "string" ? cause.originalCode : undefined;
}

/** Prisma codes for SQLSTATEs that Prisma leaves untranslated through driver adapters. */
const SQL_STATE_CODES: Readonly<Record<string, string>> = {
  "23505": "P2002", // unique_violation
  "23503": "P2003", // foreign_key_violation
  "23001": "P2003", // restrict_violation: a RESTRICT reference still points here
};

/**
 * Translates Prisma's errors into the shared vocabulary: a unique clash is `CONFLICT` naming
 * the fields, a missing record `NOT_FOUND`, a reference to a missing row `NOT_FOUND`, deleting a row still referred to `CONFLICT`; anything else is
 * returned unchanged (and masked at the edge).
 *
 * @example
 * try { await prisma.user.create({ data }); } catch (error) { throw toApiError(error, "User"); }
 */
export function toApiError(error: unknown, model: string, operation: "write" | "delete" = "write"): unknown {
  if (error instanceof ApiError || !isKnownRequestError(error)) return error;
  const state = sqlState(error.meta);
  const code = (state && SQL_STATE_CODES[state]) || error.code;
  switch (code) {
    case "P2002": {
      const fields = constraintFields(error.meta);
      const which = fields.length > 0 ? fields.join(", ") : "a unique field";
      return new ApiError("CONFLICT", `A ${model} with the same ${which} already exists.`, {
        invalidParams: fields.map((name) => ({ name, reason: "already taken" })),
        cause: error,
      });
    }
    case "P2025":
    case "P2001":
    case "P2018":
      return new ApiError("NOT_FOUND", `The ${model} or a record it refers to does not exist.`, {
        cause: error,
      });
    case "P2003":
    case "P2014":
      // Deleting a row others still refer to is a conflict; writing a reference to a missing row is not found.
      return operation === "delete"
        ? new ApiError("CONFLICT", `This ${model} is still referred to by other resources.`, { cause: error })
        : new ApiError("NOT_FOUND", `A resource this ${model} refers to does not exist.`, { cause: error });
    default:
      return error;
  }
}
