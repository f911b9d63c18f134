/**
 * `npm run bench`: seeds a PostgreSQL database, starts each server in its own
 * process on a loopback ephemeral port, loads it with autocannon and prints
 * throughput, latency, memory and SQL statements per request, with ratios to
 * the raw baseline. Settings: see config.ts (BENCH_* variables).
 */
import { cpus, loadavg } from "node:os";
import { type BenchCase, benchCases } from "./cases.ts";
import { readBenchConfig } from "./config.ts";
import { countQueries } from "./count-queries.ts";
import { prepareDatabase } from "./database.ts";
import { combine, load, type Measurement, verify } from "./load.ts";
import { type CaseResult, formatReport } from "./report.ts";
import { type SubjectKind, type SubjectProcess, startSubject } from "./subjects/process.ts";

const config = readBenchConfig();
const log = (line: string) => process.stderr.write(`${line}\n`);
const started = Date.now();
// Other work on the machine skews every figure: the report shows the load before and after.
const loadBefore = loadavg()[0] ?? 0;

const cases = benchCases().filter((c) => !config.only || `${c.subject} ${c.scenario}`.includes(config.only));
log(`Preparing ${config.database} (seed scale ${config.scale})…`);
const db = await prepareDatabase(config.serverUrl, config.database, config.scale);
log(`${db.products} products${db.seeded ? " (seeded now)" : ""}. Counting SQL statements per request…`);
const queries = await countQueries(db.url, cases);

const subjects = new Map<SubjectKind, SubjectProcess>();
try {
  for (const kind of new Set(cases.map((c) => c.subject)))
    subjects.set(kind, await startSubject(kind, db.url));
  const origin = (c: BenchCase) => subjects.get(c.subject)?.origin ?? "";

  const bytes = new Map<BenchCase, number>();
  for (const benchCase of cases) {
    bytes.set(benchCase, await verify(origin(benchCase), benchCase));
    log(`${benchCase.subject} ${benchCase.scenario}: ${config.warmup} s warm-up`);
    if (config.warmup > 0)
      await load(origin(benchCase), benchCase, { seconds: config.warmup, connections: config.connections });
  }

  const rounds = new Map<BenchCase, Measurement[]>(cases.map((c) => [c, []]));
  const cpu = new Map<BenchCase, number>(cases.map((c) => [c, 0]));
  const seconds = Math.max(1, Math.round(config.duration / config.rounds));
  for (let round = 0; round < config.rounds; round++) {
    // Each round starts one case later, so no case always follows the same one.
    const order = cases.map((_, i) => cases[(i + round) % cases.length] as BenchCase);
    for (const benchCase of order) {
      log(`round ${round + 1}/${config.rounds}: ${benchCase.subject} ${benchCase.scenario}, ${seconds} s`);
      const subject = subjects.get(benchCase.subject) as SubjectProcess;
      const before = (await subject.usage()).cpu;
      rounds
        .get(benchCase)
        ?.push(await load(subject.origin, benchCase, { seconds, connections: config.connections }));
      cpu.set(benchCase, (cpu.get(benchCase) ?? 0) + (await subject.usage()).cpu - before);
    }
  }

  const memory = new Map<SubjectKind, number>();
  for (const [kind, subject] of subjects) memory.set(kind, (await subject.usage()).rss);
  const results: CaseResult[] = cases.map((benchCase) => {
    const measured = combine(rounds.get(benchCase) ?? []);
    return {
      ...measured,
      cpuPerRequest: (cpu.get(benchCase) ?? 0) / 1000 / Math.max(1, measured.requests),
      scenario: benchCase.scenario,
      subject: benchCase.subject,
      rss: memory.get(benchCase.subject) ?? 0,
      bytes: bytes.get(benchCase) ?? 0,
      queries: queries.get(benchCase),
    };
  });

  const cores = cpus();
  console.log(
    `${new Date().toISOString()} · Node ${process.version} · ${cores.length} × ${cores[0]?.model.trim() ?? "cpu"} · ` +
      `${db.products} products · ${config.connections} connections, ${config.rounds} rounds of ${seconds} s per case ` +
      `after ${config.warmup} s warm-up · load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`,
  );
  console.log();
  console.log(formatReport(results));
} finally {
  for (const subject of subjects.values()) await subject.stop();
}
log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s.`);
