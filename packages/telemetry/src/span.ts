import { type Attributes, context, propagation, SpanStatusCode, trace } from "@opentelemetry/api";

const tracer = trace.getTracer("@tusk/telemetry");

/**
 * Runs `work` in a span named `name`, a child of the current one (the request's), so the
 * spans `work` starts (SQL) are its children. Without tracing the span is a no-op.
 *
 * @example
 * const result = await inSpan("graphql.execute", { "graphql.operation.name": "item_Product" }, () => run());
 */
export function inSpan<T>(name: string, attributes: Attributes, work: () => Promise<T> | T): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * The headers that carry the current trace to another service (W3C `traceparent`, when
 * tracing is on): `fetch` is not instrumented, so a client adds them itself.
 *
 * @example
 * await fetch(url, { headers: { "content-type": "application/json", ...traceHeaders() } });
 */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}
