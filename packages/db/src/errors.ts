import { ApiError } from "@tusk/errors";
import { lowerFirst, toCamelCase, toWords } from "@tusk/registry";

/**
 * What the failed operation was about; any registry `Resource` fits.
 *
 * @example
 * const context: ErrorContext = { resource: { model: "Product", identifier: { field: "sku" } } };
 * toApiError(error, context); // e.g. CONFLICT "A product with this sku already exists."
 */
export interface ErrorContext {
  readonly resource?: { readonly model: string; readonly identifier?: { readonly field: string } };
}

interface AdapterCause {
  readonly originalCode?: string;
  readonly originalMessage?: string;
  readonly column?: string;
  readonly detail?: string;
  readonly constraint?: { readonly fields?: readonly string[]; readonly index?: string };
  readonly table?: string;
}

interface KnownRequestError extends Error {
  readonly code: string;
  readonly meta?: {
    readonly modelName?: string;
    readonly model?: string;
    readonly operation?: string;
    readonly target?: unknown;
    readonly driverAdapterError?: { readonly cause?: AdapterCause };
  };
}

// Prisma classes are matched by name: the generated client can be loaded
// more than once in a process (test runners), which defeats instanceof.
function isKnownRequestError(error: unknown): error is KnownRequestError {
  return error instanceof Error && error.name === "PrismaClientKnownRequestError" && "code" in error;
}

function isValidationError(error: unknown): error is Error {
  return error instanceof Error && error.name === "PrismaClientValidationError";
}

/** Prisma's messages quote the calling code; their last line is the reason. */
const reasonOf = (error: Error) => error.message.trim().split("\n").at(-1)?.trim() ?? "";

/** The last `<label> "<name>"` in a PostgreSQL message (the referring table comes last). */
const quoted = (text: string | undefined, label: string) =>
  text ? [...text.matchAll(new RegExp(`${label} "([^"]+)"`, "g"))].at(-1)?.[1] : undefined;

/** The column a foreign key constraint covers: Prisma names them `<table>_<column>_fkey`. */
function foreignKeyField(cause: AdapterCause | undefined): string | undefined {
  const constraint = cause?.constraint?.index ?? quoted(cause?.originalMessage, "constraint");
  const table = cause?.table ?? quoted(cause?.originalMessage, "on table");
  if (!constraint || !table || !constraint.startsWith(`${table}_`)) return undefined;
  return toCamelCase(constraint.slice(table.length + 1).replace(/_fkey$/, ""));
}

/**
 * The fields of a violated unique constraint. PGlite's adapter lists them;
 * node-postgres's only names the index, which Prisma names `<table>_pkey` or
 * `<table>_<columns>_key`.
 */
function uniqueFields(error: KnownRequestError, context: ErrorContext): string[] {
  const target = error.meta?.target;
  const cause = error.meta?.driverAdapterError?.cause;
  const fields = Array.isArray(target) ? target : (cause?.constraint?.fields ?? []);
  if (fields.length) return fields.map((field) => toCamelCase(String(field).replace(/^"|"$/g, "")));
  const index = cause?.constraint?.index ?? quoted(cause?.originalMessage, "constraint");
  if (!index) return [];
  if (index.endsWith("_pkey")) return context.resource?.identifier ? [context.resource.identifier.field] : [];
  const table = cause?.table;
  if (!table || !index.startsWith(`${table}_`)) return [];
  return [toCamelCase(index.slice(table.length + 1).replace(/_key$/, ""))];
}

/** Driver adapter error kinds that mean the server cannot be reached or answer now. */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/**
 * SQLSTATEs of a server that is going away, refusing work for now, or too slow: connection
 * exceptions (class 08), shutdown and recovery (57P0x), too many connections, and our own
 * `statement_timeout` and `lock_timeout` (57014, 55P03).
 */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-4]|53300|57014|55P03)$/;

/**
 * Prisma's codes for an unreachable server, a closed connection, pool or socket timeouts, and
 * an interactive transaction that could not start (or finish) within its time limits.
 */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);

/** Prisma's code for a failed raw statement, whose message quotes the adapter's. */
const RAW_QUERY_FAILED = "P2010";

/** The codes Prisma's model queries give the same adapter errors. */
const MODEL_QUERY_CODES: Readonly<Record<string, string>> = {
  DatabaseNotReachable: "P1001",
  ConnectionClosed: "P1017",
  SocketTimeout: "P1008",
};

/** Node's socket errors for a server that is not there. */
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE"]);

/**
 * node-postgres raises these as plain errors (no code), and Prisma passes them through
 * unwrapped: a pool that could not hand out a connection in time, a server that did not
 * answer within `query_timeout`, a connection closed under a query.
 */
const UNAVAILABLE_DRIVER_MESSAGES =
  /^(timeout exceeded when trying to connect|Query read timeout|Connection terminated|Client has encountered a connection error)/;

/**
 * Why the database could not do the work, when the reason is that it is unreachable, going
 * away or too slow (not the request's fault, and worth retrying); undefined for any other
 * error. One line, for the operator's log: the server's own words plus the code.
 *
 * @example
 * databaseUnavailableReason(error); // "Can't reach database server at 127.0.0.1:5432 (P1001)"
 * databaseUnavailableReason(new Error("boom")); // undefined
 */
export function databaseUnavailableReason(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const reason = ownUnavailableReason(current);
    if (reason) return reason;
    current = current.cause;
  }
  return undefined;
}

