import { describe, expect, it } from "vitest";
import { type CaseResult, formatReport } from "./report.ts";

const MB = 1024 * 1024;
const result = (subject: CaseResult["subject"], requestsPerSecond: number): CaseResult => ({
  scenario: "one product",
  subject,
  requestsPerSecond,
  p50: 1.25,
  p99: 9,
  failures: 0,
  rss: 100 * MB,
  queries: 1,
  bytes: 2048,
  cpuPerRequest: 10_000 / requestsPerSecond,
  requests: requestsPerSecond * 10,
});

describe("formatReport", () => {
  it("lists every case and the throughput ratios to the baseline", () => {
    const report = formatReport([result("raw", 10_000), result("rest", 2_500), result("graphql", 2_000)]);
    expect(report).toContain(
      "| one product | raw node:http + pg | 10000 | 1.00 | 1.3 | 9.0 | 100 | 1 | 2.0 | 0 |",
    );
    expect(report).toContain("| one product | 0.25× | 0.20× | 1.25× | 0.80× |");
  });

  it("says n/a for a ratio whose cases did not run", () => {
    const report = formatReport([result("rest", 2_500)]);
    expect(report).toContain("| one product | n/a | n/a | n/a | n/a |");
    expect(report).not.toContain("50 products");
  });
});
