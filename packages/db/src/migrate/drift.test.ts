// Proves that the committed migrations and prisma/schema.prisma describe the
// same database: the run's migrated template and an empty PGlite database given
// the differ's SQL for schema.prisma have the same catalog. Prisma's differ
// takes seconds, so it runs once per file.
import { PGlite } from "@electric-sql/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseOverPGlite } from "../client.ts";
import { createTestDatabase } from "../testing/index.ts";
import { compareSchemas, describeSchema } from "./catalog.ts";
import { diffSchemas, readSchema } from "./differ.ts";

/** The catalog of the run's migrated template database: the committed migrations, applied. */
async function catalogOfMigrations() {
  const db = await createTestDatabase();
  try {
    return await describeSchema(db.sql);
  } finally {
    await db.close();
  }
}

/**
 * The catalog of an empty database after `schemaSql`, and after a deliberate drift on top of it
 * (a column type changed, as if someone edited the schema and forgot the migration).
 */
async function catalogsOfSchema(schemaSql: string) {
  const db = await databaseOverPGlite(new PGlite());
  try {
    await db.sql.exec(schemaSql);
    const schema = await describeSchema(db.sql);
    await db.sql.exec('ALTER TABLE "products" ALTER COLUMN "price" TYPE DECIMAL(10,2)');
    return { schema, altered: await describeSchema(db.sql) };
  } finally {
    await db.close();
  }
}

describe("migrations and schema.prisma", () => {
  let migrations: string[];
  let schema: string[];
  let altered: string[];
  beforeAll(async () => {
    const [fromMigrations, fromSchema] = await Promise.all([
      catalogOfMigrations(),
      diffSchemas({ to: readSchema() }).then(catalogsOfSchema),
    ]);
    migrations = fromMigrations;
    ({ schema, altered } = fromSchema);
  });

  it("describe the same tables, columns, indexes and constraints", () => {
    expect(migrations.length).toBeGreaterThan(50);
    expect(compareSchemas(migrations, schema)).toEqual({ onlyInLeft: [], onlyInRight: [] });
  });

  it("covers every kind of object the comparison claims to", () => {
    for (const kind of ["table ", "column ", "index ", "constraint "]) {
      expect(
        migrations.some((line) => line.startsWith(kind)),
        kind,
      ).toBe(true);
    }
    expect(migrations).toContain("column products.price numeric(12,2) not null");
    expect(migrations).toContain(
      "constraint line_items.line_items_product_id_fkey: FOREIGN KEY (product_id) REFERENCES products(id) ON UPDATE RESTRICT ON DELETE RESTRICT",
    );
  });

  it("reports the difference when a column's type drifts", () => {
    const difference = compareSchemas(migrations, altered);
    expect(difference.onlyInLeft).toContain("column products.price numeric(12,2) not null");
    expect(difference.onlyInRight).toContain("column products.price numeric(10,2) not null");
  });
});
