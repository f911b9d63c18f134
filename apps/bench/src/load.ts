import autocannon from "autocannon";
import type { BenchCase } from "./cases.ts";

/** What one case measured. Latencies in milliseconds. */
export interface Measurement {
  /** Responses with the case's status per second over the measured window. */
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Responses with another status, plus connection errors and timeouts. */
  readonly failures: number;
  /** Responses received. */
  readonly requests: number;
}

export interface LoadOptions {
  /** Seconds of load (autocannon counts whole seconds). */
  readonly seconds: number;
  readonly connections: number;
  /** Stop after this many requests instead (a smoke run). */
  readonly requests?: number;
}

/** A case ready to send: its URL and every header it carries. */
export interface PreparedCase {
  readonly benchCase: BenchCase;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Resolves what a case sends beyond its fixed request: the admin token of a write, and for a
 * conditional GET the ETag of the current representation (one GET first).
 *
 * @example
 * const prepared = await prepareCase("http://127.0.0.1:4000", restCase, await adminAuthorization());
 */
export async function prepareCase(
  origin: string,
  benchCase: BenchCase,
  authorization: string,
): Promise<PreparedCase> {
  const url = `${origin}${benchCase.path}`;
  const headers: Record<string, string> = { ...benchCase.headers };
  if (benchCase.admin) headers.authorization = authorization;
  if (benchCase.revalidate) {
    const etag = (await fetch(url, { headers })).headers.get("etag");
    if (!etag) throw new Error(`${benchCase.subject} ${benchCase.path} sent no ETag`);
    headers["if-none-match"] = etag;
  }
  return { benchCase, url, headers };
}

/**
 * Sends a case from `connections` keep-alive connections for `seconds` and reports what the
 * server did.
 *
 * @example
 * const m = await load(prepared, { seconds: 5, connections: 16 });
 * m.requestsPerSecond;
 */
export async function load(prepared: PreparedCase, options: LoadOptions): Promise<Measurement> {
  const { benchCase } = prepared;
  const started = performance.now();
  const result = await autocannon({
    url: prepared.url,
    method: benchCase.method,
    headers: { ...prepared.headers },
    ...(benchCase.body ? { body: benchCase.body } : {}),
    ...(benchCase.uniqueBody ? { idReplacement: true } : {}),
    connections: options.connections,
    // autocannon checks for the end at each sample, once a second by default.
    ...(options.requests === undefined
      ? { duration: options.seconds }
      : { amount: options.requests, sampleInt: 20 }),
    pipelining: 1,
  });
  const counts = Object.entries(result.statusCodeStats ?? {});
  const responses = counts.reduce((sum, [, stat]) => sum + (stat.count ?? 0), 0);
  const expected = counts.find(([code]) => Number(code) === (benchCase.status ?? 200))?.[1].count ?? 0;
  // autocannon's own duration is in whole seconds: too coarse for a run of a few requests.
  const seconds = options.requests === undefined ? result.duration : (performance.now() - started) / 1000;
  return {
    requestsPerSecond: expected / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: responses - expected + result.errors,
    requests: responses,
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
 * Sends a case once and checks the answer (its status, and its body against the case's
 * check), so a run never measures error responses. Returns the size of the body in bytes.
 *
 * @example
 * const bytes = await verify(prepared);
 */
export async function verify(prepared: PreparedCase): Promise<number> {
  const { benchCase } = prepared;
  const response = await fetch(prepared.url, {
    method: benchCase.method,
    headers: prepared.headers,
    ...(benchCase.body ? { body: benchCase.body.replaceAll("[<id>]", crypto.randomUUID()) } : {}),
  });
  const text = await response.text();
  const status = benchCase.status ?? 200;
  if (response.status !== status)
    throw new Error(
      `${benchCase.subject} ${benchCase.path} answered ${response.status}, not ${status}: ${text.slice(0, 300)}`,
    );
  if (status !== 304) benchCase.check(JSON.parse(text));
  return Buffer.byteLength(text);
}
