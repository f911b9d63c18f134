import { createRequire } from "node:module";

/**
 * True when the standard OpenTelemetry variables ask for traces: an OTLP endpoint
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) or an exporter
 * (`OTEL_TRACES_EXPORTER`, e.g. `otlp` or `console`), unless `OTEL_SDK_DISABLED=true`.
 *
 * @example
 * tracingRequested({ OTEL_TRACES_EXPORTER: "console" }); // true
 * tracingRequested({}); // false
 */
export function tracingRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim();
  return Boolean(
    env.OTEL_EXPORTER_OTLP_ENDPOINT ||
      env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ||
      (exporter && exporter !== "none"),
  );
}

/**
 * Tracing that can be flushed on shutdown.
 *
 * @example
 * await tracing?.shutdown();
 */
export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * Starts the OpenTelemetry Node SDK with the HTTP, Express and pg instrumentations
 * when {@link tracingRequested}; otherwise loads nothing and returns undefined. The SDK reads
 * the rest of its configuration (exporter, endpoint, headers, sampler, `OTEL_SERVICE_NAME`)
 * from the standard variables. It must run before express and pg are loaded, so entries import
 * `@tusk/telemetry/tracing` first. GraphQL execution is one span per operation of our own
 * (`inSpan`): graphql-js's instrumentation would add a span for every document the REST app
 * validates at start.
 *
 * @example
 * const tracing = startTracing(process.env);
 */
export function startTracing(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Tracing | undefined {
  if (!tracingRequested(env)) return undefined;
  // Loaded only when asked for: the SDK and its exporters are large, and tracing is off by default.
  const load = createRequire(import.meta.url);
  const { NodeSDK } = load("@opentelemetry/sdk-node") as typeof import("@opentelemetry/sdk-node");
  const { HttpInstrumentation } = load(
    "@opentelemetry/instrumentation-http",
  ) as typeof import("@opentelemetry/instrumentation-http");
  const { ExpressInstrumentation } = load(
    "@opentelemetry/instrumentation-express",
  ) as typeof import("@opentelemetry/instrumentation-express");
  const { PgInstrumentation } = load(
    "@opentelemetry/instrumentation-pg",
  ) as typeof import("@opentelemetry/instrumentation-pg");
  const sdk = new NodeSDK({
    ...(env.OTEL_SERVICE_NAME ? {} : { serviceName: "tusk" }),
    instrumentations: [new HttpInstrumentation(), new ExpressInstrumentation(), new PgInstrumentation()],
  });
  sdk.start();
  // The instrumentations patch modules as `require` loads them, but the entries import express
  // from ECMAScript modules, which load a CommonJS package without `require`. Requiring it here
  // first puts the patched module in the cache those imports then take it from.
  load("express");
  return sdk;
}
