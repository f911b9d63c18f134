#!/usr/bin/env node
// Runs the PostgreSQL suite (`test:postgres` of every package that has one)
// when a server answers at TUSK_POSTGRES_URL. Without one it says so and
// succeeds, so `npm test` passes on a machine with no database server, unless
// TUSK_REQUIRE_POSTGRES=1 (CI), where a missing server is a failure.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { reporterArgs, root } from "./test-results.mjs";

const url = process.env.TUSK_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/test";
const required = process.env.TUSK_REQUIRE_POSTGRES === "1";

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

const unreachable = await probe();
if (unreachable) {
  const where = new URL(url);
  where.password = "";
  console.log(`PostgreSQL suite skipped: no PostgreSQL server answered at ${where} (${unreachable}).`);
  if (required) {
    console.error("TUSK_REQUIRE_POSTGRES=1: the PostgreSQL suite is required here, so this is a failure.");
    process.exit(1);
  }
  process.exit(0);
}

const env = {
  ...process.env,
  TUSK_TEST_DATABASE: "postgres",
  TUSK_POSTGRES_URL: url,
  TURBO_TELEMETRY_DISABLED: "1",
};
const turbo = [
  "turbo",
  "run",
  "test:postgres",
  "--continue",
  "--concurrency=1",
  "--",
  ...reporterArgs("postgres"),
];
const result = spawnSync("npx", turbo, { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
