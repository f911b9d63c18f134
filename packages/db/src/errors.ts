import { ApiError } from "@tusk/errors";

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

/** `display_name` -> `displayName`: Prisma field names, the vocabulary GraphQL uses too. */
const toFieldName = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `LineItem` -> `line item`, for messages. */
const toWords = (model: string) => model.replace(/(?<=[a-z0-9])([A-Z])/g, " $1").toLowerCase();

/** The last `<label> "<name>"` in a PostgreSQL message (the referring table comes last). */
const quoted = (text: string | undefined, label: string) =>
  text ? [...text.matchAll(new RegExp(`${label} "([^"]+)"`, "g"))].at(-1)?.[1] : undefined;

/** The column a foreign key constraint covers: Prisma names them `<table>_<column>_fkey`. */
function foreignKeyField(cause: AdapterCause | undefined): string | undefined {
  const constraint = cause?.constraint?.index ?? quoted(cause?.originalMessage, "constraint");
  const table = cause?.table ?? quoted(cause?.originalMessage, "on table");
  if (!constraint || !table || !constraint.startsWith(`${table}_`)) return undefined;
  return toFieldName(constraint.slice(table.length + 1).replace(/_fkey$/, ""));
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
  if (fields.length) return fields.map((field) => toFieldName(String(field).replace(/^"|"$/g, "")));
  const index = cause?.constraint?.index ?? quoted(cause?.originalMessage, "constraint");
  if (!index) return [];
  if (index.endsWith("_pkey")) return context.resource?.identifier ? [context.resource.identifier.field] : [];
  const table = cause?.table;
  if (!table || !index.startsWith(`${table}_`)) return [];
  return [toFieldName(index.slice(table.length + 1).replace(/_key$/, ""))];
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
  if (isValidationError(error)) {
    // Prisma's message quotes the calling code; its last line is the reason.
    const reason = error.message.trim().split("\n").at(-1)?.trim() || "Invalid input.";
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
    const field = toFieldName(cause?.column ?? "identifier");
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
        options([{ name: related.charAt(0).toLowerCase() + related.slice(1), reason: "does not exist" }]),
      );
    }
    return new ApiError("NOT_FOUND", `No such ${noun}.`, options());
  }
  return error;
}
