/**
 * `npm run bench`: seeds a PostgreSQL database, starts each server in its own
 * process on a loopback ephemeral port, loads it with autocannon and prints
 * throughput, latency, memory and SQL statements per request, with ratios to
 * the raw baseline. Settings: see config.ts (BENCH_* variables).
 */
import { cpus, loadavg } from "node:os";
import { benchCases } from "./cases.ts";
import { readBenchConfig } from "./config.ts";
import { countQueries } from "./count-queries.ts";
import { prepareDatabase } from "./database.ts";
import { measure, verify } from "./load.ts";
import { type CaseResult, formatReport } from "./report.ts";
import { startSubject } from "./subjects/process.ts";

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

const results: CaseResult[] = [];
for (const kind of new Set(cases.map((c) => c.subject))) {
  const subject = await startSubject(kind, db.url);
  try {
    for (const benchCase of cases.filter((c) => c.subject === kind)) {
      const bytes = await verify(subject.origin, benchCase);
      log(`${kind} ${benchCase.scenario}: ${config.warmup} s warm-up, ${config.duration} s measured…`);
      const measurement = await measure(subject.origin, benchCase, config);
      const { rss } = await subject.memory();
      results.push({
        ...measurement,
        scenario: benchCase.scenario,
        subject: kind,
        rss,
        bytes,
        queries: queries.get(benchCase),
      });
    }
  } finally {
    await subject.stop();
  }
}

const cpu = cpus();
console.log(
  `${new Date().toISOString()} · Node ${process.version} · ${cpu.length} × ${cpu[0]?.model.trim() ?? "cpu"} · ` +
    `${db.products} products · ${config.connections} connections, ${config.duration} s per case after ${config.warmup} s warm-up · ` +
    `load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`,
);
console.log();
console.log(formatReport(results));
log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s.`);
