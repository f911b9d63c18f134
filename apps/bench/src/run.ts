import type { BenchCase } from "./cases.ts";
import { countQueries } from "./count-queries.ts";
import { combine, load, type Measurement, type PreparedCase, prepareCase, verify } from "./load.ts";
import type { CaseResult } from "./report.ts";
import { adminAuthorization } from "./subjects/auth.ts";
import { type SubjectKind, type SubjectProcess, startSubject } from "./subjects/process.ts";

export interface RunOptions {
  readonly databaseUrl: string;
  readonly cases: readonly BenchCase[];
  /** Seconds of each round of each case. */
  readonly seconds: number;
  /** Each round of each case sends this many requests instead of loading for `seconds` (a smoke run). */
  readonly requests?: number;
  readonly rounds: number;
  /** Seconds of load before each measurement, not recorded. */
  readonly warmup: number;
  readonly connections: number;
  /** Count SQL statements per request first, in a separate pass (default true). */
  readonly countQueries?: boolean;
  readonly log?: (line: string) => void;
}

/**
 * Starts every subject the cases need, each in its own process, and runs the cases: each is
 * checked once, warmed up, then measured in rounds. Each round runs every case in turn,
 * starting one case later than the round before, so a burst of other work on the machine
 * disturbs one round of several cases rather than all of one case; each figure is the median
 * over the rounds.
 *
 * @example
 * const results = await runBench({ databaseUrl, cases, seconds: 4, rounds: 3, warmup: 3, connections: 16 });
 */
export async function runBench(options: RunOptions): Promise<CaseResult[]> {
  const { cases, log = () => {} } = options;
  const queries =
    options.countQueries === false
      ? new Map<BenchCase, number>()
      : await countQueries(options.databaseUrl, cases);
  const subjects = new Map<SubjectKind, SubjectProcess>();
  try {
    const kinds = [...new Set(cases.map((c) => c.subject))];
    const started = await Promise.allSettled(kinds.map((kind) => startSubject(kind, options.databaseUrl)));
    for (const outcome of started)
      if (outcome.status === "fulfilled") subjects.set(outcome.value.kind, outcome.value);
    const failed = started.find((outcome) => outcome.status === "rejected");
    if (failed) throw failed.reason;
    const subject = (c: BenchCase) => subjects.get(c.subject) as SubjectProcess;

    const authorization = await adminAuthorization();
    const prepared = new Map<BenchCase, PreparedCase>();
    const bytes = new Map<BenchCase, number>();
    for (const benchCase of cases) {
      const ready = await prepareCase(subject(benchCase).origin, benchCase, authorization);
      prepared.set(benchCase, ready);
      bytes.set(benchCase, await verify(ready));
      if (options.warmup > 0) {
        log(`${benchCase.subject} ${benchCase.scenario}: ${options.warmup} s warm-up`);
        await load(ready, { seconds: options.warmup, connections: options.connections });
      }
    }

    const rounds = new Map<BenchCase, Measurement[]>(cases.map((c) => [c, []]));
    const cpu = new Map<BenchCase, number>(cases.map((c) => [c, 0]));
    for (let round = 0; round < options.rounds; round++) {
      const order = cases.map((_, i) => cases[(i + round) % cases.length] as BenchCase);
      for (const benchCase of order) {
        log(
          `round ${round + 1}/${options.rounds}: ${benchCase.subject} ${benchCase.scenario}, ${options.seconds} s`,
        );
        const before = (await subject(benchCase).usage()).cpu;
        const measured = await load(prepared.get(benchCase) as PreparedCase, {
          seconds: options.seconds,
          connections: options.connections,
          ...(options.requests === undefined ? {} : { requests: options.requests }),
        });
        rounds.get(benchCase)?.push(measured);
        cpu.set(benchCase, (cpu.get(benchCase) ?? 0) + (await subject(benchCase).usage()).cpu - before);
      }
    }

    const memory = new Map<SubjectKind, number>();
    for (const [kind, running] of subjects) memory.set(kind, (await running.usage()).rss);
    return cases.map((benchCase) => {
      const measured = combine(rounds.get(benchCase) ?? []);
      return {
        ...measured,
        // Microseconds of CPU over every response of every round.
        cpuPerRequest: (cpu.get(benchCase) ?? 0) / 1000 / Math.max(1, measured.requests),
        scenario: benchCase.scenario,
        subject: benchCase.subject,
        rss: memory.get(benchCase.subject) ?? 0,
        bytes: bytes.get(benchCase) ?? 0,
        queries: queries.get(benchCase),
      };
    });
  } finally {
    await Promise.all([...subjects.values()].map((running) => running.stop()));
  }
}
