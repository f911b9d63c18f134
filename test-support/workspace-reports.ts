/**
 * A vitest reporter for the root run (vitest.config.ts): writes each project's results to
 * `<workspace>/.test-results/<suite>.json` in the shape of vitest's JSON report, which is what
 * scripts/test-summary.mjs totals, and prints the time each project took.
 *
 * One run holds every workspace twice at most (its PGlite project and its PostgreSQL one), and
 * vitest's own JSON reporter cannot tell those apart: it names files, not projects.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Reporter, TestModule, TestProject } from "vitest/node";

/** Which suite a project belongs to: the name of its report. */
function suiteOf(project: TestProject): "pglite" | "postgres" {
  return project.config.env?.TUSK_TEST_DATABASE === "postgres" ? "postgres" : "pglite";
}

/** The part of vitest's JSON report that scripts/test-summary.mjs reads. */
interface SuiteReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: {
    name: string;
    status: "passed" | "failed";
    message: string;
    assertionResults: { fullName: string; status: string }[];
  }[];
}

function reportOf(modules: readonly TestModule[]): SuiteReport {
  const testResults = modules.map((module) => {
    const tests = [...module.children.allTests()];
    const failed = module.state() === "failed" || tests.some((test) => test.result().state === "failed");
    return {
      name: module.moduleId,
      status: failed ? ("failed" as const) : ("passed" as const),
      message: module.errors()[0]?.message ?? "",
      assertionResults: tests.map((test) => ({ fullName: test.fullName, status: test.result().state })),
    };
  });
  const states = testResults.flatMap((file) => file.assertionResults.map((test) => test.status));
  return {
    numPassedTests: states.filter((state) => state === "passed").length,
    numFailedTests: states.filter((state) => state === "failed").length,
    testResults,
  };
}

/** Seconds a module kept a worker busy: set-up, import, then its tests and hooks. */
function secondsOf(module: TestModule): number {
  const d = module.diagnostic();
  return (
    (d.environmentSetupDuration + d.prepareDuration + d.setupDuration + d.collectDuration + d.duration) / 1000
  );
}

export default class WorkspaceReports implements Reporter {
  private started = performance.now();

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(modules: readonly TestModule[]): void {
    const byProject = new Map<TestProject, TestModule[]>();
    for (const module of modules)
      byProject.set(module.project, [...(byProject.get(module.project) ?? []), module]);
    const rows: [name: string, files: number, tests: number, seconds: number][] = [];
    for (const [project, projectModules] of byProject) {
      const report = reportOf(projectModules);
      const dir = join(project.config.root, ".test-results");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${suiteOf(project)}.json`), JSON.stringify(report));
      const seconds = projectModules.reduce((sum, module) => sum + secondsOf(module), 0);
      rows.push([
        project.name,
        projectModules.length,
        report.numPassedTests + report.numFailedTests,
        seconds,
      ]);
    }
    rows.sort((a, b) => b[3] - a[3]);
    const width = Math.max(...rows.map(([name]) => name.length), 7);
    const lines = rows.map(
      ([name, files, tests, seconds]) =>
        `  ${name.padEnd(width)}  ${String(files).padStart(3)} files  ${String(tests).padStart(4)} tests  ${seconds.toFixed(1).padStart(6)} s`,
    );
    const total = rows.reduce((sum, row) => sum + row[3], 0);
    const wall = (performance.now() - this.started) / 1000;
    console.log(
      [
        "",
        "Time per project (set-up, import and tests of its files, summed over the workers):",
        ...lines,
        `  ${"all".padEnd(width)}  ${total.toFixed(1).padStart(30)} s in ${wall.toFixed(1)} s of wall time`,
      ].join("\n"),
    );
  }
}
