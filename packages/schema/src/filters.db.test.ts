import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function productIds(where: string): Promise<number[]> {
  const data = await h.data(`{ products(where: ${where}, first: 100) { nodes { id } } }`);
  return data.products.nodes.map((n: { id: number }) => n.id);
}

async function prismaProductIds(where: Record<string, unknown>): Promise<number[]> {
  const rows = await h.db.prisma.product.findMany({
    where,
    orderBy: { id: "asc" },
    take: 100,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

describe("filter operators, each against the same Prisma filter", () => {
  it.each([
    ["Int equals", `{ stock: { equals: 42 } }`, { stock: { equals: 42 } }],
    ["Int not", `{ stock: { not: 42 } }`, { stock: { not: 42 } }],
    ["Int in", `{ id: { in: [73924, 73925, 1] } }`, { id: { in: [73924, 73925, 1] } }],
    ["Int notIn", `{ id: { notIn: [1, 2, 3] } }`, { id: { notIn: [1, 2, 3] } }],
    ["Int lt", `{ stock: { lt: 10 } }`, { stock: { lt: 10 } }],
    ["Int lte", `{ stock: { lte: 10 } }`, { stock: { lte: 10 } }],
    ["Int gt", `{ stock: { gt: 250 } }`, { stock: { gt: 250 } }],
    ["Int gte", `{ stock: { gte: 250 } }`, { stock: { gte: 250 } }],
    ["Decimal equals (string)", `{ price: { equals: "219.99" } }`, { price: { equals: "219.99" } }],
    ["Decimal gte (number)", `{ price: { gte: 450 } }`, { price: { gte: 450 } }],
    ["Decimal lt", `{ price: { lt: "20" } }`, { price: { lt: "20" } }],
    ["Decimal in", `{ price: { in: ["219.99", "34.50"] } }`, { price: { in: ["219.99", "34.50"] } }],
    [
      "String equals",
      `{ name: { equals: "The Amazing Widget" } }`,
      { name: { equals: "The Amazing Widget" } },
    ],
    ["String contains", `{ name: { contains: "Widget" } }`, { name: { contains: "Widget" } }],
    ["String startsWith", `{ name: { startsWith: "The" } }`, { name: { startsWith: "The" } }],
    ["String endsWith", `{ name: { endsWith: "Polish" } }`, { name: { endsWith: "Polish" } }],
    ["String gt", `{ name: { gt: "W" } }`, { name: { gt: "W" } }],
    [
      "DateTime lt",
      `{ createdAt: { lt: "2026-01-01T00:00:00Z" } }`,
      { createdAt: { lt: new Date("2026-01-01T00:00:00Z") } },
    ],
    [
      "DateTime gte (date only)",
      `{ createdAt: { gte: "2026-01-15" } }`,
      { createdAt: { gte: new Date("2026-01-15") } },
    ],
    [
      "AND / OR / NOT",
      `{ OR: [{ stock: { lt: 5 } }, { price: { gt: "490" } }], NOT: [{ id: { in: [73924] } }] }`,
      { OR: [{ stock: { lt: 5 } }, { price: { gt: "490" } }], NOT: [{ id: { in: [73924] } }] },
    ],
  ])("%s", async (_name, graphqlWhere, prismaWhere) => {
    const expected = await prismaProductIds(prismaWhere);
    expect(expected.length).toBeGreaterThan(0);
    expect(await productIds(graphqlWhere)).toEqual(expected);
  });

  it("filters by an identifier scalar, normalising its operands", async () => {
    const data = await h.data(`{
      orders(where: { username: { equals: "JDoe" } }) { nodes { id username } }
      books(where: { isbn: { in: ["0-306-40615-2"] } }) { nodes { isbn } }
      vehicles(where: { vin: { not: "1m8gdm9axkp042788" }, username: { equals: "jdoe" } }) { nodes { vin } }
    }`);
    expect(data.orders.nodes).toContainEqual({ id: 9, username: "jdoe" });
    expect(data.orders.nodes.every((o: { username: string }) => o.username === "jdoe")).toBe(true);
    expect(data.books.nodes).toEqual([{ isbn: "9780306406157" }]);
    expect(data.vehicles.nodes).toEqual([]);
  });

  it("filters nullable fields by null", async () => {
    const data = await h.data(`{ books(where: { publishedYear: { not: null } }, first: 1) { totalCount } }`);
    const expected = await h.db.prisma.book.count({ where: { publishedYear: { not: null } } });
    expect(data.books.totalCount).toBe(expected);
  });

  it("applies the same filters to relation collections", async () => {
    const data = await h.data(
      `{ category(id: 36) { products(where: { name: { contains: "Polish" } }) { nodes { name } } } }`,
    );
    expect(data.category.products.nodes).toEqual([{ name: "Widget Polish" }]);
  });

  it("offers text operators on plain strings only", () => {
    const fields = (name: string) =>
      Object.keys((h.schema.getType(name) as { getFields(): object }).getFields());
    expect(fields("StringFilter")).toEqual(
      expect.arrayContaining(["contains", "startsWith", "endsWith", "gte"]),
    );
    expect(fields("ISBNFilter")).not.toContain("contains");
    expect(fields("IntFilter")).not.toContain("contains");
    expect(fields("DecimalFilter")).toEqual(["equals", "not", "in", "notIn", "lt", "lte", "gt", "gte"]);
  });

  it("a NUL byte in a text filter is BAD_USER_INPUT naming the argument path, not an internal error", async () => {
    const literal = await h.run(`{ products(where: { name: { equals: "\\u0000" } }) { totalCount } }`);
    expect(literal.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      invalidParams: [{ name: "where.name.equals", reason: "must not contain the NUL character (U+0000)" }],
    });
    const variable = await h.run(`query ($w: ProductFilter) { products(where: $w) { totalCount } }`, {
      w: { OR: [{ name: { in: ["ok", "a\u0000"] } }] },
    });
    expect(variable.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      invalidParams: [{ name: "where.OR.0.name.in" }],
    });
  });

  it("a year-0000 date filter is BAD_USER_INPUT naming the argument path, not an internal error", async () => {
    const literal = await h.run(`{ products(where: { createdAt: { gte: "0000-01-01" } }) { totalCount } }`);
    expect(literal.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      invalidParams: [{ name: "where.createdAt.gte", reason: expect.stringMatching(/year 0000/) }],
    });
    const variable = await h.run(`query ($w: ProductFilter) { products(where: $w) { totalCount } }`, {
      w: { createdAt: { gte: "0000-01-01" } },
    });
    expect(variable.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      invalidParams: [{ name: "w.createdAt.gte", reason: expect.stringMatching(/year 0000/) }],
    });
  });

  it("an impossible date is refused, not rolled over to the next month", async () => {
    const result = await h.run(`{ products(where: { createdAt: { lt: "2026-02-30" } }) { totalCount } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "where" });
  });
});

describe("bad input that still reaches a 500: deep filters and huge lists", () => {
  const query = `query ($where: ProductFilter) { products(where: $where) { totalCount } }`;
  const nestedAnd = (depth: number): Record<string, unknown> =>
    depth === 0 ? { id: { in: [73924, 73925] } } : { AND: [nestedAnd(depth - 1)] };
  const ids = (count: number) => Array.from({ length: count }, (_, i) => 73924 + i);

  it("runs filters nested and lists as long as the limits allow", async () => {
    // 7 levels of AND plus the field and operator objects and the list: exactly 16 levels.
    expect((await h.data(query, { where: nestedAnd(6) })).products.totalCount).toBe(2);
    const many = await h.data(query, { where: { id: { in: ids(1_000) } } });
    expect(many.products.totalCount).toBeGreaterThan(0);
  });

  it("refuses AND nested 80 deep and an in: list of 32,767 ids, naming the argument", async () => {
    const deep = await h.run(query, { where: nestedAnd(80) });
    expect(deep.errors?.[0]).toMatchObject({
      extensions: {
        code: "BAD_USER_INPUT",
        argumentName: "where",
        reason: "is nested more than 16 levels deep",
      },
    });
    const long = await h.run(query, { where: { id: { in: ids(32_767) } } });
    expect(long.errors?.[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", argumentName: "where", field: "id.in" },
    });
  });
});
