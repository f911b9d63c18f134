// `npm run seed -- [--scale N] [--reset]`: migrates the database named by
// DATABASE_URL (PGlite in .data/pglite when unset) and fills it with demo data.
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { openDatabase } from "../client.ts";
import { migrate } from "../migrate/index.ts";
import { seed } from "./seed.ts";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "0" }, reset: { type: "boolean", default: false } },
});
const scale = Number(values.scale);
const db = await openDatabase();
try {
  await migrate(db);
  // A bar on a terminal; nothing when piped or in CI logs.
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          format: "seeding {table} [{bar}] {percentage}% | {value}/{total} rows | {duration}s",
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(1, 0, { table: "" });
  const started = performance.now();
  const result = await seed(db, {
    scale,
    reset: values.reset,
    onProgress: ({ table, done, total }) => {
      bar?.setTotal(total);
      bar?.update(done, { table });
    },
  });
  bar?.stop();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const where = db.location.kind === "postgres" ? "PostgreSQL" : `PGlite (${db.location.dataDir})`;
  console.log(`Seeded ${result.rows} rows at scale ${scale} into ${where} in ${seconds} s.`);
} finally {
  await db.close();
}
