/**
 * Running typed documents: the result's `data` has the type codegen gave the document, and the
 * variables must have its variables' types. Any GraphQL client that takes a TypedDocumentNode
 * (Apollo Client, urql, graphql-request) infers the same; these two show it with nothing but
 * graphql-js and fetch.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type ExecutionResult, execute, type GraphQLSchema, print } from "graphql";

/**
 * Executes a typed document against a schema in this process.
 *
 * @example
 * const { data } = await executeTyped(schema, OrderWithLineItemDocument, { orderId: 9, lineItemId: 12345 }, context);
 * data?.order?.lineItem?.product.name;
 */
export async function executeTyped<TResult, TVariables extends Record<string, unknown>>(
  schema: GraphQLSchema,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  contextValue: unknown,
): Promise<ExecutionResult<TResult>> {
  return (await execute({
    schema,
    document,
    variableValues: variables,
    contextValue,
  })) as ExecutionResult<TResult>;
}

/**
 * POSTs a typed document to a GraphQL API (`http://localhost:4001/graphql`), with a bearer token
 * when given one.
 *
 * @example
 * const { data, errors } = await requestTyped("http://localhost:4001/graphql", CreateBookDocument, { input }, { token });
 */
export async function requestTyped<TResult, TVariables extends Record<string, unknown>>(
  url: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: { readonly token?: string } = {},
): Promise<ExecutionResult<TResult>> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json, application/json",
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as ExecutionResult<TResult>;
}
