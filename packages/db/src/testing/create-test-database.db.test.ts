import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../client.ts";
import { createTestDatabase, FIXTURE, testDatabaseKind, testPostgresUrl } from "./index.ts";

describe(`createTestDatabase (${testDatabaseKind()})`, () => {
  let seeded: Database;
  let empty: Database;
  beforeAll(async () => {
    [seeded, empty] = await Promise.all([createTestDatabase({ seed: true }), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([seeded?.close(), empty?.close()]);
  });

  it("gives a seeded database with the fixtures", async () => {
    const product = await seeded.prisma.product.findUnique({
      where: { id: FIXTURE.productId },
      include: { categories: true },
    });
    expect(product?.name).toBe("The Amazing Widget");
    expect(product?.categories.map((c) => c.id)).toContain(FIXTURE.categoryId);
  });

  it("gives a migrated, empty database without seed", async () => {
    expect(await empty.prisma.user.count()).toBe(0);
    const tables = await empty.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "_prisma_migrations"`,
    );
    expect(tables[0]?.n).toBeGreaterThan(0);
  });

  it("isolates databases from each other", async () => {
    const other = await createTestDatabase({ seed: true });
    try {
      await other.prisma.user.update({
        where: { username: FIXTURE.username },
        data: { displayName: "Changed" },
      });
      const mine = await seeded.prisma.user.findUnique({ where: { username: FIXTURE.username } });
      expect(mine?.displayName).toBe("Jane Doe");
    } finally {
      await other.close();
    }
  });

  it("releases the database on close()", async () => {
    const db = await createTestDatabase();
    const [{ name } = { name: "" }] = await db.sql.query<{ name: string }>(
      "SELECT current_database() AS name",
    );
    await db.close();
    if (testDatabaseKind() === "postgres") {
      const admin = await openDatabase({ url: testPostgresUrl() });
      try {
        const rows = await admin.sql.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        expect(rows).toEqual([]);
      } finally {
        await admin.close();
      }
    } else {
      await expect(db.sql.query("SELECT 1")).rejects.toThrow();
    }
  });
});
