import type { Database } from "@tusk/db";
import { createTestDatabase } from "@tusk/db/testing";
import { buildRegistry, definition, readGeneratedDatamodel } from "@tusk/registry";
import { listen } from "@tusk/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testAuthenticator } from "../../../test-support/callers.ts";
import { createGraphqlApp } from "./app.ts";

interface RunningServer {
  readonly url: string;
  shutdown(): Promise<void>;
}

const BASE_URL = "https://api.example.com";
let db: Database;
let running: RunningServer;

async function start(options: Partial<Parameters<typeof createGraphqlApp>[0]> = {}): Promise<RunningServer> {
  const { app, stop } = await createGraphqlApp({
    db,
    baseUrl: BASE_URL,
    authenticator: testAuthenticator(),
    ...options,
  });
  const server = await listen({ port: 0, host: "127.0.0.1" });
  server.handle(app);
  return {
    url: server.url,
    shutdown: async () => {
      await server.drain(5_000);
      await stop();
    },
  };
}

async function post(server: RunningServer, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies by shape and assert on them
  type Body = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: response.status, body: (await response.json()) as Body };
}

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  running = await start();
});
afterAll(async () => {
  await running.shutdown();
  await db.close();
});

describe("POST /graphql", () => {
  it("answers a query with URIs under the configured base URL", async () => {
    const { status, body } = await post(running, `{ product(id: 73924) { name uri } }`);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { product: { name: "The Amazing Widget", uri: `${BASE_URL}/v1/products/73924` } },
    });
  });

  it("builds uri fields from the registry it is given, not the default one", async () => {
    const renamed = structuredClone(definition) as { resources: Record<string, { path: string }> };
    const products = renamed.resources.Product;
    if (!products) throw new Error("no Product entry");
    products.path = "goods";
    const registry = buildRegistry(readGeneratedDatamodel(), renamed as unknown as typeof definition);
    const server = await start({ registry });
    try {
      const { body } = await post(server, `{ product(id: 73924) { uri } }`);
      expect(body).toEqual({ data: { product: { uri: `${BASE_URL}/v1/goods/73924` } } });
    } finally {
      await server.shutdown();
    }
  });

  it("answers a bad identifier literal with 400 BAD_USER_INPUT naming the argument", async () => {
    const { status, body } = await post(running, `{ book(isbn: "978-0-306-40615-3") { title } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringContaining("check digit is 3, expected 7"),
      extensions: { code: "BAD_USER_INPUT", argumentName: "isbn" },
    });
  });

  it("answers a bad identifier variable with 400 BAD_USER_INPUT naming the variable", async () => {
    const { status, body } = await post(
      running,
      `query ($u: Username!) { user(username: $u) { username } }`,
      { u: "no spaces" },
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "u" });
  });

  it("refuses an abusive query before execution with QUERY_TOO_COMPLEX", async () => {
    const limited = await start({ limits: { maxDepth: 3 } });
    try {
      const { status, body } = await post(limited, `{ category(id: 36) { products { nodes { name } } } }`);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
      expect(body.data).toBeUndefined();
    } finally {
      await limited.shutdown();
    }
  });

  it("answers CONFLICT and NOT_FOUND from mutations", async () => {
    const clash = await post(
      running,
      `mutation { createUser(input: { username: "jdoe", displayName: "J", email: "j2@example.com" }) { username } }`,
    );
    expect(clash.body.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const missing = await post(running, `mutation { deleteVehicle(vin: "1HGCM82633A004352") { vin } }`);
    expect(missing.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("masks unexpected errors: no SQL, no stack", async () => {
    const broken = {
      // Reads are one raw statement each: make it fail as a broken statement would.
      prisma: new Proxy(db.prisma, {
        get: (target, key) =>
          key === "$queryRawUnsafe"
            ? () => Promise.reject(new Error('syntax error at or near "SELECT" in SELECT * FROM products'))
            : Reflect.get(target, key),
      }),
    };
    const server = await start({ db: broken });
    try {
      const { body } = await post(server, `{ product(id: 1) { name } }`);
      expect(body.errors?.[0]).toMatchObject({
        message: "Internal server error.",
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      });
      expect(JSON.stringify(body)).not.toMatch(/SELECT|stacktrace/);
    } finally {
      await server.shutdown();
    }
  });
});

describe("HTTP edges", () => {
  it("reports health from the database", async () => {
    const ok = await fetch(`${running.url}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok" });
    const down = await start({
      db: { prisma: { $queryRawUnsafe: () => Promise.reject(new Error("down")) } as never },
    });
    try {
      const response = await fetch(`${down.url}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "unavailable", reason: "database unavailable" });
    } finally {
      await down.shutdown();
    }
  });

  it("answers a body over the limit with 413 as JSON", async () => {
    const small = await start({ bodyLimit: "1kb" });
    try {
      const response = await fetch(`${small.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ products { nodes { id } } }`, padding: "x".repeat(2000) }),
      });
      expect(response.status).toBe(413);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: expect.stringContaining("exceeds the limit"),
            extensions: { code: "PAYLOAD_TOO_LARGE" },
          },
        ],
      });
    } finally {
      await small.shutdown();
    }
  });

  it("answers malformed JSON with 400 as JSON", async () => {
    const response = await fetch(`${running.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_USER_INPUT" } }],
    });
  });

  it("answers preflights as CORS_ORIGINS says: by default any origin, but without a token", async () => {
    const preflight = (server: RunningServer, origin: string, headers: string) =>
      fetch(`${server.url}/graphql`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": headers,
        },
      });
    const allowOrigin = (response: Response) => response.headers.get("access-control-allow-origin");
    expect(allowOrigin(await preflight(running, "https://app.example.com", "content-type"))).toBe("*");
    expect(
      allowOrigin(await preflight(running, "https://app.example.com", "content-type, authorization")),
    ).toBeNull();
    const listed = await start({ edge: { corsOrigins: ["https://shop.example"] } });
    try {
      expect(
        allowOrigin(await preflight(listed, "https://shop.example", "content-type, authorization")),
      ).toBe("https://shop.example");
      expect(allowOrigin(await preflight(listed, "https://app.example.com", "content-type"))).toBeNull();
    } finally {
      await listed.shutdown();
    }
  });

  it("spends the rate-limit budget in proportion to an operation's cost, refusing one it cannot pay for", async () => {
    const limited = await start({ edge: { rateLimit: { limit: 80, windowMs: 60_000 } } });
    try {
      const send = (query: string) =>
        fetch(`${limited.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query }),
        });
      const cheap = await send("{ product(id: 73924) { name } }");
      expect(cheap.status).toBe(200);
      expect(cheap.headers.get("ratelimit")).toMatch(/^"graphql"; r=79; t=\d+$/);
      // products 1 + 10 × (nodes 1 + name 1 + categories (1 + 10 × (nodes 1 + name 1))) = 231: three points.
      const page = await send(
        "{ products(first: 10) { nodes { name categories(first: 10) { nodes { name } } } } }",
      );
      expect(page.status).toBe(200);
      expect(page.headers.get("ratelimit")).toMatch(/^"graphql"; r=76; t=\d+$/);
      // 1 + 100 × (1 + 1 + (1 + 20 × 2)) = 4301: 44 points; the 32 left after the first cannot pay for a second.
      const costly = "{ products(first: 100) { nodes { name categories(first: 20) { nodes { name } } } } }";
      expect((await send(costly)).status).toBe(200);
      const refused = await send(costly);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.headers.get("ratelimit")).toMatch(/^"graphql"; r=0; t=\d+$/);
      const body = (await refused.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors[0]?.extensions.code).toBe("TOO_MANY_REQUESTS");
    } finally {
      await limited.shutdown();
    }
  });

  it("sends security headers, and answers 429 with Retry-After over the rate limit, health checks excepted", async () => {
    const limited = await start({ edge: { rateLimit: { limit: 2, windowMs: 60_000 } } });
    try {
      const post = () =>
        fetch(`${limited.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ __typename }" }),
        });
      const first = await post();
      expect(first.status).toBe(200);
      expect(first.headers.get("content-security-policy")).toBe("default-src 'none';frame-ancestors 'none'");
      expect(first.headers.get("x-content-type-options")).toBe("nosniff");
      expect((await post()).status).toBe(200);
      const over = await post();
      expect(over.status).toBe(429);
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await over.json()).toEqual({
        errors: [
          {
            message: expect.stringContaining("Too Many Requests"),
            extensions: { code: "TOO_MANY_REQUESTS" },
          },
        ],
      });
      expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
    } finally {
      await limited.shutdown();
    }
  });

  it("sheds load: 503 with Retry-After and SERVICE_UNAVAILABLE while overloaded; health checks still answer", async () => {
    const overloaded = await start({
      edge: { loadShedding: { maxInFlight: 0, maxEventLoopDelayMs: 500, eventLoopDelay: () => 900 } },
    });
    try {
      const response = await fetch(`${overloaded.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      expect(await response.json()).toEqual({
        errors: [
          { message: expect.stringContaining("overloaded"), extensions: { code: "SERVICE_UNAVAILABLE" } },
        ],
      });
      expect((await fetch(`${overloaded.url}/healthz`)).status).toBe(200);
    } finally {
      await overloaded.shutdown();
    }
  });

  it("serves a browser GraphiQL that loads nothing from a CDN", async () => {
    const response = await fetch(`${running.url}/graphql`, { headers: { accept: "text/html" } });
    const text = await response.text();
    expect(text).toContain('id="graphiql"');
    const loaded = [...text.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(loaded.length).toBeGreaterThan(0);
    for (const url of loaded) expect(url).toMatch(/^(\/graphiql\/assets\/|data:)/);
  });
});

describe("one GraphQL request freezes both APIs: every refusal is a 400", () => {
  const doublingFragments = (count: number) => {
    let fragments = "";
    for (let i = 0; i < count; i++)
      fragments += `fragment F${i} on Product { name ${i + 1 < count ? `...F${i + 1} ...F${i + 1}` : ""} }\n`;
    return `{ product(id: 73924) { ...F0 } }\n${fragments}`;
  };

  it.each([
    ["fragments that each spread the next twice", doublingFragments(25), "QUERY_TOO_COMPLEX"],
    [
      "a document over the length limit",
      `{ product(id: 73924) { name } }${" ".repeat(100_001)}`,
      "QUERY_TOO_COMPLEX",
    ],
    ["a document over the token limit", `{ ${"__typename ".repeat(6_000)} }`, "QUERY_TOO_COMPLEX"],
    [
      "too many aliases",
      `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(" ")} }`,
      "QUERY_TOO_COMPLEX",
    ],
    [
      "introspection answered many times over",
      `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: __schema { types { name fields { name args { name } } } }`).join(" ")} }`,
      "QUERY_TOO_COMPLEX",
    ],
    [
      "3,000 nested braces",
      `{ products(where: ${"{ AND: ".repeat(3_000)}{}${" }".repeat(3_000)}) { totalCount } }`,
      "BAD_USER_INPUT",
    ],
  ])("%s", async (_, query, code) => {
    const { status, body } = await post(running, query);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(JSON.stringify(body)).not.toMatch(/call stack|Syntax Error/);
  });

  it("refuses variables nested too deep or with lists too long, naming the argument", async () => {
    const nestedAnd = (depth: number): Record<string, unknown> =>
      depth === 0 ? { id: { gte: 1 } } : { AND: [nestedAnd(depth - 1)] };
    const query = `query ($where: ProductFilter) { products(where: $where) { totalCount } }`;
    const deep = await post(running, query, { where: nestedAnd(80) });
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "where",
    });
    const ids = Array.from({ length: 32_767 }, (_, i) => i + 1);
    const long = await post(running, query, { where: { id: { in: ids } } });
    expect(long.status).toBe(400);
    expect(long.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "where",
      field: "id.in",
    });
  });

  it("answers the full introspection query", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const { status, body } = await post(running, getIntrospectionQuery({ descriptions: true }));
    expect(status).toBe(200);
    expect(body.data.__schema.types.length).toBeGreaterThan(50);
  });

  it("refuses introspection when it is switched off, and still answers queries", async () => {
    const server = await start({ introspection: false });
    try {
      for (const query of ["{ __schema { types { name } } }", '{ __type(name: "Order") { description } }']) {
        const { status, body } = await post(server, query);
        expect(status, query).toBe(400);
        expect(body.errors?.[0]?.extensions?.code, query).toBe("BAD_USER_INPUT");
        expect(body.errors?.[0]?.message, query).toMatch(/introspection is not allowed/);
      }
      const { status, body } = await post(server, "{ product(id: 73924) { name } }");
      expect(status).toBe(200);
      expect(body.data.product.name).toBe("The Amazing Widget");
    } finally {
      await server.shutdown();
    }
  });

  it("tells through introspection which scope each root field needs", async () => {
    const { body } = await post(running, '{ __type(name: "Query") { fields { name description } } }');
    const fields = new Map<string, string>(
      body.data.__type.fields.map((field: { name: string; description: string }) => [
        field.name,
        field.description,
      ]),
    );
    expect(fields.get("orders")).toMatch(/\n\nScope: `orders:read` \(only your own rows\)\.$/);
    expect(fields.get("products")).toMatch(/\n\nScope: none \(public\)\.$/);
  });
});

describe("compression", () => {
  const ask = (query: string, acceptEncoding: string) =>
    fetch(`${running.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-encoding": acceptEncoding },
      body: JSON.stringify({ query }),
    });

  it("compresses answers of 1 KB or more as the client accepts, and leaves small ones alone", async () => {
    for (const coding of ["gzip", "br"]) {
      const large = await ask("{ products(first: 50) { nodes { id name description } } }", coding);
      expect(large.headers.get("content-encoding"), coding).toBe(coding);
      // fetch decodes the body itself.
      const body = (await large.json()) as { data: { products: { nodes: unknown[] } } };
      expect(body.data.products.nodes, coding).toHaveLength(50);
    }
    const small = await ask("{ product(id: 73924) { name } }", "gzip, br");
    expect(small.headers.get("content-encoding")).toBeNull();
    const body = (await small.json()) as { data: { product: { name: string } } };
    expect(body.data.product.name).toBe("The Amazing Widget");
  });
});