function ownUnavailableReason(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (isKnownRequestError(error)) {
    const cause = error.meta?.driverAdapterError?.cause as (AdapterCause & { kind?: string }) | undefined;
    const sqlState = cause?.originalCode;
    const unavailable =
      UNAVAILABLE_PRISMA_CODES.has(error.code) ||
      UNAVAILABLE_KINDS.has(cause?.kind ?? "") ||
      UNAVAILABLE_SQLSTATES.test(sqlState ?? "");
    if (!unavailable) return undefined;
    if (error.code === RAW_QUERY_FAILED) {
      // A raw statement wraps the adapter's error; say it as a model query does, so one
      // outage is one line whichever kind of statement met it first.
      const inner = /Message: `(.*)`$/.exec(reasonOf(error))?.[1];
      const message = cause?.originalMessage ?? inner ?? reasonOf(error);
      return `${message} (${sqlState ?? MODEL_QUERY_CODES[cause?.kind ?? ""] ?? error.code})`;
    }
    const message = cause?.originalMessage ?? reasonOf(error);
    return `${message} (${sqlState ?? error.code})`;
  }
  if (typeof code === "string" && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code)))
    return `${error.message} (${code})`;
  if (UNAVAILABLE_DRIVER_MESSAGES.test(error.message)) return error.message;
  return undefined;
}

/**
 * Translates an error from Prisma into the shared API vocabulary; the one
 * place in the project that reads Prisma's error codes. Anything it does not
 * recognise is returned unchanged, for the API edges to mask.
 *
 * - unique violation (P2002) -> CONFLICT naming the fields
 * - missing row (P2025, P2001) -> NOT_FOUND; a missing row to connect to -> UNPROCESSABLE
 * - foreign key on insert/update (P2003) -> UNPROCESSABLE naming the field
 * - deleting a row others still refer to (RESTRICT) -> CONFLICT
 * - value too long (P2000) and a changed identifier (the identifier-guard trigger) -> UNPROCESSABLE
 * - Prisma validation errors -> BAD_USER_INPUT
 * - an unreachable, restarting or too slow database -> SERVICE_UNAVAILABLE (see
 *   {@link databaseUnavailableReason}); the original error stays the `cause`
 *
 * @example
 * try {
 *   await db.prisma.user.create({ data });
 * } catch (error) {
 *   throw toApiError(error, { resource: registry.resource("users") });
 * }
 */
export function toApiError(error: unknown, context: ErrorContext = {}): unknown {
  if (error instanceof ApiError) return error;
  if (databaseUnavailableReason(error) !== undefined) {
    return new ApiError(
      "SERVICE_UNAVAILABLE",
      "The database is not available at the moment; retry shortly.",
      {
        cause: error,
      },
    );
  }
  if (isValidationError(error)) {
    const reason = reasonOf(error) || "Invalid input.";
    return new ApiError("BAD_USER_INPUT", reason, { cause: error });
  }
  if (!isKnownRequestError(error)) return error;

  const cause = error.meta?.driverAdapterError?.cause;
  const model = context.resource?.model ?? error.meta?.modelName ?? "record";
  const noun = toWords(model);
  const options = (invalidParams: { name: string; reason: string }[] = []) => ({
    invalidParams,
    cause: error,
  });
  // Driver adapters pass some PostgreSQL errors through as P2039 "database
  // error": the SQLSTATE says what happened.
  const sqlState = cause?.originalCode;

  if (sqlState === "TK001") {
    const field = toCamelCase(cause?.column ?? "identifier");
    return new ApiError(
      "UNPROCESSABLE",
      `The ${field} of a ${noun} identifies it and cannot be changed.`,
      options([{ name: field, reason: "cannot be changed" }]),
    );
  }
  const isDeleteOfReferenced =
    sqlState === "23001" ||
    (sqlState === "23503" && /update or delete on table/.test(cause?.originalMessage ?? ""));
  if (isDeleteOfReferenced) {
    const referrer = quoted(cause?.originalMessage, "on table")?.replace(/_/g, " ");
    const by = referrer && referrer !== noun ? ` by ${referrer}` : "";
    return new ApiError(
      "CONFLICT",
      `This ${noun} is still referred to${by} and cannot be removed.`,
      options(),
    );
  }
  if (error.code === "P2002" || sqlState === "23505") {
    const fields = uniqueFields(error, context);
    const which = fields.length ? fields.join(", ") : "identifier";
    return new ApiError(
      "CONFLICT",
      `A ${noun} with this ${which} already exists.`,
      options(fields.map((name) => ({ name, reason: "already taken" }))),
    );
  }
  if (error.code === "P2003" || sqlState === "23503") {
    const field = foreignKeyField(cause);
    const what = field ? `The ${field} of this ${noun}` : `A reference of this ${noun}`;
    return new ApiError(
      "UNPROCESSABLE",
      `${what} names a resource that does not exist.`,
      options(field ? [{ name: field, reason: "does not exist" }] : []),
    );
  }
  if (error.code === "P2000" || sqlState === "22001") {
    const limit = /\((\d+)\)/.exec(cause?.originalMessage ?? "")?.[1];
    const reason = limit ? `longer than ${limit} characters` : "too long";
    return new ApiError("UNPROCESSABLE", `A value of this ${noun} is ${reason}.`, options());
  }
  if (error.code === "P2025" || error.code === "P2001" || error.code === "P2018") {
    const related = error.meta?.model;
    if (related && related !== error.meta?.modelName) {
      // A nested connect to a row that is not there: the input is at fault, not the URI.
      const relatedNoun = toWords(related);
      return new ApiError(
        "UNPROCESSABLE",
        `The ${relatedNoun} this ${noun} refers to does not exist.`,
        options([{ name: lowerFirst(related), reason: "does not exist" }]),
      );
    }
    return new ApiError("NOT_FOUND", `No such ${noun}.`, options());
  }
  return error;
}
