import type { Caller } from "@tusk/auth";
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
  /**
   * Maps the variables a route gives onto the document's own, and picks the
   * document to run: a route gives `where` as one filter value, which list
   * documents spread over per-field variables (see `filterSlots`). Executors
   * call it through {@link bindVariables}.
   */
  readonly bind?: (variables: Record<string, unknown>) => BoundOperation;
}

/** A prepared operation with the variables to run it with. */
export interface BoundOperation {
  readonly operation: PreparedOperation;
  readonly variables: Record<string, unknown>;
}

/**
 * On whose behalf an operation runs: the caller the REST edge authenticated (an in-process
 * executor puts it in the schema's context) and the `Authorization` header it came with (a
 * remote executor forwards it, so the GraphQL API names the same caller).
 */
export interface Credentials {
  readonly caller: Caller;
  readonly authorization: string | undefined;
}

/** Runs prepared operations against the shared schema, wherever it lives. */
export interface GraphqlExecutor {
  run(
    operation: PreparedOperation,
    variables: Record<string, unknown>,
    credentials: Credentials,
  ): Promise<ExecutionResult>;
  /**
   * The schema the operations run against. The REST app reads filter
   * operators, sort fields and argument types from it, so REST offers exactly
   * what GraphQL offers.
   */
  schema(): Promise<GraphQLSchema>;
}
