#!/usr/bin/env node
// `npm test`: one vitest run at the root (vitest.config.ts) holding every
// workspace's tests on PGlite and, when a server answers at TUSK_POSTGRES_URL,
// every `*.db.test.ts` file again on PostgreSQL. Without a server it says why
// the PostgreSQL suite was skipped and runs the rest, unless
// TUSK_REQUIRE_POSTGRES=1 (CI), where a missing server is a failure.
// `node scripts/test.mjs postgres` (npm run test:postgres) runs the
// PostgreSQL suite alone. Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import pg from "pg";
import { root } from "./test-results.mjs";

const url = process.env.TUSK_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/test";
const required = process.env.TUSK_REQUIRE_POSTGRES === "1";
const [first, ...rest] = process.argv.slice(2);
const postgresOnly = first === "postgres";
const vitestArgs = postgresOnly ? rest : process.argv.slice(2);

async function probe() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const suites = postgresOnly ? [] : ["pglite"];
let serverMissing = false;
const unreachable = await probe();
if (unreachable) {
  const where = new URL(url);
  where.password = "";
  console.log(`PostgreSQL suite skipped: no PostgreSQL server answered at ${where} (${unreachable}).`);
  if (required)
    console.error("TUSK_REQUIRE_POSTGRES=1: the PostgreSQL suite is required here, so this is a failure.");
  serverMissing = required;
} else {
  suites.push("postgres");
}

let status = 0;
if (suites.length > 0) {
  const env = { ...process.env, TUSK_TEST_SUITES: suites.join(","), TUSK_POSTGRES_URL: url };
  const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
  const run = spawnSync(process.execPath, [vitest, "run", ...vitestArgs], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  status = run.status ?? 1;
}
process.exit(status === 0 && !serverMissing ? 0 : 1);
