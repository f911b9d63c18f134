import { databaseUnavailableReason, toApiError } from "@tusk/db";
import { ApiError, type InvalidParam, isErrorCode } from "@tusk/errors";
import { type ASTNode, GraphQLError, type GraphQLFormattedError, Kind, parse, type Source } from "graphql";
import { forEachArgumentValue } from "./argument-paths.ts";

const GENERIC_MESSAGE = "Internal server error.";

/** The first ApiError in an error's chain of `originalError`s and `cause`s. */
function findApiError(error: unknown): ApiError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof ApiError) return current;
    current =
      current instanceof GraphQLError ? current.originalError : (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Where each argument and input field value of a document starts, and the path naming it
 * (`input.vin`). One entry per source, built on first use: a document with a hundred bad
 * literals is read once, not once per error.
 */
const namesBySource = new WeakMap<Source, ReadonlyMap<number, string>>();

function valueNames(source: Source): ReadonlyMap<number, string> {
  const known = namesBySource.get(source);
  if (known) return known;
  const names = new Map<number, string>();
  try {
    forEachArgumentValue(parse(source), (path, value) => {
      const start = value.loc?.start;
      // The outermost name wins: `where` rather than `where.AND` for a value at the same place.
      if (start !== undefined && !names.has(start)) names.set(start, path);
    });
  } catch {
    // Unparseable (a syntax error is being formatted): nothing to name.
  }
  namesBySource.set(source, names);
  return names;
}

/**
 * A resolver's database error, when the database is unavailable: reads do not translate
 * their errors (writes do), and Prisma's message would quote code and the server's address.
 */
function unavailableDatabase(error: GraphQLError): ApiError | undefined {
  if (databaseUnavailableReason(error.originalError) === undefined) return undefined;
  return toApiError(error.originalError) as ApiError;
}

/**
 * How {@link maskError} formats and reports.
 *
 * @example
 * const options: MaskErrorOptions = { includeStack: false, onDatabaseUnavailable: (reason) => log.warn(reason) };
 */
export interface MaskErrorOptions {
  /** Add `extensions.stacktrace` (development only). */
  readonly includeStack?: boolean;
  /** Told why, whenever an error is SERVICE_UNAVAILABLE because of the database (for the log). */
  readonly onDatabaseUnavailable?: (reason: string) => void;
}

/**
 * Names the argument, input field or variable a coercion error is about. graphql-js reports a
 * bad literal at its value node without saying which argument holds it, so the argument is
 * found by position in the document's source.
 */
function locationName(error: GraphQLError): string | undefined {
  // graphql-jit reports bad variables without nodes, by message only; graphql-js adds the
  // path inside the variable (`at "w.createdAt.gte"`), which names the member more exactly.
  const variable = /^Variable "\$(\w+)"/.exec(error.message);
  if (variable) return / at "(\w+(?:\.\w+|\[\d+\])*)"/.exec(error.message)?.[1] ?? variable[1];
  const node = error.nodes?.[0] as ASTNode | undefined;
  if (node?.kind === Kind.VARIABLE_DEFINITION) return node.variable.name.value;
  const start = node?.loc?.start;
  if (start === undefined || !error.source) return undefined;
  return valueNames(error.source).get(start);
}

/**
 * Errors from GraphQL itself are the client's: syntax, validation and variable coercion (no
 * path), or argument coercion during execution (a path and a bare GraphQLError inside). A
 * pathed error with nothing inside ("Cannot return null...") is the server's.
 */
function isGraphqlOwnError(error: GraphQLError): boolean {
  if (error.path === undefined) return true;
  const inner = error.originalError;
  return inner instanceof GraphQLError && !inner.originalError;
}

function withLocation(
  error: GraphQLError | GraphQLFormattedError,
  extensions: Record<string, unknown>,
  message: string,
): GraphQLFormattedError {
  return {
    message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions,
  };
}

function paramExtensions(params: readonly InvalidParam[]): Record<string, unknown> {
  if (params.length === 0) return {};
  const [first] = params;
  // `input.name`, or `input[3].name` for an item of a list argument.
  const [, argumentName = first!.name, rest = ""] = /^([^.[]+)[.]?(.*)$/.exec(first!.name) ?? [];
  return {
    invalidParams: params,
    argumentName,
    ...(rest.length > 0 ? { field: rest } : {}),
    reason: first!.reason,
  };
}

/**
 * The one place errors leave the GraphQL API: an expected {@link ApiError} keeps its message and
 * gets `extensions.code` (plus `invalidParams`, `argumentName`, `field`, `reason`, and the bearer
 * `challenge` of a 401/403); GraphQL's own
 * syntax and validation errors are `BAD_USER_INPUT`; everything else becomes
 * `INTERNAL_SERVER_ERROR` with a generic message, never SQL, and a stack only with `includeStack`.
 *
 * @example
 * new ApolloServer({ schema, formatError: (formatted, error) => maskError(error instanceof GraphQLError ? error : formatted, { includeStack: false }) });
 */
export function maskError(
  error: GraphQLFormattedError | GraphQLError,
  options: MaskErrorOptions = {},
): GraphQLFormattedError {
  const stack =
    options.includeStack && error instanceof GraphQLError
      ? { stacktrace: ((error.originalError ?? error).stack ?? "").split("\n") }
      : {};
  const unavailable = error instanceof GraphQLError ? unavailableDatabase(error) : undefined;
  if (unavailable) {
    options.onDatabaseUnavailable?.(databaseUnavailableReason(unavailable) ?? unavailable.message);
    return withLocation(error, { code: unavailable.code, ...stack }, unavailable.message);
  }
  const apiError = error instanceof GraphQLError ? findApiError(error) : undefined;
  if (apiError) {
    if (apiError.code === "SERVICE_UNAVAILABLE")
      options.onDatabaseUnavailable?.(databaseUnavailableReason(apiError) ?? apiError.message);
    let params = apiError.invalidParams;
    const located =
      error instanceof GraphQLError && error.path === undefined ? locationName(error) : undefined;
    // A scalar refusal names only its kind ("ISBN"); replace that with the argument it was given to.
    if (located && params.length === 1) params = [{ name: located, reason: params[0]!.reason }];
    // Coercion wrappers may drop the reason ("...; Expected type ISBN."): keep it in the message.
    const message = error.message.includes(apiError.message)
      ? error.message
      : `${error.message.replace(/;? ?Expected type [^.]*\.$/, "")}; ${apiError.message}`;
    // A refusal says what would help (RFC 6750): each edge renders it as `WWW-Authenticate`.
    const challenge = apiError.challenge ? { challenge: apiError.challenge } : {};
    const extensions = { code: apiError.code, ...paramExtensions(params), ...challenge, ...stack };
    return withLocation(error, extensions, message);
  }
  if (error instanceof GraphQLError) {
    if (isGraphqlOwnError(error))
      return withLocation(error, { code: "BAD_USER_INPUT", ...stack }, error.message);
    return withLocation(error, { code: "INTERNAL_SERVER_ERROR", ...stack }, GENERIC_MESSAGE);
  }
  // Only a formatted error is known: trust the codes of our vocabulary, mask the rest.
  const code = error.extensions?.code;
  if (isErrorCode(code) && code !== "INTERNAL_SERVER_ERROR") {
    const { stacktrace: _dropped, ...rest } = error.extensions ?? {};
    return withLocation(error, { ...rest, code, ...stack }, error.message);
  }
  return withLocation(error, { code: "INTERNAL_SERVER_ERROR" }, GENERIC_MESSAGE);
}
