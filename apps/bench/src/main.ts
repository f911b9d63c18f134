/**
 * `npm run bench`: seeds a PostgreSQL database, starts each server in its own process on a
 * loopback ephemeral port, loads it with autocannon and prints throughput, latency, CPU time,
 * memory and SQL statements per request, with each Tusk API's ratios to the peers.
 * `BENCH_SOAK=<seconds>` loads one case that long instead and prints the server's memory over
 * time. Settings: see config.ts (BENCH_* variables).
 */
import { cpus, loadavg } from "node:os";
import { benchCases } from "./cases.ts";
import { readBenchConfig } from "./config.ts";
import { prepareDatabase } from "./database.ts";
import { formatReport } from "./report.ts";
import { runBench } from "./run.ts";
import { formatSoak, soak } from "./soak.ts";
import { withResponseCache } from "./subjects/subject.ts";

const config = readBenchConfig();
const log = (line: string) => process.stderr.write(`${line}\n`);
const started = Date.now();
// Other work on the machine skews every figure: the report shows the load before and after.
const loadBefore = loadavg()[0] ?? 0;

log(`Preparing ${config.database} (seed scale ${config.scale})…`);
const db = await prepareDatabase(config.serverUrl, config.database, config.scale);
log(`${db.products} products${db.seeded ? " (seeded now)" : ""}.`);
const named = (only: string) => benchCases(db).filter((c) => `${c.subject} ${c.scenario}`.includes(only));
const cores = cpus();
const machine = `Node ${process.version} · ${cores.length} × ${cores[0]?.model.trim() ?? "cpu"} · ${db.products} products`;
const loads = () => `load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`;

if (config.soak !== undefined) {
  const [benchCase] = named(config.only ?? "rest 50 products");
  if (!benchCase) throw new Error(`no case is named "${config.only}"`);
  log(`Soak: ${benchCase.subject} ${benchCase.scenario} for ${config.soak} s…`);
  const { samples, measurement } = await soak({
    databaseUrl: db.url,
    benchCase,
    seconds: config.soak,
    warmup: config.warmup,
    connections: config.connections,
  });
  console.log(
    `${new Date().toISOString()} · ${machine} · soak of ${benchCase.subject} ${benchCase.scenario}: ` +
      `${config.soak} s at ${config.connections} connections after ${config.warmup} s warm-up, ` +
      `${measurement.requestsPerSecond.toFixed(0)} req/s, ${measurement.failures} failures · ${loads()}`,
  );
  console.log();
  console.log(formatSoak(samples));
} else {
  const seconds = config.duration / config.rounds;
  const results = await runBench({
    databaseUrl: db.url,
    cases: named(config.only ?? ""),
    seconds,
    rounds: config.rounds,
    warmup: config.warmup,
    connections: config.connections,
    log,
  });
  console.log(
    `${new Date().toISOString()} · ${machine} · ${config.connections} connections, ${config.rounds} rounds of ` +
      `${seconds} s per case after ${config.warmup} s warm-up · ${loads()}` +
      (withResponseCache() ? " · Tusk's APIs with the response cache" : ""),
  );
  console.log();
  console.log(formatReport(results));
}
log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s.`);
