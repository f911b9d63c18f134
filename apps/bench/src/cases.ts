import { registry } from "@tusk/registry";
import { encodeCursor } from "@tusk/schema";
import { SUBJECT_KINDS, type SubjectKind } from "./subjects/load-subject.ts";

/** What a case sends, and what it expects back. */
export interface CaseRequest {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The status every answer must have (default 200). */
  readonly status?: 200 | 201 | 304;
  /** Sent with `If-None-Match: <the ETag of a GET of the same path>` (fetched once, first). */
  readonly revalidate?: boolean;
  /** `[<id>]` in the body is replaced by a new id in every request (unique names for creates). */
  readonly uniqueBody?: boolean;
  /** The write cases send an admin token; reads are anonymous. */
  readonly admin?: boolean;
  /** Throws unless a response body is the expected answer (checked once before the load). */
  check(body: unknown): void;
}

/** One request shape sent over and over by the load generator to one subject. */
export interface BenchCase extends CaseRequest {
  readonly scenario: Scenario;
  readonly subject: SubjectKind;
}

/** The rows of the report, in order. */
export const SCENARIOS = [
  "one product",
  "50 products + categories",
  "relation list",
  "filter + sort",
  "zoom",
  "summary view",
  "conditional GET (304)",
  "create",
  "first page",
  "deep page",
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** The fixture product every run reads, and the fixture category whose products it lists. */
export const PRODUCT_ID = 73924;
export const CATEGORY_ID = 36;
export const PAGE = 50;
/** The APIs' default page size: the relation list, filter + sort and the page cases. */
export const DEFAULT_PAGE = 20;

/** What a run knows of the database before building its cases. */
export interface CaseContext {
  /** The product after which the last page of products starts (keyset). */
  readonly deepAfterId: number;
}

const PRODUCT_FIELDS = "id name description price stock createdAt updatedAt";
const CATEGORY_FIELDS = "id name description createdAt updatedAt";
const PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";
const AGGREGATE_FIELDS =
  "count sum { price stock } avg { price stock } min { price stock createdAt updatedAt } max { price stock createdAt updatedAt }";

// The same data the REST routes select: REST's item and list documents (embedded lists of 20,
// pages with their pageInfo).
const QUERIES = {
  one: `query One($id: Int!) { product(id: $id) { ${PRODUCT_FIELDS} } }`,
  list: `query List($first: Int!) { products(first: $first) { nodes { ${PRODUCT_FIELDS} categories(first: 20) { nodes { ${CATEGORY_FIELDS} } } } ${PAGE_INFO} } }`,
  relation: `query Relation($id: Int!) { category(id: $id) { products(first: ${DEFAULT_PAGE}) { nodes { ${PRODUCT_FIELDS} } ${PAGE_INFO} } } }`,
  filtered: `query Filtered { products(first: ${DEFAULT_PAGE}, where: { price: { gte: "200" } }, orderBy: [{ field: price, direction: DESC }]) { nodes { ${PRODUCT_FIELDS} } ${PAGE_INFO} } }`,
  zoom: `query Zoom($id: Int!) { product(id: $id) { ${PRODUCT_FIELDS} categories(first: 20) { nodes { ${CATEGORY_FIELDS} } } } }`,
  summary: `query Summary($id: Int!) { category(id: $id) { productsAggregate { ${AGGREGATE_FIELDS} } } }`,
  create: `mutation Create($input: CreateCategoryInput!) { createCategory(input: $input) { ${CATEGORY_FIELDS} } }`,
  page: `query Page($after: String) { products(first: ${DEFAULT_PAGE}, after: $after) { nodes { ${PRODUCT_FIELDS} } ${PAGE_INFO} } }`,
};

const JSON_BODY = { "content-type": "application/json" };
const UNIQUE_NAME = "bench [<id>]";

function graphql(query: string, variables: Record<string, unknown>, check: (data: unknown) => void) {
  return {
    method: "POST" as const,
    path: "/graphql",
    headers: JSON_BODY,
    body: JSON.stringify({ query, variables }),
    check: (body: unknown) => check(get(body, "data")),
  };
}

/** `body.products[0]` without trusting the body's shape. */
function get(value: unknown, ...keys: (string | number)[]): unknown {
  let current = value;
  for (const key of keys) current = (current as Record<string | number, unknown> | null | undefined)?.[key];
  return current;
}

function expectName(value: unknown): void {
  if (typeof get(value, "name") !== "string") throw new Error("no product in the answer");
}

/** A page of products: `size` of them, or at least one when the data may hold fewer (a small seed). */
function expectItems(items: unknown, size: number, exact = false): asserts items is unknown[] {
  if (!Array.isArray(items) || items.length > size || items.length < (exact ? size : 1))
    throw new Error(`expected ${exact ? "" : "up to "}${size} products`);
  for (const item of items) expectName(item);
}

function expectPage(items: unknown, embedded: (item: unknown) => unknown): void {
  expectItems(items, PAGE, true);
  if (!items.some((item: unknown) => Array.isArray(embedded(item))))
    throw new Error("products came without categories");
}

function expectCount(value: unknown): void {
  if (typeof get(value, "count") !== "number") throw new Error("no count in the summary");
}

/** REST's page cursor: the GraphQL connection cursor with its direction (apps/rest/src/query/cursor.ts). */
function restCursor(graphqlCursor: string): string {
  return Buffer.from(JSON.stringify(["a", graphqlCursor])).toString("base64url");
}

type Cases = Record<Scenario, Partial<Record<SubjectKind, CaseRequest>>>;

function scenarioCases({ deepAfterId }: CaseContext): Cases {
  const products = registry.resources.find((r) => r.model === "Product");
  if (!products) throw new Error("the registry has no products");
  const deepCursor = encodeCursor(products, { id: deepAfterId });
  const filter = encodeURIComponent(JSON.stringify({ price: { gte: "200" } }));
  // One object: SOFA parses each value of a list argument on its own, and GraphQL makes it a list of one.
  const order = encodeURIComponent(JSON.stringify({ field: "price", direction: "DESC" }));
  return {
    "one product": {
      raw: { method: "GET", path: `/products/${PRODUCT_ID}`, check: expectName },
      hand: { method: "GET", path: `/products/${PRODUCT_ID}`, check: expectName },
      sofa: { method: "GET", path: `/api/product/${PRODUCT_ID}`, check: expectName },
      rest: {
        method: "GET",
        path: `/v1/products/${PRODUCT_ID}`,
        check: (b) => expectName(get(b, "products", 0)),
      },
      graphql: graphql(QUERIES.one, { id: PRODUCT_ID }, (d) => expectName(get(d, "product"))),
    },
    "50 products + categories": {
      raw: {
        method: "GET",
        path: `/products?limit=${PAGE}`,
        check: (b) => expectPage(get(b, "items"), (item) => get(item, "categories")),
      },
      hand: {
        method: "GET",
        path: `/products?limit=${PAGE}&include=categories`,
        check: (b) => expectPage(get(b, "products"), (item) => get(item, "categories")),
      },
      sofa: {
        method: "GET",
        path: `/api/products?first=${PAGE}`,
        check: (b) => expectPage(get(b, "nodes"), (item) => get(item, "categories", "nodes")),
      },
      rest: {
        method: "GET",
        path: `/v1/products?limit=${PAGE}&zoom=categories`,
        check: (b) => expectPage(get(b, "products"), (item) => get(item, "_embeds", 0, "categories")),
      },
      graphql: graphql(QUERIES.list, { first: PAGE }, (d) =>
        expectPage(get(d, "products", "nodes"), (item) => get(item, "categories", "nodes")),
      ),
    },
    "relation list": {
      raw: {
        method: "GET",
        path: `/categories/${CATEGORY_ID}/products`,
        check: (b) => expectItems(get(b, "items"), DEFAULT_PAGE),
      },
      hand: {
        method: "GET",
        path: `/categories/${CATEGORY_ID}/products`,
        check: (b) => expectItems(get(b, "products"), DEFAULT_PAGE),
      },
      // SOFA has a route per root field only: the category, with its products and everything else.
      sofa: {
        method: "GET",
        path: `/api/category/${CATEGORY_ID}`,
        check: (b) => expectItems(get(b, "products", "nodes"), DEFAULT_PAGE),
      },
      rest: {
        method: "GET",
        path: `/v1/categories/${CATEGORY_ID}/products`,
        check: (b) => expectItems(get(b, "products"), DEFAULT_PAGE),
      },
      graphql: graphql(QUERIES.relation, { id: CATEGORY_ID }, (d) =>
        expectItems(get(d, "category", "products", "nodes"), DEFAULT_PAGE),
      ),
    },
    "filter + sort": {
      raw: {
        method: "GET",
        path: "/products?min_price=200&sort=-price",
        check: (b) => expectItems(get(b, "items"), DEFAULT_PAGE),
      },
      hand: {
        method: "GET",
        path: "/products?min_price=200&sort=-price",
        check: (b) => expectItems(get(b, "products"), DEFAULT_PAGE),
      },
      sofa: {
        method: "GET",
        path: `/api/products?first=${DEFAULT_PAGE}&where=${filter}&orderBy=${order}`,
        check: (b) => expectItems(get(b, "nodes"), DEFAULT_PAGE),
      },
      rest: {
        method: "GET",
        path: "/v1/products?price=gte(200)&sort=-price",
        check: (b) => expectItems(get(b, "products"), DEFAULT_PAGE),
      },
      graphql: graphql(QUERIES.filtered, {}, (d) => expectItems(get(d, "products", "nodes"), DEFAULT_PAGE)),
    },
    zoom: {
      raw: {
        method: "GET",
        path: `/products/${PRODUCT_ID}?zoom=categories`,
        check: (b) => expectItems([b], 1),
      },
      rest: {
        method: "GET",
        path: `/v1/products/${PRODUCT_ID}?zoom=categories`,
        check: (b) =>
          expectPageOfOne(get(b, "products", 0), get(b, "products", 0, "_embeds", 0, "categories")),
      },
      graphql: graphql(QUERIES.zoom, { id: PRODUCT_ID }, (d) =>
        expectPageOfOne(get(d, "product"), get(d, "product", "categories", "nodes")),
      ),
    },
    "summary view": {
      rest: {
        method: "GET",
        path: `/v1/categories/${CATEGORY_ID}/products/views/summary`,
        check: (b) => expectCount(get(b, "summary")),
      },
      graphql: graphql(QUERIES.summary, { id: CATEGORY_ID }, (d) =>
        expectCount(get(d, "category", "productsAggregate")),
      ),
    },
    "conditional GET (304)": {
      rest: {
        method: "GET",
        path: `/v1/products/${PRODUCT_ID}`,
        status: 304,
        revalidate: true,
        check: () => {},
      },
    },
    create: {
      sofa: {
        method: "POST",
        path: "/api/create-category",
        headers: JSON_BODY,
        body: JSON.stringify({ input: { name: UNIQUE_NAME } }),
        uniqueBody: true,
        admin: true,
        check: expectName,
      },
      rest: {
        method: "POST",
        path: "/v1/categories",
        headers: JSON_BODY,
        body: JSON.stringify({ name: UNIQUE_NAME }),
        status: 201,
        uniqueBody: true,
        admin: true,
        check: (b) => expectName(get(b, "categories", 0)),
      },
      graphql: {
        ...graphql(QUERIES.create, { input: { name: UNIQUE_NAME } }, (d) =>
          expectName(get(d, "createCategory")),
        ),
        uniqueBody: true,
        admin: true,
      },
    },
    "first page": {
      hand: { method: "GET", path: "/products", check: (b) => expectItems(get(b, "products"), DEFAULT_PAGE) },
      rest: {
        method: "GET",
        path: "/v1/products",
        check: (b) => expectItems(get(b, "products"), DEFAULT_PAGE),
      },
      graphql: graphql(QUERIES.page, {}, (d) => expectItems(get(d, "products", "nodes"), DEFAULT_PAGE)),
    },
    "deep page": {
      hand: {
        method: "GET",
        path: `/products?after=${deepAfterId}`,
        check: (b) => expectItems(get(b, "products"), DEFAULT_PAGE),
      },
      rest: {
        method: "GET",
        path: `/v1/products?cursor=${restCursor(deepCursor)}`,
        check: (b) => expectItems(get(b, "products"), DEFAULT_PAGE),
      },
      graphql: graphql(QUERIES.page, { after: deepCursor }, (d) =>
        expectItems(get(d, "products", "nodes"), DEFAULT_PAGE),
      ),
    },
  };
}

function expectPageOfOne(item: unknown, categories: unknown): void {
  expectName(item);
  if (!Array.isArray(categories) || categories.length === 0)
    throw new Error("the product came without categories");
}

/**
 * Every case of a run: each scenario through every subject that can answer it (the raw
 * baseline, the hand-written Express + Prisma server, SOFA, REST and GraphQL), asking for the
 * same data. A subject without a case for a scenario is `n/a` in the report.
 *
 * @example
 * benchCases({ deepAfterId: 99_980 }).filter((c) => c.subject === "rest").map((c) => c.path)[0];
 * // "/v1/products/73924"
 */
export function benchCases(context: CaseContext): BenchCase[] {
  const cases = scenarioCases(context);
  return SCENARIOS.flatMap((scenario) =>
    SUBJECT_KINDS.flatMap((subject) => {
      const request = cases[scenario][subject];
      return request ? [{ ...request, scenario, subject }] : [];
    }),
  );
}
