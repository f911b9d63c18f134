import type { BoundOperation, PreparedOperation } from "./types.ts";

/**
 * The operation and variables to send for a route's variables: what the
 * operation's `bind` says, or both unchanged. Every executor runs this first,
 * so in-process and remote execution run the same documents.
 */
export function bindVariables(
  operation: PreparedOperation,
  variables: Record<string, unknown>,
): BoundOperation {
  return operation.bind ? operation.bind(variables) : { operation, variables };
}
