import { monitorEventLoopDelay } from "node:perf_hooks";
import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * When an instance refuses new work instead of making everyone wait: past `maxInFlight`
 * requests in progress, or while the event loop lags more than `maxEventLoopDelayMs` on average
 * (the process is CPU-bound: every request in it is slowed). 0 turns a check off.
 *
 * @example
 * const shedding: LoadSheddingOptions = { maxInFlight: 256, maxEventLoopDelayMs: 1_000 };
 */
export interface LoadSheddingOptions {
  readonly maxInFlight: number;
  readonly maxEventLoopDelayMs: number;
  /** The mean event-loop delay of the last second, in ms (default: measured by Node); tests replace it. */
  readonly eventLoopDelay?: () => number;
}

/** How often the event-loop delay is sampled; each sample is the mean over this window. */
const SAMPLE_MS = 1_000;

/** Event-loop delay measured by Node's histogram, reset every {@link SAMPLE_MS}. */
function measuredEventLoopDelay(): () => number {
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  let last = 0;
  setInterval(() => {
    // The histogram counts the timer's own resolution as delay.
    last = Math.max(0, histogram.mean / 1e6 - 20);
    histogram.reset();
  }, SAMPLE_MS).unref();
  return () => last;
}

/**
 * Sheds load (answers `overloaded`, which should be 503 with `Retry-After`) before a request
 * does any work, so the requests already admitted finish in time. Written here because the
 * packages that do this are Fastify-only (`@fastify/under-pressure`) or no longer maintained.
 *
 * @example
 * app.use(loadShedding({ maxInFlight: 256, maxEventLoopDelayMs: 1_000 }, (_req, res) => void res.status(503).end()));
 */
export function loadShedding(options: LoadSheddingOptions, overloaded: RequestHandler): RequestHandler {
  const delay =
    options.maxEventLoopDelayMs > 0 ? (options.eventLoopDelay ?? measuredEventLoopDelay()) : () => 0;
  let inFlight = 0;
  return (req: Request, res: Response, next: NextFunction) => {
    const busy = options.maxInFlight > 0 && inFlight >= options.maxInFlight;
    const lagging = options.maxEventLoopDelayMs > 0 && delay() > options.maxEventLoopDelayMs;
    if (busy || lagging) return overloaded(req, res, next);
    inFlight++;
    res.once("close", () => inFlight--);
    next();
  };
}
