// Proves that the committed migrations and prisma/schema.prisma describe the
// same database: both are applied to empty PGlite databases and their
// catalogs compared. Prisma's differ takes seconds, so it runs once per file.
import { PGlite } from "@electric-sql/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseOverPGlite } from "../client.ts";
import { compareSchemas, describeSchema } from "./catalog.ts";
import { diffSchemas, readSchema } from "./differ.ts";
import { migrate } from "./runner.ts";

async function catalogAfter(apply: (sql: { exec(sql: string): Promise<void> }) => Promise<unknown>) {
  const db = await databaseOverPGlite(new PGlite());
  try {
    await apply(db.sql);
    return await describeSchema(db.sql);
  } finally {
    await db.close();
  }
}

async function catalogOfMigrations() {
  const db = await databaseOverPGlite(new PGlite());
  try {
    await migrate(db);
    return await describeSchema(db.sql);
  } finally {
    await db.close();
  }
}

// A deliberate drift: schema.prisma with a column type changed, as if someone
// edited the schema and forgot the migration.
const ALTERED = readSchema().replace(
  /price(\s+)Decimal(\s+)@db\.Decimal\(12, 2\)/,
  "price$1Decimal$2@db.Decimal(10, 2)",
);

describe("migrations and schema.prisma", () => {
  let migrations: string[];
  let schema: string[];
  let altered: string[];
  beforeAll(async () => {
    const [schemaSql, alteredSql] = await Promise.all([
      diffSchemas({ to: readSchema() }),
      diffSchemas({ to: ALTERED }),
    ]);
    [migrations, schema, altered] = await Promise.all([
      catalogOfMigrations(),
      catalogAfter((sql) => sql.exec(schemaSql)),
      catalogAfter((sql) => sql.exec(alteredSql)),
    ]);
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

  it("reports the difference when the schema drifts from the migrations", () => {
    expect(ALTERED).not.toBe(readSchema());
    const difference = compareSchemas(migrations, altered);
    expect(difference.onlyInLeft).toContain("column products.price numeric(12,2) not null");
    expect(difference.onlyInRight).toContain("column products.price numeric(10,2) not null");
  });
});
