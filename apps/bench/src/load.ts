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
  /** Responses received. */
  readonly requests: number;
}

export interface LoadOptions {
  /** Seconds of load. */
  readonly seconds: number;
  readonly connections: number;
}

/**
 * Sends `benchCase` from `connections` keep-alive connections for `seconds`
 * and reports what the server did.
 *
 * @example
 * const m = await load("http://127.0.0.1:4000", restCase, { seconds: 5, connections: 16 });
 * m.requestsPerSecond;
 */
export async function load(origin: string, benchCase: BenchCase, options: LoadOptions): Promise<Measurement> {
  const result = await autocannon({
    url: `${origin}${benchCase.path}`,
    method: benchCase.method,
    ...(benchCase.headers ? { headers: benchCase.headers } : {}),
    ...(benchCase.body ? { body: benchCase.body } : {}),
    connections: options.connections,
    duration: options.seconds,
    pipelining: 1,
  });
  return {
    requestsPerSecond: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
    requests: result["2xx"] + result.non2xx,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * One figure from several rounds of the same case: the median of each
 * measure (robust to a round disturbed by other work on the machine), and
 * every failure and response.
 *
 * @example
 * combine([{ requestsPerSecond: 90, ... }, { requestsPerSecond: 100, ... }, { requestsPerSecond: 40, ... }]).requestsPerSecond; // 90
 */
export function combine(rounds: readonly Measurement[]): Measurement {
  return {
    requestsPerSecond: median(rounds.map((m) => m.requestsPerSecond)),
    p50: median(rounds.map((m) => m.p50)),
    p99: median(rounds.map((m) => m.p99)),
    failures: rounds.reduce((sum, m) => sum + m.failures, 0),
    requests: rounds.reduce((sum, m) => sum + m.requests, 0),
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
