/** The GraphQL edge: the same tokens and rules as REST, with HTTP 401/403 when the whole operation is refused. */
import { ANONYMOUS } from "@tusk/auth";
import type { Database } from "@tusk/db";
import { createTestDatabase } from "@tusk/db/testing";
import { listen } from "@tusk/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badTokens, bearer, customer, testAuthenticator } from "../../../test-support/callers.ts";
import { createGraphqlApp } from "./app.ts";

let db: Database;
let url: string;
let shutdown: () => Promise<void>;

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  // Requests without a token are anonymous here, as in production with AUTH_ANONYMOUS=read.
  const { app, stop } = await createGraphqlApp({
    db,
    baseUrl: "http://rest.test",
    authenticator: testAuthenticator(ANONYMOUS),
  });
  const server = await listen({ port: 0, host: "127.0.0.1" });
  server.handle(app);
  url = `${server.url}/graphql`;
  shutdown = async () => {
    await server.drain(5_000);
    await stop();
  };
});
afterAll(async () => {
  await shutdown?.();
  await db?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies by shape and assert on them
type Body = { data?: any; errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[] };

async function post(query: string, authorization?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
}

describe("authentication at the GraphQL edge", () => {
  it("answers a caller with a token privately, and says answers vary by Authorization", async () => {
    const mine = await post("{ orders(first: 1) { nodes { id } } }", await bearer(customer()));
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toMatch(/private|no-store/);
    expect(mine.headers.get("vary")).toMatch(/\bAuthorization\b/i);
    const anonymous = await post("{ product(id: 73924) { name } }");
    expect(anonymous.headers.get("vary")).toMatch(/\bAuthorization\b/i);
  });

  it("refuses each bad token with 401, WWW-Authenticate and UNAUTHENTICATED before running anything", async () => {
    for (const [name, header] of await badTokens()) {
      const { status, headers, body } = await post("{ product(id: 73924) { name } }", header);
      expect(status, name).toBe(401);
      expect(headers.get("www-authenticate"), name).toMatch(
        /^Bearer realm="tusk", error="invalid_(token|request)"/,
      );
      expect(body.data, name).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code, name).toBe("UNAUTHENTICATED");
    }
  });
});

describe("rules at the GraphQL edge", () => {
  it("lets anonymous callers read public resources", async () => {
    const { status, body } = await post("{ product(id: 73924) { name lineItems { totalCount } } }");
    expect(status).toBe(200);
    expect(body.data.product).toEqual({ name: "The Amazing Widget", lineItems: { totalCount: 0 } });
  });

  it("answers 401 when the whole operation is refused, with the challenge in extensions", async () => {
    const { status, headers, body } = await post("{ orders { nodes { id } } }");
    expect(status).toBe(401);
    expect(headers.get("www-authenticate")).toBe('Bearer realm="tusk", scope="orders:read"');
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      challenge: { scope: "orders:read" },
    });
  });

  it("answers 403 insufficient_scope for a write without the scope", async () => {
    const { status, headers, body } = await post(
      `mutation { createCategory(input: { name: "x" }) { id } }`,
      await bearer(customer()),
    );
    expect(status).toBe(403);
    expect(headers.get("www-authenticate")).toContain('error="insufficient_scope", error_description=');
    expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("keeps a refusal of one root field a field error at its path beside the data", async () => {
    const { status, body } = await post("{ product(id: 73924) { name } order(id: 9) { id } }");
    expect(status).toBe(200);
    expect(body.data).toEqual({ product: { name: "The Amazing Widget" }, order: null });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[["order"], "UNAUTHENTICATED"]]);
  });

  it("shows a customer only their own rows: another's order is null, counts are theirs", async () => {
    const other = await db.prisma.order.findFirst({
      where: { username: { not: "jdoe" } },
      select: { id: true },
    });
    const own = await db.prisma.order.count({ where: { username: "jdoe" } });
    const { status, body } = await post(
      `{ other: order(id: ${other!.id}) { id } orders { totalCount } ordersAggregate { count }
         user(username: "jdoe") { email orders { totalCount } ordersAggregate { count } } }`,
      await bearer(customer()),
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      other: null,
      orders: { totalCount: own },
      ordersAggregate: { count: own },
      user: { email: "jdoe@example.com", orders: { totalCount: own }, ordersAggregate: { count: own } },
    });
  });
});
