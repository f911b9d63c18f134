import { SCENARIOS, type Scenario } from "./cases.ts";
import type { Measurement } from "./load.ts";
import type { SubjectKind } from "./subjects/load-subject.ts";

/** One measured case with what the harness knows about it. */
export interface CaseResult extends Measurement {
  readonly scenario: Scenario;
  readonly subject: SubjectKind;
  /** Resident memory of the server process after every round, in bytes. */
  readonly rss: number;
  /** SQL statements per request, when counted. */
  readonly queries: number | undefined;
  /** Size of one response body in bytes. */
  readonly bytes: number;
  /**
   * CPU time the server process spent per response, in milliseconds: less
   * sensitive than req/s to other work on the machine.
   */
  readonly cpuPerRequest: number;
}

const LABEL: Record<SubjectKind, string> = {
  raw: "raw node:http + pg",
  rest: "REST (Tusk)",
  graphql: "GraphQL (Apollo)",
};
const MB = 1024 * 1024;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

function ratio(a: CaseResult | undefined, b: CaseResult | undefined): string {
  if (!a || !b || b.requestsPerSecond === 0) return "n/a";
  return `${fixed(a.requestsPerSecond / b.requestsPerSecond, 2)}×`;
}

function cpuRatio(a: CaseResult | undefined, b: CaseResult | undefined): string {
  if (!a || !b || b.cpuPerRequest === 0) return "n/a";
  return `${fixed(a.cpuPerRequest / b.cpuPerRequest, 2)}×`;
}

/**
 * The run as two Markdown tables: every case, then each scenario's
 * throughput ratios (REST/raw, GraphQL/raw, REST/GraphQL).
 *
 * @example
 * console.log(formatReport(results));
 */
export function formatReport(results: readonly CaseResult[]): string {
  const cases = table(
    [
      "scenario",
      "server",
      "req/s",
      "CPU ms/request",
      "p50 ms",
      "p99 ms",
      "RSS MB",
      "SQL/request",
      "body KB",
      "failures",
    ],
    results.map((r) => [
      r.scenario,
      LABEL[r.subject],
      fixed(r.requestsPerSecond, 0),
      fixed(r.cpuPerRequest, 2),
      fixed(r.p50, 1),
      fixed(r.p99, 1),
      fixed(r.rss / MB, 0),
      r.queries === undefined ? "n/a" : String(r.queries),
      fixed(r.bytes / 1024, 1),
      String(r.failures),
    ]),
  );
  const find = (scenario: Scenario, subject: SubjectKind) =>
    results.find((r) => r.scenario === scenario && r.subject === subject);
  const ratios = table(
    ["scenario", "REST / raw", "GraphQL / raw", "REST / GraphQL", "CPU per request: REST / GraphQL"],
    SCENARIOS.filter((s) => results.some((r) => r.scenario === s)).map((s) => [
      s,
      ratio(find(s, "rest"), find(s, "raw")),
      ratio(find(s, "graphql"), find(s, "raw")),
      ratio(find(s, "rest"), find(s, "graphql")),
      cpuRatio(find(s, "rest"), find(s, "graphql")),
    ]),
  );
  return `${cases}\n\n${ratios}`;
}
