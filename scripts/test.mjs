#!/usr/bin/env node
// `npm test`: every package's tests on PGlite through turbo, then the
// PostgreSQL suite (scripts/test-postgres.mjs), which runs when a server
// answers and otherwise says why it was skipped. Both always run, so one
// failing package does not hide the results of the others; the exit status
// is non-zero if either failed.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { reporterArgs, root } from "./test-results.mjs";

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };
// --continue: run every package even when one fails. Two at a time: database
// suites start PGlite instances, and more in parallel only thrash two cores.
const turbo = ["turbo", "run", "test", "--continue", "--concurrency=2", "--", ...reporterArgs("pglite")];
const pglite = spawnSync("npx", turbo, { cwd: root, env, stdio: "inherit" });
const postgres = spawnSync(process.execPath, [join(root, "scripts", "test-postgres.mjs")], {
  cwd: root,
  env,
  stdio: "inherit",
});
process.exit(pglite.status === 0 && postgres.status === 0 ? 0 : 1);
