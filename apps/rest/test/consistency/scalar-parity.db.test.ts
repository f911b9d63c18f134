import { registry } from "@tusk/registry";
import { createContext, maskError } from "@tusk/schema";
import fc from "fast-check";
import { type GraphQLFormattedError, graphql } from "graphql";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN } from "../../../../test-support/callers.ts";
import { createTestApp, type TestApp } from "../harness.ts";

/**
 * The same values sent through REST (a JSON body member, a query-string filter) and GraphQL
 * (variables) get the same verdict, are refused naming the same member, and are stored (or
 * matched) identically. The GraphQL side is written here from the conventions, not taken from
 * the REST app, so either side can be wrong on its own.
 */

type Data = Record<string, unknown>;
type Verdict = { ok: true; value: unknown } | { ok: false; names: string[] };

const products = registry.byPath("products")!;
const books = registry.byPath("books")!;

/** Values from each type's edges, the cases once seen to differ, and anything JSON holds. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 1 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("\u0000", "a\u0000", "\ud800", "", " ", "-0", "1e3"),
);
const decimalish = fc.oneof(
  fc.stringMatching(/^[ +-]?[0-9]{0,12}\.?[0-9]{0,3}(e-?[0-9])? ?$/),
  fc.double({ min: -1e12, max: 1e12, noNaN: true }),
  fc.integer(),
  fc.constantFrom(" 2 ", "+1.", ".5", "1e-7", 1e-7, 1e21, 0.1 + 0.2, "007.50", "-0.00", 12.5),
);
const intish = fc.oneof(
  fc.integer({ min: -2_147_483_649, max: 2_147_483_648 }),
  fc.double({ min: -1e10, max: 1e10 }),
  fc.constantFrom(-2_147_483_648, 2_147_483_647, 2_147_483_648, "5", 1.5, 0),
);
const textish = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: "binary", maxLength: 6 }));
const dateish = fc.oneof(
  fc.stringMatching(
    /^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,4})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/,
  ),
  fc
    .date({
      min: new Date("0001-01-01T00:00:00Z"),
      max: new Date("9999-12-31T23:59:59.999Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    "2026-12-01 10:00:00",
    "0000-01-01",
    "2026-02-30",
    "2024-02-29",
    "2026-11-21T11:00:00+01:00",
  ),
);

/** Writable fields of a product, each with values to try and the cases once seen to differ. */
const BODY_FIELDS = [
  {
    field: "price",
    values: fc.oneof(decimalish, anyJson),
    examples: [" 2 ", 1e-7, 1e21, "+1.", ".5", "1e-7"],
  },
  { field: "stock", values: fc.oneof(intish, anyJson), examples: [-2_147_483_648, 2_147_483_647, "5"] },
  { field: "name", values: fc.oneof(textish, anyJson), examples: ["\u0000", " Widget ", "\ud800"] },
  {
    field: "description",
    values: fc.oneof(textish, anyJson, fc.constant(null)),
    examples: [null, "a\u0000b"],
  },
] as const;

/** Filterable fields with an operator, query texts to try, and the cases once seen to differ. */
const FILTER_FIELDS = [
  {
    resource: products,
    field: "price",
    operator: "gte",
    texts: decimalish.map(String),
    examples: [" 2 ", "+1.", ".5", "1e-7"],
  },
  {
    resource: products,
    field: "stock",
    operator: "gte",
    texts: intish.map(String),
    examples: ["-2147483648", "2147483648", "+5"],
  },
  { resource: products, field: "name", operator: "contains", texts: textish, examples: ["\u0000", "Widget"] },
  {
    resource: products,
    field: "createdAt",
    operator: "lt",
    texts: dateish,
    examples: ["2026-12-01 10:00:00", "0000-01-01", "2026-02-30", "2026-12-01", "2026-12-01T10:00:00+01:00"],
  },
  {
    resource: books,
    field: "isbn",
    operator: "equals",
    texts: fc.oneof(fc.constantFrom("0-306-40615-2", "9780306406158", "\u0000"), textish),
    examples: ["0-306-40615-2", "\u0000"],
  },
  {
    resource: books,
    field: "publishedYear",
    operator: "in",
    texts: intish.map(String),
    examples: ["-2147483648", "1e3"],
  },
] as const;

/** The JSON value a GraphQL client writes for a query text: a number literal as a number, anything else as a string. */
function graphqlValueOf(text: string, scalar: "number" | "string"): unknown {
  const number = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text);
  return scalar === "number" && number ? Number(text) : text;
}

/** fast-check's examples for a property; the tables' union types lose the link to each arbitrary. */
const asExamples = (values: readonly unknown[]) => values.map((value) => [value] as [never]);

/** Texts a query string can carry: percent-encoding has no form for a lone surrogate. */
const encodable = (text: string) => !/\p{Surrogate}/u.test(text) && !text.includes(",");

