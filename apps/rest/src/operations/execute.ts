import { ApiError } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import type { GraphQLFormattedError } from "graphql";
import type { Credentials, GraphqlExecutor } from "../executor/index.ts";
import type { BuiltOperation } from "./documents.ts";
import { apiErrorFromGraphql } from "./graphql-errors.ts";

type Data = Record<string, unknown>;

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
    throw apiErrorFromGraphql(result.errors as readonly GraphQLFormattedError[], resource);
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
