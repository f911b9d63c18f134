import type { Database } from "@tusk/db";
import { createTestDatabase, testDatabaseKind } from "@tusk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchCases, SCENARIOS } from "./cases.ts";
import { deepAfterId } from "./database.ts";
import { formatReport, LABEL } from "./report.ts";
import { runBench } from "./run.ts";

// A smoke run of the whole harness: every subject in its own process, every case for a few requests.
// No figure is asserted (they depend on the machine); the report's shape is. Five servers start
// in processes of their own, which takes a while on a busy two-core machine: hence the timeout.
describe.skipIf(testDatabaseKind() !== "postgres")("the benchmark harness", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: true });
  });
  afterAll(() => db?.close());

  it("runs every case on every subject and reports every row and ratio", async () => {
    if (db.location.kind !== "postgres") throw new Error("expected PostgreSQL");
    const cases = benchCases({ deepAfterId: await deepAfterId(db) });
    const results = await runBench({
      databaseUrl: db.location.url,
      cases,
      seconds: 1,
      requests: 3,
      rounds: 1,
      warmup: 0,
      connections: 1,
      countQueries: false,
    });
    expect(results.filter((r) => r.failures > 0)).toEqual([]);
    const report = formatReport(results).split("\n");
    for (const c of cases)
      expect(report.some((line) => line.startsWith(`| ${c.scenario} | ${LABEL[c.subject]} | `))).toBe(true);
    // Each Tusk figure against the three peers and the other API, for req/s and CPU time.
    const ratioRows = report.filter((line) =>
      / \| (REST \(Tusk\)|GraphQL \(Apollo\)) \| (\d+\.\d\d×|n\/a) \|/.test(line),
    );
    expect(ratioRows).toHaveLength(SCENARIOS.length * 2 - 1);
    for (const row of ratioRows) expect(row.split("|").length - 2, row).toBe(10);
    const oneProduct = ratioRows.find((row) => row.startsWith("| one product | REST (Tusk) |")) ?? "";
    // Ratios under 0.1 print with two significant digits (0.056×), the others with two decimals.
    expect(oneProduct.match(/\d+\.\d+×/g)).toHaveLength(8);
    expect(report).toContainEqual(expect.stringMatching(/^\| REST \(Tusk\) \| \d+ \| \d+ \| \d+\.\d+× \|/));
  }, 180_000);
});