describe("REST and GraphQL read every scalar value alike", () => {
  let t: TestApp;
  let restId: number;
  let graphqlId: number;
  beforeAll(async () => {
    t = await createTestApp();
    const [a, b] = await t.db.prisma.product.findMany({
      orderBy: { id: "asc" },
      take: 2,
      select: { id: true },
    });
    restId = a!.id;
    graphqlId = b!.id;
  });
  afterAll(() => t.close());

  async function graphqlRun(source: string, variableValues: Data) {
    const result = await graphql({
      schema: t.schema,
      source,
      variableValues,
      contextValue: createContext({ prisma: t.db.prisma, uris: t.uris, caller: ADMIN }),
    });
    const errors = result.errors?.map((error) => maskError(error)) as GraphQLFormattedError[] | undefined;
    return { data: result.data as Data | null | undefined, errors };
  }

  /** A GraphQL refusal must be BAD_USER_INPUT; the names are the argument paths it mentions. */
  function graphqlRefusal(errors: readonly GraphQLFormattedError[]): Verdict {
    const [error] = errors;
    expect(error?.extensions?.code, JSON.stringify(errors)).toBe("BAD_USER_INPUT");
    const listed = (error?.extensions?.invalidParams as { name: string }[] | undefined) ?? [];
    const quoted = [...(error?.message ?? "").matchAll(/at "([^"]+)"/g)].map((match) => match[1]!);
    return { ok: false, names: [...listed.map((param) => param.name), ...quoted] };
  }

  async function storedValue(id: number, field: string): Promise<unknown> {
    const { data } = await graphqlRun(`query ($id: Int!) { product(id: $id) { ${field} } }`, { id });
    return (data?.product as Data | undefined)?.[field];
  }

  async function restWrite(field: string, value: unknown): Promise<Verdict> {
    const restName = products.field(field)!.restName;
    const res = await request(t.app)
      .patch(`/v1/products/${restId}`)
      .send({ [restName]: value });
    if (res.status === 200) return { ok: true, value: await storedValue(restId, field) };
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    return { ok: false, names: res.body.invalid_params.map((param: { name: string }) => param.name) };
  }

  async function graphqlWrite(field: string, value: unknown): Promise<Verdict> {
    const { errors } = await graphqlRun(
      `mutation ($id: Int!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }`,
      { id: graphqlId, input: { [field]: value } },
    );
    if (errors?.length) return graphqlRefusal(errors);
    return { ok: true, value: await storedValue(graphqlId, field) };
  }

  for (const { field, values, examples } of BODY_FIELDS) {
    it(`a ${field} in a PATCH body and in GraphQL variables: same verdict, same stored value`, async () => {
      await fc.assert(
        fc.asyncProperty(values, async (value) => {
          const rest = await restWrite(field, value);
          const gql = await graphqlWrite(field, value);
          expect(rest.ok, `REST ${JSON.stringify(rest)} vs GraphQL ${JSON.stringify(gql)}`).toBe(gql.ok);
          if (rest.ok && gql.ok) expect(rest.value).toEqual(gql.value);
          if (!rest.ok && !gql.ok) {
            expect(rest.names).toContain(products.field(field)!.restName);
            expect(gql.names.some((name) => name.endsWith(`input.${field}`))).toBe(true);
          }
        }),
        { numRuns: 40, examples: asExamples(examples) },
      );
    });
  }

  for (const { resource, field, operator, texts, examples } of FILTER_FIELDS) {
    const restName = resource.field(field)!.restName;
    const scalar = ["Int", "Float"].includes(resource.field(field)!.type) ? "number" : "string";
    it(`${resource.path}?${restName}=${operator}(…) and GraphQL where variables: same verdict, same items`, async () => {
      await fc.assert(
        fc.asyncProperty(texts.filter(encodable), async (text: string) => {
          const res = await request(t.app).get(
            `/v1/${resource.path}?${restName}=${operator}(${encodeURIComponent(text)})&limit=100&fields=${resource.identifier.field.restName}`,
          );
          const value = graphqlValueOf(text, scalar);
          const { data, errors } = await graphqlRun(
            `query ($where: ${resource.model}Filter) { ${resource.plural}(where: $where, first: 100) { nodes { ${resource.identifier.field.name} } } }`,
            { where: { [field]: { [operator]: operator === "in" ? [value] : value } } },
          );
          if (errors?.length) {
            const refusal = graphqlRefusal(errors);
            expect(res.status, `REST ${res.status} for ${JSON.stringify(text)}; GraphQL refused`).toBe(400);
            expect(res.body.invalid_params.map((param: { name: string }) => param.name)).toEqual([restName]);
            expect(refusal.ok || refusal.names.some((name) => name.includes(`.${field}`))).toBe(true);
            return;
          }
          expect(
            res.status,
            `REST ${JSON.stringify(res.body)} for ${JSON.stringify(text)}; GraphQL accepted`,
          ).toBe(200);
          const ids = (items: Data[], key: string) => items.map((item) => item[key]);
          const nodes = (data?.[resource.plural] as { nodes: Data[] } | undefined)?.nodes ?? [];
          expect(ids(res.body[resource.path], resource.identifier.field.restName)).toEqual(
            ids(nodes, resource.identifier.field.name),
          );
        }),
        { numRuns: 40, examples: asExamples(examples) },
      );
    });
  }
});
