/**
 * The client against the REST app in-process (listening on a free local port over a seeded
 * test database), and part of the consistency suite through it: what the client reads equals
 * what GraphQL answers for the same caller.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ANONYMOUS } from "@tusk/auth";
import { createTestDatabase, FIXTURE } from "@tusk/db/testing";
import { createInProcessRestApp } from "@tusk/rest";
import { createContext } from "@tusk/schema";
import { type GraphQLSchema, graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bearer, testAuthenticator } from "../../../test-support/callers.ts";
import { createTuskClient, type TuskClient } from "./client.ts";
import { findLink } from "./links.ts";
import { TuskProblemError } from "./problem.ts";
import { unwrap } from "./unwrap.ts";

type Db = Awaited<ReturnType<typeof createTestDatabase>>;

let db: Db;
let server: Server;
let schema: GraphQLSchema;
let anonymous: TuskClient;
let admin: TuskClient;

/** GraphQL's answer for an anonymous caller, the other side of each comparison. */
async function viaGraphql(source: string): Promise<Record<string, unknown>> {
  const { uris } = createInProcessRestApp({ db, baseUrl: baseUrl() });
  const result = await graphql({
    schema,
    source,
    contextValue: createContext({ prisma: db.prisma, uris, caller: ANONYMOUS }),
  });
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, unknown>;
}

const baseUrl = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const product = { params: { path: { product_id: String(FIXTURE.productId) } } };

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // Requests without a token are anonymous, as in production; tokens are verified.
  const built = createInProcessRestApp({
    db,
    baseUrl: baseUrl(),
    authenticator: testAuthenticator(ANONYMOUS),
  });
  schema = built.schema;
  server.on("request", built.app);
  anonymous = createTuskClient({ baseUrl: baseUrl() });
  admin = createTuskClient({ baseUrl: baseUrl(), token: (await bearer(ADMIN)).slice("Bearer ".length) });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});

