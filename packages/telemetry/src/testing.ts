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
