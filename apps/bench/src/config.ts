/** Settings of a benchmark run, read from the environment. */
export interface BenchConfig {
  /** PostgreSQL server URL without a database (`BENCH_POSTGRES_URL`). */
  readonly serverUrl: string;
  /** Database created on that server for the benchmark (`BENCH_DATABASE`, default `tusk_bench`, `tusk_bench_scale3` at scale 3). */
  readonly database: string;
  /** Seed scale (`BENCH_SCALE`, default 2: 30,000 products). */
  readonly scale: number;
  /** Seconds measured per case, over all rounds (`BENCH_DURATION`, default 12). */
  readonly duration: number;
  /**
   * Rounds the measured time is split into (`BENCH_ROUNDS`, default 3). Every
   * round runs every case in turn, so a burst of other work on the machine
   * disturbs one round of each case rather than all of one case.
   */
  readonly rounds: number;
  /** Seconds of load before each measurement, not recorded (`BENCH_WARMUP`, default 3). */
  readonly warmup: number;
  /** Concurrent connections (`BENCH_CONNECTIONS`, default 16, as the reference figures in docs/benchmarks.md). */
  readonly connections: number;
  /** Only the cases whose `"<subject> <scenario>"` contains this (`BENCH_ONLY`); in a soak, the case. */
  readonly only: string | undefined;
  /** Seconds of one case's load while sampling memory (`BENCH_SOAK`); unset: the usual run. */
  readonly soak: number | undefined;
}

function readNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`${name}="${raw}" must be a number of at least ${min}`);
  return value;
}

/**
 * Reads the `BENCH_*` variables.
 *
 * @example
 * readBenchConfig({ BENCH_DURATION: "5" }).duration; // 5
 */
export function readBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const scale = readNumber(env, "BENCH_SCALE", 2, 0);
  return {
    serverUrl: env.BENCH_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432",
    // One database per scale: seeding only adds rows, so a run at another scale needs its own.
    database: env.BENCH_DATABASE || (scale === 2 ? "tusk_bench" : `tusk_bench_scale${scale}`),
    scale,
    duration: readNumber(env, "BENCH_DURATION", 12, 1),
    rounds: Math.floor(readNumber(env, "BENCH_ROUNDS", 3, 1)),
    warmup: readNumber(env, "BENCH_WARMUP", 3, 0),
    connections: readNumber(env, "BENCH_CONNECTIONS", 16, 1),
    only: env.BENCH_ONLY || undefined,
    soak: env.BENCH_SOAK ? readNumber(env, "BENCH_SOAK", 0, 1) : undefined,
  };
}

/** The URL of `database` on the server at `serverUrl`. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