describe("reading", () => {
  it("gets an item, typed, equal to GraphQL's", async () => {
    const { products } = unwrap(await anonymous.GET("/v1/products/{product_id}", product));
    const [item] = products;
    // @ts-expect-error a product has no member `colour`: the types are the document's
    expect(item?.colour).toBeUndefined();
    const { product: expected } = await viaGraphql(
      `{ product(id: ${FIXTURE.productId}) { id name price stock } }`,
    );
    expect(item).toMatchObject(expected as object);
    expect(item?.price).toBe("219.99");
  });

  it("reads embedded resources of ?zoom= as open objects", async () => {
    const { products } = unwrap(
      await anonymous.GET("/v1/products/{product_id}", {
        params: { ...product.params, query: { zoom: ["categories"], fields: ["name"] } },
      }),
    );
    const embedded = products[0]?._embeds?.[0]?.categories ?? [];
    expect(embedded.map((category) => category.id)).toContain(FIXTURE.categoryId);
  });

  it("sends lists comma-separated or repeated, as the document declares each parameter", async () => {
    const { products } = unwrap(
      await anonymous.GET("/v1/products", {
        params: { query: { fields: ["name", "price"], price: ["gte(30)", "lt(50)"], sort: "-price" } },
      }),
    );
    expect(products.map((p) => Object.keys(p).sort())).toContainEqual(["_links", "id", "name", "price"]);
    expect(products.every((p) => Number(p.price) >= 30 && Number(p.price) < 50)).toBe(true);
    expect(products.some((p) => p.id === 73925)).toBe(true);
  });

  it("filters across relations through relation_filters", async () => {
    const { products } = unwrap(
      await anonymous.GET("/v1/products", {
        params: { query: { relation_filters: { "categories.id": String(FIXTURE.categoryId) }, limit: 100 } },
      }),
    );
    const { products: related } = unwrap(
      await anonymous.GET("/v1/categories/{category_id}/products", {
        params: { path: { category_id: String(FIXTURE.categoryId) }, query: { limit: 100 } },
      }),
    );
    expect(products.map((p) => p.id)).toEqual(related.map((p) => p.id));
    expect(products.length).toBeGreaterThan(2);
  });

  it("lists every product through next links, the same ids as GraphQL in the same order", async () => {
    const first = () => anonymous.GET("/v1/products", { params: { query: { limit: 50 } } });
    let pages = 0;
    for await (const page of anonymous.pages(first())) {
      pages++;
      expect(page.products.length).toBeLessThanOrEqual(50);
    }
    const ids: number[] = [];
    for await (const item of anonymous.items(first())) ids.push(item.id as number);
    const expected: number[] = [];
    let after: string | null = null;
    do {
      const { products } = await viaGraphql(
        `{ products(first: 100, after: ${JSON.stringify(after)}) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
      );
      const page = products as {
        nodes: { id: number }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      expected.push(...page.nodes.map((node) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(ids).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 50));
    expect(pages).toBeGreaterThan(1);
  });

  it("follows a relation link by name and the canonical link by rel", async () => {
    const { products } = unwrap(await anonymous.GET("/v1/products/{product_id}", product));
    const categories = await anonymous.follow<{ categories: { id: number; _links: unknown[] }[] }>(
      products[0] ?? {},
      { name: "categories" },
    );
    const { product: expected } = await viaGraphql(
      `{ product(id: ${FIXTURE.productId}) { categories(first: 100) { nodes { id } } } }`,
    );
    expect(categories?.data.categories.map((c) => c.id)).toEqual(
      (expected as { categories: { nodes: { id: number }[] } }).categories.nodes.map((n) => n.id),
    );
    const member = await anonymous.GET("/v1/categories/{category_id}/products/{product_id}", {
      params: { path: { category_id: String(FIXTURE.categoryId), product_id: String(FIXTURE.productId) } },
    });
    expect(findLink(member, "canonical")?.href).toBe(`${baseUrl()}/v1/products/${FIXTURE.productId}`);
    const canonical = await anonymous.follow(member, "canonical");
    expect(canonical?.data).toEqual(unwrap(await anonymous.GET("/v1/products/{product_id}", product)));
    expect(await anonymous.follow(member, "no-such-rel")).toBeUndefined();
  });
});

describe("problems", () => {
  it("reads a 404 as a TuskProblemError", async () => {
    const result = await anonymous.GET("/v1/books/{isbn}", { params: { path: { isbn: "9780262033848" } } });
    expect(result.error?.status).toBe(404);
    const error = catchProblem(() => unwrap(result));
    expect(error).toMatchObject({ status: 404, code: "NOT_FOUND", title: "Not Found" });
    expect(error.detail).toBe("No book 9780262033848.");
    expect(error.type).toBe(`${baseUrl()}/v1/problems/not_found`);
    expect(error.instance).toBe("/v1/books/9780262033848");
  });

  it("reads a 422 with the fields at fault", async () => {
    const result = await admin.POST("/v1/books", {
      // @ts-expect-error `price` is a decimal string or number, and `colour` is no member of a book
      body: { isbn: "9780131103627", title: "The C Programming Language", price: ["abc"], colour: "red" },
    });
    const error = catchProblem(() => unwrap(result));
    expect(error).toMatchObject({ status: 422, code: "UNPROCESSABLE" });
    expect(error.invalidParams.map((p) => p.name).sort()).toEqual(["author", "colour", "price"]);
  });

  it("throws a TuskProblemError from the helpers too: a write without a token is 401", async () => {
    const unauthenticated = await anonymous.POST("/v1/books", {
      body: { isbn: "9780131103627", title: "K&R", author: "Kernighan", price: "1.00" },
    });
    expect(catchProblem(() => unwrap(unauthenticated))).toMatchObject({
      status: 401,
      code: "UNAUTHENTICATED",
    });
    const orders = anonymous.pages(anonymous.GET("/v1/orders", {}));
    await expect(orders.next()).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });
});

describe("writing with a token", () => {
  it("creates, updates and deletes a book", async () => {
    const created = await admin.POST("/v1/books", {
      body: {
        isbn: "978-0-262-03384-8",
        title: "Introduction to Algorithms",
        author: "Cormen",
        price: "99.00",
      },
    });
    expect(created.response.status).toBe(201);
    const [book] = unwrap(created).books;
    expect(book?.isbn).toBe("9780262033848");
    expect(created.response.headers.get("location")).toBe(`${baseUrl()}/v1/books/9780262033848`);
    const isbn = { params: { path: { isbn: "9780262033848" } } };

    const read = await admin.GET("/v1/books/{isbn}", isbn);
    const etag = read.response.headers.get("etag") ?? "";
    const updated = await admin.PATCH("/v1/books/{isbn}", {
      params: { ...isbn.params, header: { "If-Match": etag } },
      body: { price: "89.00" },
    });
    expect(unwrap(updated).books[0]?.price).toBe("89.00");
    const stale = await admin.PATCH("/v1/books/{isbn}", {
      params: { ...isbn.params, header: { "If-Match": etag } },
      body: { price: "79.00" },
    });
    expect(catchProblem(() => unwrap(stale))).toMatchObject({ status: 412, code: "PRECONDITION_FAILED" });

    const deleted = await admin.DELETE("/v1/books/{isbn}", isbn);
    expect(deleted.response.status).toBe(204);
    expect(unwrap(deleted)).toBeUndefined();
    expect((await anonymous.GET("/v1/books/{isbn}", isbn)).response.status).toBe(404);
  });
});

function catchProblem(run: () => unknown): TuskProblemError {
  try {
    run();
  } catch (error) {
    if (error instanceof TuskProblemError) return error;
    throw error;
  }
  throw new Error("expected a TuskProblemError");
}
