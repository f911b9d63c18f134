import { ApiError, type BearerChallenge, type InvalidParam } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import type { GraphQLFormattedError } from "graphql";
import type { Credentials, GraphqlExecutor } from "../executor/index.ts";
import { codeOf } from "../http/problem.ts";
import type { BuiltOperation } from "./documents.ts";

type Data = Record<string, unknown>;

/** Connection arguments, by the query parameter that sets them. */
const ARGUMENT_PARAMS: Readonly<Record<string, string>> = {
  after: "cursor",
  before: "cursor",
  first: "limit",
  last: "limit",
  orderBy: "sort",
};

/**
 * A GraphQL argument path (`input.unitPrice`, `where.price.gte`, `after`)
 * as the REST name the client used (`unit_price`, `price`, `cursor`).
 */
function restName(name: string, resource: Resource | undefined): string {
  const [head = name, field] = name.split(".");
  if ((head === "input" || head === "where") && field) return resource?.field(field)?.restName ?? field;
  return ARGUMENT_PARAMS[head] ?? resource?.field(head)?.restName ?? head;
}

function invalidParams(error: GraphQLFormattedError, resource: Resource | undefined): InvalidParam[] {
  const extensions = (error.extensions ?? {}) as Record<string, unknown>;
  const listed = Array.isArray(extensions.invalidParams) ? (extensions.invalidParams as InvalidParam[]) : [];
  if (listed.length > 0)
    return listed.map((param) => ({
      name: restName(String(param.name), resource),
      reason: String(param.reason),
    }));
  const fields = Array.isArray(extensions.fields) ? (extensions.fields as unknown[]).map(String) : [];
  const field = typeof extensions.field === "string" ? [extensions.field] : [];
  const reason = typeof extensions.reason === "string" ? extensions.reason : error.message;
  return [...fields, ...field].map((name) => ({ name: restName(name, resource), reason }));
}

/**
 * Turns the first GraphQL error into an {@link ApiError} by its
 * `extensions.code`, with REST names in `invalid_params`; errors without a
 * known code are unexpected and masked later by the problem writer. A
 * `BAD_USER_INPUT` about a write's `input` is a well-formed body with invalid
 * fields: 422, like the REST layer's own field checks.
 */
export function toApiError(errors: readonly GraphQLFormattedError[], resource?: Resource): Error {
  const known = errors.find((error) => codeOf(error.extensions) !== undefined);
  const code = known && codeOf(known.extensions);
  if (!known || !code) return new Error("GraphQL execution failed", { cause: errors });
  const extensions = (known.extensions ?? {}) as Record<string, unknown>;
  const aboutInput = JSON.stringify(extensions.invalidParams ?? extensions.argumentName ?? "").includes(
    "input",
  );
  const status = code === "BAD_USER_INPUT" && aboutInput ? "UNPROCESSABLE" : code;
  const params = invalidParams(known, resource);
  // GraphQL's message names GraphQL arguments; say it again in the client's own names.
  const listed = params.map((param) => `${param.name} (${param.reason})`).join(", ");
  const what = status === "UNPROCESSABLE" ? "Invalid fields" : "Invalid parameters";
  const rewrite = params.length > 0 && (status === "UNPROCESSABLE" || status === "BAD_USER_INPUT");
  const challenge = extensions.challenge as BearerChallenge | undefined;
  return new ApiError(status, rewrite ? `${what}: ${listed}.` : known.message, {
    invalidParams: params,
    ...(challenge ? { challenge } : {}),
  });
}

/**
 * Runs a prepared operation on behalf of the request's caller; any error becomes an exception,
 * so handlers only see data.
 */
export async function execute(
  executor: GraphqlExecutor,
  credentials: Credentials,
  built: BuiltOperation,
  variables: Record<string, unknown>,
  resource?: Resource,
): Promise<Data> {
  const result = await executor.run(built.operation, variables, credentials);
  if (result.errors && result.errors.length > 0) {
    throw toApiError(result.errors as readonly GraphQLFormattedError[], resource);
  }
  return (result.data ?? {}) as Data;
}

/** The located source of an operation (`data.node` or `data.parent.node`), or a 404 naming what is missing. */
export function located(data: Data, built: BuiltOperation, missing: string): Data {
  let value: unknown = data;
  for (const key of built.sourcePath) {
    value = (value as Data | null | undefined)?.[key];
    if (value === null || value === undefined) throw new ApiError("NOT_FOUND", `No ${missing}.`);
  }
  return value as Data;
}
