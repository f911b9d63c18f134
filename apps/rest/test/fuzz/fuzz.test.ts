import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CampaignReport, runCampaign } from "../../../../test-support/fuzz/campaign.ts";
import { serveFuzzTarget } from "../../../../test-support/fuzz/servers.ts";

/**
 * Thousands of requests drawn from the registry and the schema (every route kind and method,
 * filters, headers, bodies; GraphQL operations on every root field), sent over HTTP to both
 * APIs: no 5xx, errors in each API's format, nothing of the implementation in any error, no
 * answer slower than the bound. A larger run against PostgreSQL: `npm run fuzz`.
 */
const BOUND_MS = 2_000;

function explain(report: CampaignReport): string {
  return report.failures
    .map(
      (f) =>
        `${f.request.method} ${f.request.path} ${f.request.body?.slice(0, 200) ?? ""}\n  -> ${f.status}: ${f.reasons.join("; ")}\n  ${f.body}`,
    )
    .join("\n");
}

describe("fuzzing both APIs", () => {
  let target: Awaited<ReturnType<typeof serveFuzzTarget>>;
  beforeAll(async () => {
    target = await serveFuzzTarget();
  });
  afterAll(() => target.close());

  it("no REST request a client can send yields a 5xx, a malformed problem or a leak", async () => {
    const report = await runCampaign(target, "REST", { cases: 2_000, seed: 20261206, boundMs: BOUND_MS });
    expect(report.cases).toBe(2_000);
    expect(report.failed, explain(report)).toBe(0);
    expect(target.unexpected).toEqual([]);
    // The campaign reached the API's depth, not only its refusals.
    expect(report.statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect(report.statuses.get(400) ?? 0).toBeGreaterThan(100);
  }, 240_000);

  it("no GraphQL request a client can send yields a 5xx, a malformed error or a leak", async () => {
    const report = await runCampaign(target, "GraphQL", { cases: 1_000, seed: 20261206, boundMs: BOUND_MS });
    expect(report.failed, explain(report)).toBe(0);
    expect(target.unexpected).toEqual([]);
    expect(report.statuses.get(200) ?? 0).toBeGreaterThan(150);
    expect(report.statuses.get(400) ?? 0).toBeGreaterThan(150);
  }, 240_000);
});
