import { isbn, username, vin } from "@tusk/identifiers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client.ts";
import { createTestDatabase, testDatabaseKind } from "../testing/index.ts";
import { FIXTURE } from "./fixtures.ts";
import { seedSizes } from "./generate.ts";
import { seed } from "./seed.ts";

const TABLES = ["users", "categories", "products", "books", "vehicles", "orders", "line_items"] as const;

async function counts(db: Database): Promise<Record<string, number>> {
  const entries = await Promise.all(
    [...TABLES, "_CategoryToProduct", "_BookToCategory"].map(async (table) => {
      const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
      return [table, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries);
}

describe(`seed on ${testDatabaseKind()}`, () => {
  let db: Database;
  const progress: number[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    await seed(db, { onProgress: ({ done }) => progress.push(done) });
  });
  afterAll(() => db?.close());

  it("contains the fixtures docs and tests rely on", async () => {
    const p = db.prisma;
    const widgets = await p.category.findUnique({
      where: { id: FIXTURE.categoryId },
      include: { products: true, books: true },
    });
    expect(widgets?.name).toBe("Widgets");
    expect(widgets?.products.length).toBeGreaterThanOrEqual(2);
    expect(widgets?.books.map((b) => b.isbn)).toContain(FIXTURE.isbn);
    const widget = await p.product.findUnique({
      where: { id: FIXTURE.productId },
      include: { categories: true },
    });
    expect(widget?.name).toBe("The Amazing Widget");
    expect(widget?.price.toString()).toBe("219.99");
    expect(widget?.categories.map((c) => c.id)).toContain(FIXTURE.categoryId);
    expect((await p.user.findUnique({ where: { username: "jdoe" } }))?.displayName).toBe("Jane Doe");
    const order = await p.order.findUnique({ where: { id: FIXTURE.orderId }, include: { lineItems: true } });
    expect(order?.username).toBe("jdoe");
    expect(order?.lineItems.length).toBeGreaterThanOrEqual(2);
    expect(order?.lineItems.find((l) => l.id === 12345)).toMatchObject({
      productId: FIXTURE.productId,
      quantity: 2,
    });
    expect((await p.vehicle.findUnique({ where: { vin: FIXTURE.vin } }))?.username).toBe("jdoe");
    const empty = await p.category.findUnique({
      where: { id: FIXTURE.emptyCategoryId },
      include: { products: true, books: true },
    });
    expect(empty?.products).toEqual([]);
    expect(empty?.books).toEqual([]);
  });

  it("has the scale-0 sizes", async () => {
    const sizes = seedSizes(0);
    const n = await counts(db);
    expect(n.users).toBe(sizes.users + 1);
    expect(n.categories).toBe(sizes.categories + 2);
    expect(n.products).toBe(sizes.products + 2);
    expect(n.books).toBe(sizes.books + 1);
    expect(n.vehicles).toBe(sizes.vehicles + 1);
    expect(n.orders).toBe(sizes.orders); // fixture order 9 takes a generated id's place
    expect(n.line_items).toBeGreaterThanOrEqual(2 * sizes.orders);
    expect(n.line_items).toBeLessThanOrEqual(5 * sizes.orders);
    expect(progress.at(-1)).toBeGreaterThan(2000);
  });

  it("changes nothing when run again", async () => {
    const before = await counts(db);
    const sample = await db.sql.query(`SELECT * FROM line_items ORDER BY id LIMIT 50`);
    await seed(db);
    expect(await counts(db)).toEqual(before);
    expect(await db.sql.query(`SELECT * FROM line_items ORDER BY id LIMIT 50`)).toEqual(sample);
  });

  it("makes every ISBN, VIN and username canonical for its identifier rule", async () => {
    const isbns = await db.sql.query<{ isbn: string }>(`SELECT isbn FROM books`);
    const vins = await db.sql.query<{ vin: string }>(`SELECT vin FROM vehicles`);
    const names = await db.sql.query<{ username: string }>(`SELECT username FROM users`);
    for (const row of isbns)
      expect(isbn.parse(row.isbn), row.isbn).toMatchObject({ ok: true, isCanonical: true });
    for (const row of vins)
      expect(vin.parse(row.vin), row.vin).toMatchObject({ ok: true, isCanonical: true });
    for (const row of names)
      expect(username.parse(row.username), row.username).toMatchObject({ ok: true, isCanonical: true });
  });

  it("copies each product's price into its line items", async () => {
    const mismatches = await db.sql.query(
      `SELECT l.id FROM line_items l JOIN products p ON p.id = l.product_id WHERE l.unit_price <> p.price`,
    );
    expect(mismatches).toEqual([]);
    const quantities = await db.sql.query<{ min: number; max: number }>(
      `SELECT min(quantity) AS min, max(quantity) AS max FROM line_items`,
    );
    expect(quantities[0]).toEqual({ min: 1, max: 5 });
  });

  it("moves id sequences past the seeded ids", async () => {
    const created = await db.prisma.product.create({ data: { name: "New", price: "1.00" } });
    expect(created.id).toBeGreaterThan(FIXTURE.productId);
    const line = await db.prisma.lineItem.create({
      data: { orderId: FIXTURE.orderId, productId: created.id, quantity: 1, unitPrice: "1.00" },
    });
    expect(line.id).toBeGreaterThan(12346);
  });

  it("empties the tables first with reset", async () => {
    const other = await createTestDatabase({ seed: true });
    try {
      await other.prisma.user.create({
        data: { username: "extra", displayName: "Extra", email: "extra@example.com" },
      });
      await seed(other, { reset: true });
      expect(await other.prisma.user.findUnique({ where: { username: "extra" } })).toBeNull();
      expect((await counts(other)).users).toBe(seedSizes(0).users + 1);
    } finally {
      await other.close();
    }
  });
});
