/**
 * `npm run fuzz`: the large fuzz run. Launches both APIs as `npm start` does, over a PostgreSQL
 * database of its own (created, migrated and seeded when missing), sends FUZZ_CASES requests
 * drawn from the same arbitraries as the test suites (two thirds REST, one third GraphQL) and
 * prints a Markdown table of what came back, then the first requests that broke the contract.
 * Exits 1 when any did. docs/testing.md keeps the latest figures.
 *
 *   FUZZ_CASES=100000 FUZZ_SEED=1 npm run fuzz
 */
import { randomBytes } from "node:crypto";
import { ADMIN_SCOPE, createAuthenticator, customerScopes, issueToken } from "@tusk/auth";
import { launch } from "@tusk/launcher";
import { registry } from "@tusk/registry";
import { createLogger } from "@tusk/telemetry";
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from "graphql";
import pg from "pg";
import { type CampaignReport, REPORT_HEADER, reportRow, runCampaign } from "../test-support/fuzz/campaign.ts";

/** A setting of this script (not of the apps: those are in @tusk/config). */
const setting = (name: string, fallback: string) => process.env[name] ?? fallback;
const server = setting("FUZZ_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres");
const database = setting("FUZZ_DATABASE", "tusk_fuzz");
const cases = Number(setting("FUZZ_CASES", "100000"));
const seed = Number(setting("FUZZ_SEED", "1"));
const boundMs = Number(setting("FUZZ_BOUND_MS", "2000"));

async function ensureDatabase(): Promise<string> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

const secret = randomBytes(32).toString("hex");
const audience = "tusk-fuzz";
const unexpected: unknown[] = [];
const tusk = await launch({
  restPort: 0,
  graphqlPort: 0,
  host: "127.0.0.1",
  databaseUrl: await ensureDatabase(),
  authenticator: createAuthenticator({ verifier: { secret, audience }, anonymous: "read" }),
  logger: createLogger({ level: "error" }),
  onUnexpectedError: (error) => unexpected.push(error),
});
try {
  const token = async (subject: string, scopes: readonly string[]) =>
    `Bearer ${await issueToken(secret, { subject, scopes: [...scopes], audience, expiresIn: "2h" })}`;
  const tokens = [await token("admin", [ADMIN_SCOPE]), await token("jdoe", customerScopes(registry))];
  const introspection = await fetch(tusk.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: tokens[0]! },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const schema = buildClientSchema(((await introspection.json()) as { data: IntrospectionQuery }).data);
  const target = {
    restOrigin: new URL(tusk.restUrl).origin.replace("localhost", "127.0.0.1"),
    graphqlOrigin: new URL(tusk.graphqlUrl).origin,
    registry,
    schema,
    tokens,
  };
  const started = performance.now();
  const reports: CampaignReport[] = [];
  const restCases = Math.round((cases * 2) / 3);
  for (const [api, n] of [
    ["REST", restCases],
    ["GraphQL", cases - restCases],
  ] as const) {
    console.error(`${api}: ${n} cases...`);
    reports.push(await runCampaign(target, api, { cases: n, seed, boundMs, concurrency: 8 }));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `Fuzz run: ${cases} cases, seed ${seed}, bound ${boundMs} ms, PostgreSQL database ${database}, ${seconds} s.\n`,
  );
  console.log(REPORT_HEADER);
  for (const report of reports) console.log(reportRow(report));
  console.log(`\nErrors the apps masked as 500: ${unexpected.length}`);
  for (const report of reports)
    for (const failure of report.failures)
      console.log(
        `\n${report.api} ${failure.request.method} ${failure.request.path} -> ${failure.status}: ${failure.reasons.join("; ")}\n${failure.request.body?.slice(0, 300) ?? ""}\n${failure.body}`,
      );
  process.exitCode = reports.some((r) => r.failed) || unexpected.length ? 1 : 0;
} finally {
  await tusk.close(1_000);
}
