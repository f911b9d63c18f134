import type { ApolloServerPlugin } from "@apollo/server";
import { currentScope, graphqlMetrics, type HttpMetrics, type OperationOutcome } from "@tusk/telemetry";
import { type DocumentNode, Kind } from "graphql";

/** The name of a document's only operation: a rejected operation is still counted under its name. */
function soleOperationName(document: DocumentNode | undefined): string | undefined {
  const operations = document?.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return operations?.length === 1 ? operations[0]?.name?.value : undefined;
}

/**
 * Tells operators about each GraphQL operation: names it in the request's log line
 * (`operation`, `anonymous` without a name) once Apollo has resolved which operation of the
 * document runs, and counts and times it in the app's registry by name and outcome
 * (`graphql_operations_total`, `graphql_operation_duration_seconds`).
 *
 * @example
 * new ApolloServer({ schema, plugins: [operationTelemetryPlugin(observeRequests(app, { logger }))] });
 */
export function operationTelemetryPlugin(metrics: HttpMetrics): ApolloServerPlugin {
  const record = graphqlMetrics(metrics.registry);
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let executed = false;
      return {
        async didResolveOperation({ operationName }) {
          executed = true;
          const scope = currentScope();
          if (scope) scope.labels.operation = operationName ?? "anonymous";
        },
        async willSendResponse({ document, operationName, request, response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          const outcome: OperationOutcome = !executed ? "rejected" : errors?.length ? "error" : "success";
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          record(operationName ?? request.operationName ?? soleOperationName(document), outcome, seconds);
        },
      };
    },
  };
}
