import { Counter, Histogram, type Registry } from "prom-client";
import { boundedLabel } from "./bounded.ts";

/**
 * How a GraphQL operation ended: `success` (no errors), `error` (executed, with errors), or
 * `rejected` (never executed: unparseable, invalid, over a limit).
 *
 * @example
 * const outcome: OperationOutcome = "success";
 */
export type OperationOutcome = "success" | "error" | "rejected";

/**
 * Distinct operation names kept per app; later new names count under `other`.
 *
 * @example
 * boundedLabel(MAX_OPERATION_NAMES);
 */
export const MAX_OPERATION_NAMES = 200;

/** A GraphQL name (`[_A-Za-z][_0-9A-Za-z]*`) of reasonable length; anything else is not a label. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * Counts and times GraphQL operations by name and outcome.
 *
 * @example
 * const record = graphqlMetrics(metrics.registry);
 * record("ProductById", "success", 0.004);
 */
export function graphqlMetrics(
  registry: Registry,
): (name: string | null | undefined, outcome: OperationOutcome, seconds: number) => void {
  const labelNames = ["operation", "outcome"] as const;
  const operations = new Counter({
    name: "graphql_operations_total",
    help: "GraphQL operations, by operation name (anonymous, other beyond the first 200 names, invalid) and outcome.",
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "graphql_operation_duration_seconds",
    help: "Time from receiving a GraphQL operation to sending its response.",
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const bounded = boundedLabel(MAX_OPERATION_NAMES);
  return (name, outcome, seconds) => {
    const operation = !name ? "anonymous" : NAME.test(name) ? bounded(name) : "invalid";
    operations.inc({ operation, outcome });
    duration.observe({ operation, outcome }, seconds);
  };
}
