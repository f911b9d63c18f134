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
