import type { ApolloServerPlugin } from "@apollo/server";
import { currentScope } from "@tusk/telemetry";

/** The label of an operation sent without a name. */
export const ANONYMOUS_OPERATION = "anonymous";

/**
 * Names the request's GraphQL operation in its log line (`operation`), once Apollo has
 * resolved which operation of the document runs.
 *
 * @example
 * new ApolloServer({ schema, plugins: [operationLabelPlugin()] });
 */
export function operationLabelPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName }) {
          const scope = currentScope();
          if (scope) scope.labels.operation = operationName ?? ANONYMOUS_OPERATION;
        },
      };
    },
  };
}
