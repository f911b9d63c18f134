import { ApiError, type BearerChallenge, type ErrorCode, type InvalidParam, isErrorCode } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import type { GraphQLFormattedError } from "graphql";
import { graphqlNames } from "./names.ts";

/** Connection arguments, by the query parameter that sets them. */
const ARGUMENT_PARAMS: Readonly<Record<string, string>> = {
  after: "cursor",
  before: "cursor",
  first: "limit",
  last: "limit",
  orderBy: "sort",
  atMost: "Prefer",
  search: "q",
};

/** What the schema's error formatter (`maskError`) puts in `extensions`; every member is optional. */
interface Extensions {
  readonly code?: unknown;
  readonly invalidParams?: unknown;
  readonly argumentName?: unknown;
  readonly field?: unknown;
  readonly fields?: unknown;
  readonly reason?: unknown;
  /** On UNAUTHENTICATED and FORBIDDEN: what would help, sent on as `WWW-Authenticate`. */
  readonly challenge?: BearerChallenge;
}

const extensionsOf = (error: GraphQLFormattedError): Extensions => (error.extensions ?? {}) as Extensions;

function codeOf(error: GraphQLFormattedError): ErrorCode | undefined {
  const { code } = extensionsOf(error);
  return isErrorCode(code) ? code : undefined;
}

/**
 * A path inside a write's input (`lineItems[2].quantity`, `[3].price`) in the body's own names
 * (`line_items[2].quantity`, `[3].price`): fields and nested relations by their REST names,
 * list indexes kept.
 */
function bodyPath(path: string, resource: Resource): string {
  let current = resource;
  let named = "";
  for (const token of path.match(/\[\d+\]|[^.[\]]+/g) ?? []) {
    if (token.startsWith("[")) {
      named += token;
      continue;
    }
    const relation = current.relation(token);
    const name = current.field(token)?.restName ?? relation?.restName ?? token;
    if (relation) current = relation.target;
    named += named === "" ? name : `.${name}`;
  }
  return named;
}

/**
 * A GraphQL argument path (`input.unitPrice`, `input.lineItems[2].quantity`, `input[3].price`,
 * `where.price.gte`, `after`, `atMost`) as the REST name the client used (`unit_price`,
 * `line_items[2].quantity`, `[3].price`, `price`, `cursor`, the `Prefer` header).
 */
function restName(name: string, resource: Resource | undefined): string {
  const inputArg = resource && graphqlNames(resource).inputArg;
  if (resource && inputArg && name.startsWith(inputArg) && name.length > inputArg.length)
    return bodyPath(name.slice(inputArg.length), resource);
  const [head = name, field] = name.split(".");
  if (head === "where" && field) return resource?.field(field)?.restName ?? field;
  return ARGUMENT_PARAMS[head] ?? resource?.field(head)?.restName ?? head;
}

function invalidParams(error: GraphQLFormattedError, resource: Resource | undefined): InvalidParam[] {
  const extensions = extensionsOf(error);
  const listed = Array.isArray(extensions.invalidParams) ? (extensions.invalidParams as InvalidParam[]) : [];
  if (listed.length > 0)
    return listed.map((param) => ({
      name: restName(String(param.name), resource),
      reason: String(param.reason),
    }));
  const fields = Array.isArray(extensions.fields) ? extensions.fields.map(String) : [];
  const field = typeof extensions.field === "string" ? [extensions.field] : [];
  const reason = typeof extensions.reason === "string" ? extensions.reason : error.message;
  return [...fields, ...field].map((name) => ({ name: restName(name, resource), reason }));
}

/**
 * Bad input to a write's `input` argument is a well-formed body with invalid fields: 422, like
 * the REST layer's own field checks; so is a filtered write that would change more rows than
 * `Prefer: max-affected` allows (`atMost`). Read from `extensions.argumentName`, which the
 * schema sets on every error about an argument.
 */
function codeForRest(error: GraphQLFormattedError, code: ErrorCode, resource: Resource | undefined) {
  const names = resource && graphqlNames(resource);
  const { argumentName } = extensionsOf(error);
  const unprocessable =
    names !== undefined && (argumentName === names.inputArg || argumentName === names.atMostArg);
  return code === "BAD_USER_INPUT" && unprocessable ? "UNPROCESSABLE" : code;
}

/**
 * The {@link ApiError} a GraphQL result's errors stand for, by the first one with a known
 * `extensions.code`, with REST names in `invalid_params`; errors without a known code are
 * unexpected, returned as a plain Error that the problem writer masks.
 *
 * @example
 * throw apiErrorFromGraphql(result.errors, registry.byPath("products"));
 */
export function apiErrorFromGraphql(errors: readonly GraphQLFormattedError[], resource?: Resource): Error {
  const known = errors.find((error) => codeOf(error) !== undefined);
  const code = known && codeOf(known);
  if (!known || !code) return new Error("GraphQL execution failed", { cause: errors });
  const status = codeForRest(known, code, resource);
  const params = invalidParams(known, resource);
  // GraphQL's message names GraphQL arguments; say it again in the client's own names.
  const listed = params.map((param) => `${param.name} (${param.reason})`).join(", ");
  const what = status === "UNPROCESSABLE" ? "Invalid fields" : "Invalid parameters";
  const rewrite = params.length > 0 && (status === "UNPROCESSABLE" || status === "BAD_USER_INPUT");
  const { challenge } = extensionsOf(known);
  return new ApiError(status, rewrite ? `${what}: ${listed}.` : known.message, {
    invalidParams: params,
    ...(challenge ? { challenge } : {}),
  });
}
