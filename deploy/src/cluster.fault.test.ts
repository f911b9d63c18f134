import { randomBytes } from "node:crypto";
import { ADMIN_SCOPE, issueToken } from "@tusk/auth";
import { faultTestsSkipped } from "@tusk/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, deploymentUnavailable, startCluster } from "./cluster.ts";

const RATE_LIMIT = 150;

/**
 * fetch as a client of a busy deployment should: a 503 (an instance shedding load, or none ready
 * for a moment) is retried after its Retry-After, at most five times.
 */
async function send(url: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, init);
    if (res.status !== 503 || attempt === 5) return res;
    const wait = Math.min(Number(res.headers.get("retry-after") ?? 1), 2);
    await new Promise((r) => setTimeout(r, wait * 1_000));
  }
}

/** Polls `probe` until it is true (10 s at most). */
async function eventually(probe: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await probe()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function sql<Row>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

/**
 * The deployment of deploy/: HAProxy, two instances of each API, a primary, a streaming replica
 * and Redis, all started here on spare ports. Requests name a client of their own with
 * X-Forwarded-For (the instances trust the balancer on loopback), so each test has its own
 * rate-limit budget.
 */
// Skipped where HAProxy or Redis is not installed, except in CI, where .ci/run installs them.
const skipped = faultTestsSkipped() || (deploymentUnavailable() !== undefined && process.env.CI !== "true");

describe.skipIf(skipped)("several instances behind a load balancer", () => {
  const secret = randomBytes(32).toString("hex");
  let cluster: Cluster;
  /**
   * Headers of a request from `client`'s address; with `subject`, also an admin token for that
   * subject. Rate limits count a token's subject, and a request without one by its address.
   */
  const headers = async (client: string, subject?: string) => ({
    "content-type": "application/json",
    "x-forwarded-for": client,
    ...(subject
      ? {
          authorization: `Bearer ${await issueToken(secret, { subject, scopes: [ADMIN_SCOPE], expiresIn: "1h" })}`,
        }
      : {}),
  });
  beforeAll(async () => {
    cluster = await startCluster({ rateLimit: RATE_LIMIT, jwtSecret: secret });
  }, 240_000);
  afterAll(() => cluster?.stop(), 60_000);

  it("spreads requests of both APIs over their instances", async () => {
    const served = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const rest = await send(`${cluster.restUrl}/v1/products/73924`, {
        headers: await headers("198.51.100.1"),
      });
      expect(rest.status, await rest.clone().text()).toBe(200);
      const graphql = await send(cluster.graphqlUrl, {
        method: "POST",
        headers: await headers("198.51.100.1"),
        body: JSON.stringify({ query: "{ product(id: 73924) { name } }" }),
      });
      expect(graphql.status).toBe(200);
      served.add(rest.headers.get("x-served-by")!).add(graphql.headers.get("x-served-by")!);
    }
    expect([...served].sort()).toEqual(["graphql1", "graphql2", "rest1", "rest2"]);
  });

  it("counts a client against one rate-limit budget whichever instance answers", async () => {
    const served = new Set<string>();
    for (let i = 0; i < RATE_LIMIT; i++) {
      const res = await send(`${cluster.restUrl}/v1/products/73924`, {
        headers: await headers("203.0.113.7"),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit")).toMatch(new RegExp(`r=${RATE_LIMIT - 1 - i};`));
      served.add(res.headers.get("x-served-by")!);
    }
    expect(served.size).toBe(2);
    const over = await send(`${cluster.restUrl}/v1/products/73924`, {
      headers: await headers("203.0.113.7"),
    });
    expect(over.status).toBe(429);
    // Another client still has its whole budget.
    expect(
      (await send(`${cluster.restUrl}/v1/products/73924`, { headers: await headers("203.0.113.8") })).status,
    ).toBe(200);
  });

  it("honours an Idempotency-Key on the other instance: the retry gets the first answer, one row is written", async () => {
    const writer = await headers("198.51.100.3", "retrying-admin");
    const create = () =>
      send(`${cluster.restUrl}/v1/categories`, {
        method: "POST",
        headers: { ...writer, "idempotency-key": "deploy-retry-1" },
        body: JSON.stringify({ name: "Created once" }),
      });
    const first = await create();
    const retry = await create();
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("x-served-by")).not.toBe(first.headers.get("x-served-by"));
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    expect(await retry.json()).toEqual(await first.json());
    const rows = await sql(cluster.primary.url, "SELECT 1 FROM categories WHERE name = 'Created once'");
    expect(rows).toHaveLength(1);
  });

  it("reads from the replica: a write is answered by the primary and becomes visible once replayed", async () => {
    await sql(cluster.replica.url, "SELECT pg_wal_replay_pause()");
    try {
      const created = await send(`${cluster.restUrl}/v1/categories`, {
        method: "POST",
        headers: await headers("198.51.100.2", "replica-admin"),
        body: JSON.stringify({ name: "Written while the replica waits" }),
      });
      expect(created.status).toBe(201);
      const location = created.headers.get("location")!;
      expect(location.startsWith(cluster.restUrl)).toBe(true);
      expect((await send(location, { headers: await headers("198.51.100.2") })).status).toBe(404);
      await sql(cluster.replica.url, "SELECT pg_wal_replay_resume()");
      expect(
        await eventually(
          async () => (await send(location, { headers: await headers("198.51.100.2") })).status === 200,
        ),
      ).toBe(true);
    } finally {
      await sql(cluster.replica.url, "SELECT pg_wal_replay_resume()").catch(() => {});
    }
  });

  it("loses no acknowledged write when an instance is killed under load", async () => {
    const acknowledged: string[] = [];
    let afterKill = 0;
    let killed = false;
    let failed = 0;
    const deadline = Date.now() + 3_000;
    const worker = async (n: number) => {
      const own = await headers(`192.0.2.${n + 1}`, `load-admin-${n}`);
      for (let i = 0; Date.now() < deadline; i++) {
        const name = `Load ${n}-${i}`;
        const res = await send(`${cluster.restUrl}/v1/categories`, {
          method: "POST",
          headers: own,
          body: JSON.stringify({ name }),
        }).catch(() => undefined);
        if (res?.status === 201) {
          acknowledged.push(name);
          if (killed) afterKill += 1;
        } else failed += 1;
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, n) => worker(n)));
    await new Promise((r) => setTimeout(r, 1_000));
    cluster.instances.find((instance) => instance.name === "rest1")!.kill();
    killed = true;
    await load;
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(afterKill, `${failed} requests were not acknowledged`).toBeGreaterThan(10);
    const stored = await sql<{ name: string }>(
      cluster.primary.url,
      "SELECT name FROM categories WHERE name = ANY($1)",
      [acknowledged],
    );
    expect(stored.map((row) => row.name).sort()).toEqual([...acknowledged].sort());
  });
});
