import type { SubjectKind } from "./subjects/process.ts";

/** One request shape sent over and over by the load generator. */
export interface BenchCase {
  /** `one product` or `50 products + categories`: the row of the report. */
  readonly scenario: Scenario;
  readonly subject: SubjectKind;
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Throws unless a response body is the expected answer (checked once before the load). */
  check(body: unknown): void;
}

export type Scenario = "one product" | "50 products + categories";
export const SCENARIOS: readonly Scenario[] = ["one product", "50 products + categories"];

/** The fixture product every run reads. */
export const PRODUCT_ID = 73924;
export const PAGE = 50;

const PRODUCT_FIELDS = "id name description price stock createdAt updatedAt";
const CATEGORY_FIELDS = "id name description createdAt updatedAt";

// The same data the REST routes select: REST's item document, and its list document with
// `zoom=categories` (embedded lists carry 20 items, and the page carries its pageInfo).
const ONE_PRODUCT_QUERY = `query One($id: Int!) { product(id: $id) { ${PRODUCT_FIELDS} } }`;
const LIST_QUERY = `query List($first: Int!) { products(first: $first) { nodes { ${PRODUCT_FIELDS} categories(first: 20) { nodes { ${CATEGORY_FIELDS} } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

function graphqlRequest(query: string, variables: Record<string, unknown>) {
  return {
    method: "POST" as const,
    path: "/graphql",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  };
}

/** `body.products[0]` without trusting the body's shape. */
function get(value: unknown, ...keys: (string | number)[]): unknown {
  let current = value;
  for (const key of keys) current = (current as Record<string | number, unknown> | null | undefined)?.[key];
  return current;
}

function expectName(value: unknown): void {
  if (typeof (value as { name?: unknown } | null)?.name !== "string")
    throw new Error("no product in the answer");
}

function expectPage(items: unknown, embedded: (item: unknown) => unknown): void {
  if (!Array.isArray(items) || items.length !== PAGE) throw new Error(`expected ${PAGE} products`);
  if (!items.some((item) => Array.isArray(embedded(item))))
    throw new Error("products came without categories");
}

/**
 * Every case of a run: each scenario through the raw baseline, the REST app
 * and the GraphQL app (Apollo), asking for the same data.
 *
 * @example
 * benchCases().filter((c) => c.subject === "rest").map((c) => c.path);
 * // ["/v1/products/73924", "/v1/products?limit=50&zoom=categories"]
 */
export function benchCases(): BenchCase[] {
  return [
    {
      scenario: "one product",
      subject: "raw",
      method: "GET",
      path: `/products/${PRODUCT_ID}`,
      check: expectName,
    },
    {
      scenario: "50 products + categories",
      subject: "raw",
      method: "GET",
      path: `/products?limit=${PAGE}`,
      check: (body) => expectPage(get(body, "items"), (item) => get(item, "categories")),
    },
    {
      scenario: "one product",
      subject: "rest",
      method: "GET",
      path: `/v1/products/${PRODUCT_ID}`,
      check: (body) => expectName(get(body, "products", 0)),
    },
    {
      scenario: "50 products + categories",
      subject: "rest",
      method: "GET",
      path: `/v1/products?limit=${PAGE}&zoom=categories`,
      check: (body) => expectPage(get(body, "products"), (item) => get(item, "_embeds", 0, "categories")),
    },
    {
      scenario: "one product",
      subject: "graphql",
      ...graphqlRequest(ONE_PRODUCT_QUERY, { id: PRODUCT_ID }),
      check: (body) => expectName(get(body, "data", "product")),
    },
    {
      scenario: "50 products + categories",
      subject: "graphql",
      ...graphqlRequest(LIST_QUERY, { first: PAGE }),
      check: (body) =>
        expectPage(get(body, "data", "products", "nodes"), (item) => get(item, "categories", "nodes")),
    },
  ];
}
