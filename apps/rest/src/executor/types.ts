import type { DocumentNode, ExecutionResult, GraphQLSchema } from "graphql";

/**
 * A GraphQL document built once for one route shape. `source` is what a
 * remote executor sends; `document` is what an in-process executor compiles.
 * `id` identifies it in caches (it is unique per route shape and resource).
 */
export interface PreparedOperation {
  readonly id: string;
  readonly source: string;
  readonly document: DocumentNode;
}

/** Runs prepared operations against the shared schema, wherever it lives. */
export interface GraphqlExecutor {
  run(operation: PreparedOperation, variables: Record<string, unknown>): Promise<ExecutionResult>;
  /**
   * The schema the operations run against. The REST app reads filter
   * operators, sort fields and argument types from it, so REST offers exactly
   * what GraphQL offers.
   */
  schema(): Promise<GraphQLSchema>;
}
