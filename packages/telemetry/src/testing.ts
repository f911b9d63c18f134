import { createLogger, type Logger } from "./logger.ts";

/**
 * A logger that keeps its lines, parsed, for tests to read.
 *
 * @example
 * const { logger, lines } = capturedLogger("debug");
 * logger.info({ a: 1 }, "hi");
 * lines[0]; // { level: 30, a: 1, msg: "hi", ... }
 */
export function capturedLogger(level: "info" | "debug" = "info"): {
  logger: Logger;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level,
    destination: { write: (line: string) => lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}

/**
 * The value of one sample in a Prometheus text scrape: the metric `name` with exactly these
 * labels (in any order); undefined when there is no such sample.
 *
 * @example
 * sampleValue(text, "http_requests_total", { method: "GET", route: "/healthz", status: "200" }); // 3
 */
export function sampleValue(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(",");
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? "").match(/[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"/g) ?? [];
    if ([...have].sort().join(",") === wanted) return Number(match[3]);
  }
  return undefined;
}
