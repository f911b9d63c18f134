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

/** How the report names each subject. */
export const LABEL: Record<SubjectKind, string> = {
  raw: "raw node:http + pg",
  hand: "Express + Prisma, hand-written",
  sofa: "SOFA on Express",
  rest: "REST (Tusk)",
  graphql: "GraphQL (Apollo)",
};
const TUSK = ["rest", "graphql"] as const;
const PEERS = ["raw", "hand", "sofa"] as const;
const OTHER_API = { rest: "graphql", graphql: "rest" } as const;
/** Column headings of the ratios: what each Tusk figure is divided by. */
const AGAINST = { raw: "raw", hand: "hand-written", sofa: "SOFA", other: "other API" } as const;
const MB = 1024 * 1024;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

/** `a / b` of one measure as `0.25×` (`0.0031×`), or n/a when either case did not run or served nothing. */
function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || b === 0) return "n/a";
  const quotient = a / b;
  // Two significant digits below 0.1 (SOFA's lists cost hundreds of times more), two decimals above.
  return `${quotient > 0 && quotient < 0.1 ? quotient.toPrecision(2) : fixed(quotient, 2)}×`;
}

/**
 * The run as Markdown tables: every case; then each Tusk figure as ratios to the raw baseline,
 * the hand-written server, SOFA and the other Tusk API, for throughput and for CPU time per
 * request; then the deep page against the first page, when both ran.
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
  const against = [...PEERS, "other"] as const;
  const ratios = table(
    [
      "scenario",
      "Tusk API",
      ...against.map((kind) => `req/s ÷ ${AGAINST[kind]}`),
      ...against.map((kind) => `CPU/request ÷ ${AGAINST[kind]}`),
    ],
    SCENARIOS.flatMap((scenario) =>
      TUSK.flatMap((api) => {
        const tusk = find(scenario, api);
        if (!tusk) return [];
        const peer = (kind: (typeof against)[number]) =>
          find(scenario, kind === "other" ? OTHER_API[api] : kind);
        return [
          [
            scenario,
            LABEL[api],
            ...against.map((kind) => ratio(tusk.requestsPerSecond, peer(kind)?.requestsPerSecond)),
            ...against.map((kind) => ratio(tusk.cpuPerRequest, peer(kind)?.cpuPerRequest)),
          ],
        ];
      }),
    ),
  );
  const paged = [...PEERS, ...TUSK].flatMap((kind) => {
    const first = find("first page", kind);
    const deep = find("deep page", kind);
    if (!first || !deep) return [];
    return [
      [
        LABEL[kind],
        fixed(first.requestsPerSecond, 0),
        fixed(deep.requestsPerSecond, 0),
        ratio(deep.requestsPerSecond, first.requestsPerSecond),
        fixed(first.cpuPerRequest, 2),
        fixed(deep.cpuPerRequest, 2),
        ratio(deep.cpuPerRequest, first.cpuPerRequest),
      ],
    ];
  });
  const pages = table(
    [
      "server",
      "first page req/s",
      "deep page req/s",
      "req/s deep ÷ first",
      "first page CPU ms",
      "deep page CPU ms",
      "CPU deep ÷ first",
    ],
    paged,
  );
  return [cases, ratios, ...(paged.length > 0 ? [pages] : [])].join("\n\n");
}
