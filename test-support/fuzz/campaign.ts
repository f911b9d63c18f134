/**
 * One fuzz campaign: requests drawn from the REST and GraphQL arbitraries, sent over HTTP to
 * running servers, each answer checked by the oracle. The test suites run a small one; the
 * fuzz script (scripts/fuzz.ts) runs a large one against PostgreSQL and prints its figures.
 */
import type { Registry } from "@tusk/registry";
import fc from "fast-check";
import type { GraphQLSchema } from "graphql";
import { graphqlRequest } from "./graphql-requests.ts";
import { type FuzzResponse, graphqlViolations, restViolations, send } from "./oracle.ts";
import { type FuzzRequest, restRequest, type SampleIds } from "./rest-requests.ts";

/** Where the two APIs answer and what they serve. */
export interface FuzzTarget {
  /** `http://127.0.0.1:port` of the REST API. */
  readonly restOrigin: string;
  /** `http://127.0.0.1:port` of the GraphQL API (its endpoint is `/graphql`). */
  readonly graphqlOrigin: string;
  readonly registry: Registry;
  readonly schema: GraphQLSchema;
  /** `Authorization` values that authenticate (admin, a customer). */
  readonly tokens: readonly string[];
}

/** What a campaign saw. */
export interface CampaignReport {
  readonly api: "REST" | "GraphQL";
  readonly cases: number;
  /** How many answers had each status. */
  readonly statuses: ReadonlyMap<number, number>;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** The first few requests whose answers broke the contract, with why. */
  readonly failures: readonly { request: FuzzRequest; reasons: string[]; status: number; body: string }[];
  readonly failed: number;
}

/**
 * Identifiers that exist, read from each root collection's first page, so that requests reach
 * items and relations rather than only 404s.
 */
export async function sampleIds(
  restOrigin: string,
  registry: Registry,
  authorization: string,
): Promise<SampleIds> {
  const samples: Record<string, string[]> = {};
  for (const resource of registry.rootResources) {
    const res = await fetch(`${restOrigin}/v1/${resource.path}?limit=5`, { headers: { authorization } });
    const body = (await res.json()) as Record<string, unknown>;
    const items = (body[resource.path] ?? []) as Record<string, unknown>[];
    samples[resource.path] = items.map((item) => String(item[resource.identifier.field.restName]));
  }
  return samples;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : 0;
}

/**
 * Sends `cases` requests of one API, `concurrency` at a time, and reports what came back.
 *
 * @example
 * const report = await runCampaign(target, "REST", { cases: 1_000, seed: 1, boundMs: 2_000 });
 * report.failed; // 0
 */
export async function runCampaign(
  target: FuzzTarget,
  api: "REST" | "GraphQL",
  options: { cases: number; seed: number; boundMs: number; concurrency?: number; samples?: SampleIds },
): Promise<CampaignReport> {
  const samples = options.samples ?? (await sampleIds(target.restOrigin, target.registry, target.tokens[0]!));
  const arbitrary =
    api === "REST"
      ? restRequest(target.registry, samples, { tokens: target.tokens })
      : graphqlRequest(target.schema, target.tokens);
  const origin = api === "REST" ? target.restOrigin : target.graphqlOrigin;
  const requests = fc.sample(arbitrary, { numRuns: options.cases, seed: options.seed });
  const statuses = new Map<number, number>();
  const times: number[] = [];
  const failures: CampaignReport["failures"][number][] = [];
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      let res: FuzzResponse;
      let reasons: string[];
      try {
        res = await send(origin, request, options.boundMs * 5);
        reasons =
          api === "REST"
            ? restViolations(request, res, options.boundMs)
            : graphqlViolations(res, options.boundMs);
      } catch (error) {
        res = { status: 0, headers: {}, body: "", ms: options.boundMs * 5 };
        reasons = [`no answer: ${error instanceof Error ? error.message : String(error)}`];
      }
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      times.push(res.ms);
      if (reasons.length) {
        failed += 1;
        if (failures.length < 10)
          failures.push({ request, reasons, status: res.status, body: res.body.slice(0, 300) });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  times.sort((a, b) => a - b);
  return {
    api,
    cases: requests.length,
    statuses,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    maxMs: times.at(-1) ?? 0,
    failures,
    failed,
  };
}

/** One report as a Markdown table row: API, cases, failed, statuses, latencies. */
export function reportRow(report: CampaignReport): string {
  const statuses = [...report.statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(" ");
  const ms = (n: number) => n.toFixed(1);
  return `| ${report.api} | ${report.cases} | ${report.failed} | ${statuses} | ${ms(report.p50Ms)} | ${ms(report.p99Ms)} | ${ms(report.maxMs)} |`;
}

/** The header of {@link reportRow}'s table. */
export const REPORT_HEADER =
  "| API | cases | broke the contract | statuses | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|";
