/** TLS_CERT_FILE and TLS_KEY_FILE make every entry serve HTTPS, with Strict-Transport-Security. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { startEntry } from "../../../test-support/entry.ts";
import { httpsRequest, type TestCertificate, testCertificate } from "../../../test-support/tls.ts";

const entries = {
  launcher: fileURLToPath(new URL("./main.ts", import.meta.url)),
  rest: fileURLToPath(new URL("../../rest/src/main.ts", import.meta.url)),
  graphql: fileURLToPath(new URL("../../graphql/src/main.ts", import.meta.url)),
};
const BASE_ENV = { REST_PORT: "0", GRAPHQL_PORT: "0", DATABASE_URL: "pglite://memory" };
const QUERY = JSON.stringify({ query: "{ categoriesAggregate { count } }" });

let certificate: TestCertificate;
beforeAll(async () => {
  certificate = await testCertificate();
});

/** A REST answer over HTTPS with the certificate as the only CA: HSTS, and links on https. */
async function expectRestOverTls(restUrl: string) {
  const root = await httpsRequest(`${restUrl}/v1`, certificate.ca);
  expect(root.status).toBe(200);
  expect(root.headers["strict-transport-security"]).toMatch(/^max-age=\d+; includeSubDomains$/);
  expect(root.body).toContain(`"${restUrl}/v1/products"`);
}

async function expectGraphqlOverTls(graphqlUrl: string) {
  const answer = await httpsRequest(graphqlUrl, certificate.ca, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: QUERY,
  });
  expect(answer.status).toBe(200);
  expect(answer.headers["strict-transport-security"]).toMatch(/^max-age=\d+/);
  expect(JSON.parse(answer.body)).toMatchObject({
    data: { categoriesAggregate: { count: expect.any(Number) } },
  });
}

describe("TLS", () => {
  it("npm start serves both APIs over HTTPS only", async () => {
    const entry = await startEntry(
      entries.launcher,
      { ...BASE_ENV, ...certificate.env },
      /REST\s+(https:\/\/\S+)\/v1[\s\S]*GraphQL\s+(https:\/\/\S+)/,
    );
    try {
      const [, restUrl, graphqlUrl] = entry.ready;
      await expectRestOverTls(restUrl!);
      await expectGraphqlOverTls(graphqlUrl!);
      // Plain HTTP on the same port is not answered as HTTP.
      await expect(fetch(restUrl!.replace("https:", "http:"))).rejects.toThrow();
    } finally {
      expect(await entry.stop()).toBe(0);
    }
  }, 120_000);

  it("the standalone REST and GraphQL entries serve HTTPS", async () => {
    const rest = await startEntry(entries.rest, { ...BASE_ENV, ...certificate.env }, /REST API at (\S+)\/v1/);
    try {
      await expectRestOverTls(rest.ready[1]!);
    } finally {
      expect(await rest.stop()).toBe(0);
    }
    const graphql = await startEntry(
      entries.graphql,
      { ...BASE_ENV, ...certificate.env },
      /GraphQL API at (\S+)\n/,
    );
    try {
      expect(graphql.ready[1]).toMatch(/^https:\/\/localhost:\d+\/graphql$/);
      await expectGraphqlOverTls(graphql.ready[1]!);
    } finally {
      expect(await graphql.stop()).toBe(0);
    }
  }, 180_000);

  it.each(Object.entries(entries))(
    "%s: an unreadable key file stops the start with one line naming TLS_KEY_FILE",
    (_name, main) => {
      const run = spawnSync(process.execPath, ["--import", "tsx", main], {
        env: { ...process.env, ...BASE_ENV, ...certificate.env, TLS_KEY_FILE: "/nonexistent/key.pem" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr.trim()).toBe(
        "Cannot read TLS_KEY_FILE=/nonexistent/key.pem (ENOENT): set it to a readable PEM file.",
      );
    },
    60_000,
  );
});
