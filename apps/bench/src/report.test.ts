import { describe, expect, it } from "vitest";
import type { Scenario } from "./cases.ts";
import { type CaseResult, formatReport } from "./report.ts";

const MB = 1024 * 1024;
const result = (
  subject: CaseResult["subject"],
  requestsPerSecond: number,
  scenario: Scenario = "one product",
): CaseResult => ({
  scenario,
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
  it("lists every case and each Tusk API's ratios to every peer and to the other API", () => {
    const report = formatReport([
      result("raw", 10_000),
      result("hand", 4_000),
      result("sofa", 500),
      result("rest", 2_500),
      result("graphql", 2_000),
    ]);
    expect(report).toContain(
      "| one product | raw node:http + pg | 10000 | 1.00 | 1.3 | 9.0 | 100 | 1 | 2.0 | 0 |",
    );
    expect(report).toContain(
      "| one product | REST (Tusk) | 0.25× | 0.63× | 5.00× | 1.25× | 4.00× | 1.60× | 0.20× | 0.80× |",
    );
    expect(report).toContain(
      "| one product | GraphQL (Apollo) | 0.20× | 0.50× | 4.00× | 0.80× | 5.00× | 2.00× | 0.25× | 1.25× |",
    );
  });

  it("says n/a for a ratio whose cases did not run, and leaves out scenarios without a Tusk figure", () => {
    const report = formatReport([result("rest", 2_500), result("hand", 100, "relation list")]);
    expect(report).toContain("| one product | REST (Tusk) | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a |");
    expect(report).not.toMatch(/\| relation list \| (REST|GraphQL)/);
  });

  it("keeps two significant digits of a ratio far below 1", () => {
    const report = formatReport([result("rest", 2_000, "create"), result("sofa", 20, "create")]);
    expect(report).toContain(
      "| create | REST (Tusk) | n/a | n/a | 100.00× | n/a | n/a | n/a | 0.010× | n/a |",
    );
  });

  it("puts the deep page next to the first page", () => {
    const report = formatReport([result("rest", 500, "first page"), result("rest", 400, "deep page")]);
    expect(report).toContain("| REST (Tusk) | 500 | 400 | 0.80× | 20.00 | 25.00 | 1.25× |");
  });
});
