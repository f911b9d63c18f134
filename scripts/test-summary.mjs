#!/usr/bin/env node
// Totals every vitest JSON report of this run and prints exactly one closing
// line, `N passed, N failed`, which is what CI reads. A suite that failed to
// load or whose hooks failed counts as a failure, and so does a package with tests but no report
// (its test run crashed before vitest could write one). `--run-failed` says
// the test command itself exited non-zero; `--expect-postgres` and
// `--expect-browser` say those suites ran too, so their reports must exist.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { root, workspaceDirs } from "./test-results.mjs";

const expectPostgres = process.argv.includes("--expect-postgres");
const expectBrowser = process.argv.includes("--expect-browser");
let passed = 0;
let failed = 0;

for (const dir of workspaceDirs()) {
  const scripts = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts ?? {};
  const expected = [
    scripts.test && "pglite",
    expectPostgres && scripts["test:postgres"] && "postgres",
    expectBrowser && scripts["test:browser"] && "browser",
  ].filter(Boolean);
  const reports = join(dir, ".test-results");
  const found = existsSync(reports) ? readdirSync(reports).filter((f) => f.endsWith(".json")) : [];
  for (const suite of expected) {
    if (!found.includes(`${suite}.json`)) {
      console.error(`no ${suite} test report from ${relative(root, dir)}: its test run did not finish`);
      failed += 1;
    }
  }
  for (const file of found) {
    const report = JSON.parse(readFileSync(join(reports, file), "utf8"));
    // A file that failed with no failed test: it failed to load, or a hook (beforeAll) failed
    // and its tests were skipped. Either way it counts as one failure.
    const brokenSuites = (report.testResults ?? []).filter(
      (suite) =>
        suite.status === "failed" && !(suite.assertionResults ?? []).some((test) => test.status === "failed"),
    );
    for (const suite of brokenSuites) {
      console.error(
        `${relative(root, suite.name)} (${basename(file, ".json")}) failed to run: ${suite.message ?? ""}`.trim(),
      );
    }
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + brokenSuites.length;
  }
}

// The test command failed yet no test did: an error outside any test (vitest's
// "unhandled errors", a crashed worker). Count it rather than report success.
if (process.argv.includes("--run-failed") && failed === 0) {
  console.error("the test run failed outside any test (see unhandled errors above)");
  failed = 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
