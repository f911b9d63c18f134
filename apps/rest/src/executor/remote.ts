import { currentScope, REQUEST_ID_HEADER, traceHeaders } from "@tusk/telemetry";
import {
  buildClientSchema,
  type ExecutionResult,
  type GraphQLSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
} from "graphql";
import { keptOnSuccess } from "../lazy.ts";
import { bindVariables } from "./bind.ts";
import type { GraphqlExecutor } from "./types.ts";

export interface RemoteExecutorOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:4001/graphql`. */
  readonly url: string;
  readonly fetch?: typeof fetch;
}

/**
 * Executes prepared operations by POSTing them to a GraphQL server, with the
 * request's `Authorization` header. The server validates and executes; the
 * schema is read once by introspection, without credentials.
 */
export function createRemoteExecutor(options: RemoteExecutorOptions): GraphqlExecutor {
  const doFetch = options.fetch ?? fetch;

  async function post(
    query: string,
    variables: Record<string, unknown>,
    authorization?: string,
  ): Promise<ExecutionResult> {
    // The GraphQL API's line for this operation carries the REST request's id.
    const requestId = currentScope()?.id;
    const response = await doFetch(options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
        ...traceHeaders(),
        // The GraphQL API authenticates the same token, so the caller is the same there.
        ...(authorization === undefined ? {} : { authorization }),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    try {
      return JSON.parse(text) as ExecutionResult;
    } catch (cause) {
      throw new Error(`GraphQL server answered ${response.status} with a body that is not JSON`, { cause });
    }
  }

  return {
    run(given, givenVariables, { authorization }) {
      const { operation, variables } = bindVariables(given, givenVariables);
      return post(operation.source, variables, authorization);
    },
    // A failed introspection is retried on the next call rather than kept.
    schema: keptOnSuccess(async (): Promise<GraphQLSchema> => {
      const result = await post(getIntrospectionQuery(), {});
      if (!result.data) throw new Error("GraphQL introspection failed", { cause: result.errors });
      return buildClientSchema(result.data as unknown as IntrospectionQuery);
    }),
  };
}
