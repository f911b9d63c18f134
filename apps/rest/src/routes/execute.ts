import { ApiError, type InvalidParam } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import type { GraphQLFormattedError } from "graphql";
import { codeOf } from "../http/problem.ts";
import type { BuiltOperation } from "../operations/index.ts";
import type { RestContext } from "./context.ts";

type Data = Record<string, unknown>;

/** GraphQL field names in an error, renamed to the REST member names of `resource`. */
function invalidParams(error: GraphQLFormattedError, resource: Resource | undefined): InvalidParam[] {
  const extensions = (error.extensions ?? {}) as Record<string, unknown>;
  const rename = (name: string) => resource?.field(name)?.restName ?? name;
  const listed = Array.isArray(extensions.invalidParams) ? (extensions.invalidParams as InvalidParam[]) : [];
  if (listed.length > 0)
    return listed.map((param) => ({ name: rename(String(param.name)), reason: String(param.reason) }));
  const fields = Array.isArray(extensions.fields) ? (extensions.fields as unknown[]).map(String) : [];
  const field = typeof extensions.field === "string" ? [extensions.field] : [];
  const reason = typeof extensions.reason === "string" ? extensions.reason : error.message;
  return [...fields, ...field].map((name) => ({ name: rename(name), reason }));
}

/**
 * Turns the first GraphQL error into an {@link ApiError} by its
 * `extensions.code`; errors without a known code are unexpected and masked
 * later by the problem writer.
 */
export function toApiError(errors: readonly GraphQLFormattedError[], resource?: Resource): Error {
  const known = errors.find((error) => codeOf(error.extensions) !== undefined);
  const code = known && codeOf(known.extensions);
  if (!known || !code) return new Error("GraphQL execution failed", { cause: errors });
  return new ApiError(code, known.message, { invalidParams: invalidParams(known, resource) });
}

/** Runs a prepared operation; any error becomes an exception, so handlers only see data. */
export async function execute(
  context: RestContext,
  built: BuiltOperation,
  variables: Record<string, unknown>,
  resource?: Resource,
): Promise<Data> {
  const result = await context.executor.run(built.operation, variables);
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
