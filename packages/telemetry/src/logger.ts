import { createRequire } from "node:module";
import { type DestinationStream, type LevelWithSilent, type Logger as PinoLogger, pino } from "pino";

/**
 * The levels `LOG_LEVEL` accepts, quietest last.
 *
 * @example
 * LOG_LEVELS.includes("debug"); // true
 */
export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;

/**
 * A level name from {@link LOG_LEVELS}.
 *
 * @example
 * const level: LogLevel = "info";
 */
export type LogLevel = (typeof LOG_LEVELS)[number] & LevelWithSilent;

/**
 * How {@link createLogger} writes.
 *
 * @example
 * const options: LoggerOptions = { level: "debug" };
 */
export interface LoggerOptions {
  /** Default `info`, or `silent` under vitest (tests print no log lines unless asked). */
  readonly level?: LogLevel | undefined;
  /** Where the lines go; default stdout, as JSON lines (pretty when stdout is a terminal). */
  readonly destination?: DestinationStream;
}

/**
 * A pino logger.
 *
 * @example
 * const log: Logger = createLogger();
 */
export type Logger = PinoLogger;

/** The level when none is set: tests print nothing unless LOG_LEVEL asks. */
function defaultLevel(): LogLevel {
  return process.env.VITEST ? "silent" : "info";
}

/**
 * pino-pretty is a development dependency: on a terminal where it is installed the lines are
 * pretty, anywhere else (production, pipes, log shippers) they stay JSON.
 */
function prettyStream(): DestinationStream | undefined {
  if (!process.stdout.isTTY) return undefined;
  try {
    const pretty = createRequire(import.meta.url)("pino-pretty") as (options: object) => DestinationStream;
    return pretty({ colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" });
  } catch {
    return undefined;
  }
}

/**
 * The one logger factory of every entry and app: pino, JSON lines on stdout (pretty on a
 * terminal), errors under `err` with their stack.
 *
 * @example
 * const log = createLogger({ level: "debug" });
 * log.info({ port: 4000 }, "listening");
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? defaultLevel();
  const destination = options.destination ?? prettyStream();
  return destination ? pino({ level }, destination) : pino({ level });
}
