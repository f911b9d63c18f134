#!/usr/bin/env node
// Runs the browser suite (`test:browser` of every package that has one: pages
// the apps serve, opened in headless Chromium). Kept out of `npm test` because
// starting a browser and parsing the pages' scripts is slow; `.ci/run` runs it.
// Without Chromium the suites skip with a message, unless TUSK_REQUIRE_CHROMIUM=1.
import { spawnSync } from "node:child_process";
import { root } from "./test-results.mjs";

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };
// One package at a time: each starts its own browser.
const turbo = [
  "turbo",
  "run",
  "test:browser",
  "--continue",
  "--concurrency=1",
  "--",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=.test-results/browser.json",
];
const result = spawnSync("npx", turbo, { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
