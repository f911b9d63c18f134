/**
 * `npm run bench:overload -w @tusk/bench`: the REST app with production load shedding
 * (MAX_IN_FLIGHT, MAX_EVENT_LOOP_DELAY_MS at their defaults) under twice the load it can
 * sustain. First the sustainable rate of one product by id from 16 keep-alive connections, then
 * an open load at twice that rate (autocannon's overall rate) from enough connections to keep
 * it up, printing how the answers split between 200 and 503, their latencies, and the server's
 * memory. Settings: BENCH_POSTGRES_URL, BENCH_DATABASE, BENCH_SCALE, BENCH_DURATION (seconds of
 * each phase).
 */
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { readBenchConfig } from "./config.ts";
import { prepareDatabase } from "./database.ts";
import { startSubject } from "./subjects/process.ts";

const config = readBenchConfig();
const log = (line: string) => process.stderr.write(`${line}\n`);
const loadBefore = loadavg()[0] ?? 0;
const db = await prepareDatabase(config.serverUrl, config.database, config.scale);
// Read by the subject process (serve.ts): shed load as production does.
process.env.BENCH_SHEDDING = "1";
const rest = await startSubject("rest", db.url);
const url = `${rest.origin}/v1/products/73924`;
try {
  log(`Sustainable rate: ${config.duration} s from ${config.connections} connections…`);
  await autocannon({ url, connections: config.connections, duration: 3 });
  const sustainable = await autocannon({ url, connections: config.connections, duration: config.duration });
  const rate = Math.round((sustainable.statusCodeStats?.["200"]?.count ?? 0) / sustainable.duration);
  log(`${rate} req/s; now ${2 * rate} req/s for ${config.duration} s…`);
  let peakRss = (await rest.usage()).rss;
  const sampler = setInterval(() => {
    void rest.usage().then((u) => {
      peakRss = Math.max(peakRss, u.rss);
    });
  }, 500);
  const over = await autocannon({
    url,
    // Enough connections that the rate, not the connections, bounds the load; each waits at most 10 s.
    connections: 1_024,
    overallRate: 2 * rate,
    duration: config.duration,
    timeout: 10,
  });
  clearInterval(sampler);
  const count = (status: number) => over.statusCodeStats?.[`${status}`]?.count ?? 0;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(
    `Overload: REST one product by id, ${db.products} products, load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after.\n`,
  );
  console.log("| phase | offered req/s | 200/s | 503/s | other | p50 ms | p99 ms | max ms | peak RSS MB |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  console.log(
    `| sustainable (${config.connections} connections) | closed loop | ${rate} | ${(count(503) / sustainable.duration).toFixed(0)} | ${sustainable.errors + sustainable.timeouts} | ${sustainable.latency.p50} | ${sustainable.latency.p99} | ${sustainable.latency.max} | |`,
  );
  const others = Object.entries(over.statusCodeStats ?? {})
    .filter(([status]) => status !== "200" && status !== "503")
    .reduce((sum, [, stat]) => sum + (stat.count ?? 0), 0);
  console.log(
    `| twice that (1,024 connections) | ${2 * rate} | ${(count(200) / over.duration).toFixed(0)} | ${(count(503) / over.duration).toFixed(0)} | ${others + over.errors + over.timeouts} | ${over.latency.p50} | ${over.latency.p99} | ${over.latency.max} | ${mb(peakRss)} |`,
  );
} finally {
  await rest.stop();
}
