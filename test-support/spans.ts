/** The environment that makes an entry print its spans (and nothing else of OpenTelemetry's) to stdout. */
export const TRACES_TO_CONSOLE = {
  OTEL_TRACES_EXPORTER: "console",
  OTEL_METRICS_EXPORTER: "none",
  OTEL_LOGS_EXPORTER: "none",
} as const;

/**
 * The spans OpenTelemetry's console exporter printed (`OTEL_TRACES_EXPORTER=console`): name, id,
 * kind and parent id of each, for tests that run an entry with tracing on.
 */
export function spansIn(output: string) {
  return output
    .split(/^\{$/m)
    .map((block) => ({
      name: /^ {2}name: '([^']*)'/m.exec(block)?.[1],
      id: /^ {2}id: '(\w+)'/m.exec(block)?.[1],
      kind: Number(/^ {2}kind: (\d+)/m.exec(block)?.[1]),
      parent: /^ {2}parentSpanContext: \{[^}]*?spanId: '(\w+)'/ms.exec(block)?.[1],
    }))
    .filter((span) => span.name && span.id);
}

type Span = ReturnType<typeof spansIn>[number];

/**
 * Whether `span` is `ancestor` or lies under it, following parent ids (Express's middleware
 * spans may stand between a request's server span and the work it does).
 */
export function descendsFrom(
  spans: readonly Span[],
  span: Span | undefined,
  ancestor: Span | undefined,
): boolean {
  const byId = new Map(spans.map((s) => [s.id, s]));
  for (let current = span; current; current = current.parent ? byId.get(current.parent) : undefined)
    if (current.id === ancestor?.id) return true;
  return false;
}
