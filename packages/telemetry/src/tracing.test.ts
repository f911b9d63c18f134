import { expect, it } from "vitest";
import { startTracing, tracingRequested } from "./tracing.ts";

it.each([
  [{}, false],
  [{ OTEL_TRACES_EXPORTER: "console" }, true],
  [{ OTEL_TRACES_EXPORTER: "none" }, false],
  [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }, true],
  [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" }, true],
  [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "true" }, false],
])("tracing is on for %j: %s", (env, on) => {
  expect(tracingRequested(env)).toBe(on);
});

it("is off by default: nothing is started or loaded", () => {
  expect(startTracing({})).toBeUndefined();
});
