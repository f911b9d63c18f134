/**
 * `npm run bench:export -w @tusk/bench`: streams the whole products collection from the REST
 * app (its own process, as in every run) as NDJSON and as CSV, and prints the server's resident
 * memory as the export goes, at each tenth of the items, and while the client stops reading for
 * a few seconds (back-pressure: the server waits instead of buffering). Settings: BENCH_POSTGRES_URL,
 * BENCH_DATABASE, BENCH_SCALE (3 for 300,000 products).
 */
import { get } from "node:http";
import { loadavg } from "node:os";
import { readBenchConfig } from "./config.ts";
import { prepareDatabase } from "./database.ts";
import { type SubjectProcess, startSubject } from "./subjects/process.ts";

const MB = 1024 * 1024;
/** How long the client stops reading, a fifth of the way in. */
const STALL_MS = 3_000;

interface Sample {
  readonly label: string;
  readonly rss: number;
  readonly heap: number;
}

/** Streams `path` as `accept`, reading it to the end, and samples the server's RSS. */
function streamExport(server: SubjectProcess, path: string, accept: string, expected: number) {
  return new Promise<{ items: number; bytes: number; seconds: number; samples: Sample[] }>(
    (resolve, reject) => {
      const samples: Sample[] = [];
      const sample = (label: string) =>
        void server.usage().then(({ rss, heap }) => samples.push({ label, rss, heap }));
      const started = performance.now();
      let items = 0;
      let bytes = 0;
      let nextTenth = 1;
      let stalled = false;
      const req = get(`${server.origin}${path}`, { headers: { accept } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${path} answered ${res.statusCode}`));
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          for (const byte of chunk) if (byte === 0x0a) items += 1;
          while (items >= (expected * nextTenth) / 10 && nextTenth <= 10) sample(`${nextTenth++ * 10} %`);
          if (!stalled && items >= expected / 5) {
            stalled = true;
            res.pause();
            sample("client stops reading");
            setTimeout(() => {
              sample(`after ${STALL_MS / 1000} s not reading`);
              res.resume();
            }, STALL_MS);
          }
        });
        res.on("end", () => {
          // Let the last samples arrive.
          setTimeout(
            () => resolve({ items, bytes, seconds: (performance.now() - started) / 1000, samples }),
            200,
          );
        });
        res.on("error", reject);
      });
      req.on("error", reject);
    },
  );
}

const config = readBenchConfig();
const log = (line: string) => process.stderr.write(`${line}\n`);
const loadBefore = loadavg()[0] ?? 0;
const db = await prepareDatabase(config.serverUrl, config.database, config.scale);
const rest = await startSubject("rest", db.url);
try {
  // One request first, so the baseline is the app's working size rather than a cold start.
  await fetch(`${rest.origin}/v1/products?limit=100`).then((res) => res.arrayBuffer());
  const baseline = (await rest.usage()).rss;
  console.log(
    `Export of ${db.products} products (seed scale ${config.scale}), load average ${loadBefore.toFixed(1)} before; server RSS ${(baseline / MB).toFixed(1)} MB before.\n`,
  );
  for (const [name, accept] of [
    ["NDJSON", "application/x-ndjson"],
    ["CSV", "text/csv"],
  ] as const) {
    log(`${name}…`);
    // CSV has a header row: one line more than the items.
    const lines = db.products + (name === "CSV" ? 1 : 0);
    const run = await streamExport(rest, "/v1/products", accept, lines);
    const peak = Math.max(...run.samples.map((s) => s.rss));
    console.log(
      `${name}: ${run.items} lines, ${(run.bytes / MB).toFixed(1)} MB in ${run.seconds.toFixed(1)} s; server RSS peak ${(peak / MB).toFixed(1)} MB (${((peak - baseline) / MB).toFixed(1)} MB over the baseline).\n`,
    );
    console.log("| point of the export | server RSS MB | JavaScript heap in use MB |");
    console.log("|---|---|---|");
    for (const s of run.samples)
      console.log(`| ${s.label} | ${(s.rss / MB).toFixed(1)} | ${(s.heap / MB).toFixed(1)} |`);
    console.log("");
  }
} finally {
  await rest.stop();
}
