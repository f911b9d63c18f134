import autocannon from "autocannon";
import type { BenchCase } from "./cases.ts";

/** What one case measured. Latencies in milliseconds. */
export interface Measurement {
  /** Successful (2xx) responses per second over the measured window. */
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  readonly failures: number;
}

export interface LoadOptions {
  /** Seconds measured. */
  readonly duration: number;
  /** Seconds of load first, not recorded: JIT, caches and connection pools warm up. */
  readonly warmup: number;
  readonly connections: number;
}

function run(url: string, benchCase: BenchCase, connections: number, duration: number) {
  return autocannon({
    url,
    method: benchCase.method,
    ...(benchCase.headers ? { headers: benchCase.headers } : {}),
    ...(benchCase.body ? { body: benchCase.body } : {}),
    connections,
    duration,
    pipelining: 1,
  });
}

/**
 * Sends `benchCase` from `connections` keep-alive connections for `warmup`
 * seconds (discarded), then for `duration` seconds, and reports the second run.
 *
 * @example
 * const m = await measure("http://127.0.0.1:4000", restCase, { duration: 10, warmup: 3, connections: 16 });
 * m.requestsPerSecond;
 */
export async function measure(
  origin: string,
  benchCase: BenchCase,
  options: LoadOptions,
): Promise<Measurement> {
  const url = `${origin}${benchCase.path}`;
  if (options.warmup > 0) await run(url, benchCase, options.connections, options.warmup);
  const result = await run(url, benchCase, options.connections, options.duration);
  return {
    requestsPerSecond: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
  };
}

/**
 * Sends `benchCase` once and checks the answer, so a run never measures
 * error responses. Returns the size of the response body in bytes.
 *
 * @example
 * const bytes = await verify("http://127.0.0.1:4000", restCase);
 */
export async function verify(origin: string, benchCase: BenchCase): Promise<number> {
  const response = await fetch(`${origin}${benchCase.path}`, {
    method: benchCase.method,
    ...(benchCase.headers ? { headers: benchCase.headers } : {}),
    ...(benchCase.body ? { body: benchCase.body } : {}),
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(
      `${benchCase.subject} ${benchCase.path} answered ${response.status}: ${text.slice(0, 300)}`,
    );
  benchCase.check(JSON.parse(text));
  return Buffer.byteLength(text);
}
