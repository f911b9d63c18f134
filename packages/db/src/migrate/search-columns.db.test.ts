// The migrations' full-text search columns against the registry, in both directions: every
// searchable resource's table has the generated `search` column whose expression is exactly the
// one the registry's searchable fields describe (same fields, order, weights and configuration)
// with a GIN index, and no other resource's table has one. The drift test cannot see this:
// schema.prisma declares the column as `Unsupported("tsvector")`, not how it is computed.
import {
  type Resource,
  readGeneratedDatamodel,
  registry,
  SEARCH_COLUMN,
  searchDocumentSql,
} from "@tusk/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client.ts";
import { createTestDatabase, testDatabaseKind } from "../testing/index.ts";

const models = new Map(readGeneratedDatamodel().models.map((model) => [model.name, model]));

/** The table and the searchable columns, in order, of a resource. */
function tableOf(resource: Resource): { table: string; columns: string[] } {
  const model = models.get(resource.model)!;
  const column = (name: string) => {
    const field = model.fields.find((f) => f.name === name)!;
    return field.dbName ?? field.name;
  };
  return { table: model.dbName ?? model.name, columns: resource.search.map((f) => column(f.name)) };
}

const GENERATED = `
  SELECT a.attgenerated AS generated, format_type(a.atttypid, a.atttypmod) AS type,
    pg_get_expr(d.adbin, d.adrelid) AS expression
  FROM pg_attribute a
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE a.attrelid = $1::regclass AND a.attname = $2 AND NOT a.attisdropped`;

describe(`full-text search columns on ${testDatabaseKind()}`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  /** How PostgreSQL prints `expression` as a generated column of a copy of `table`. */
  async function printed(table: string, expression: string): Promise<string> {
    const copy = `search_expected_${table}`;
    await db.sql.exec(
      `CREATE TEMP TABLE "${copy}" (LIKE "${table}");
       ALTER TABLE "${copy}" ADD COLUMN "expected" tsvector GENERATED ALWAYS AS (${expression}) STORED`,
    );
    try {
      const [row] = await db.sql.query<{ expression: string }>(GENERATED, [`"${copy}"`, "expected"]);
      return row!.expression;
    } finally {
      await db.sql.exec(`DROP TABLE "${copy}"`);
    }
  }

  const searchable = registry.resources.filter((r) => r.search.length > 0);
  const others = registry.resources.filter((r) => r.search.length === 0);

  it("some resources are searchable and some are not, so both directions are checked", () => {
    expect(searchable.map((r) => r.path)).toContain("products");
    expect(others.length).toBeGreaterThan(0);
  });

  it.each(searchable.map((r) => [r.path, r] as const))(
    "%s: the generated column is the registry's document, with a GIN index",
    async (_, resource) => {
      const { table, columns } = tableOf(resource);
      const rows = await db.sql.query<{ generated: string; type: string; expression: string }>(GENERATED, [
        `"${table}"`,
        SEARCH_COLUMN,
      ]);
      const wanted = searchDocumentSql(columns);
      const hint = `ALTER TABLE "${table}" ADD COLUMN "${SEARCH_COLUMN}" tsvector GENERATED ALWAYS AS (${wanted}) STORED`;
      expect(rows, `${table} has no search column; a migration needs: ${hint}`).toHaveLength(1);
      const [column] = rows;
      expect(column?.type).toBe("tsvector");
      expect(column?.generated, `${table}.${SEARCH_COLUMN} must be generated: ${hint}`).toBe("s");
      expect(column?.expression, `${table}.${SEARCH_COLUMN} differs from the registry: ${hint}`).toBe(
        await printed(table, wanted),
      );
      const indexes = await db.sql.query<{ definition: string }>(
        "SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1",
        [table],
      );
      expect(indexes.map((i) => i.definition)).toContainEqual(
        expect.stringMatching(new RegExp(`USING gin \\(${SEARCH_COLUMN}\\)$`)),
      );
    },
  );

  it.each(others.map((r) => [r.path, r] as const))("%s: has no search column", async (_, resource) => {
    const rows = await db.sql.query(GENERATED, [`"${tableOf(resource).table}"`, SEARCH_COLUMN]);
    expect(rows).toEqual([]);
  });

  it("tells a column with other fields from the registry's", async () => {
    const products = registry.byPath("products")!;
    const { table, columns } = tableOf(products);
    const [column] = await db.sql.query<{ expression: string }>(GENERATED, [`"${table}"`, SEARCH_COLUMN]);
    expect(column?.expression).not.toBe(await printed(table, searchDocumentSql([...columns].reverse())));
    expect(column?.expression).not.toBe(await printed(table, searchDocumentSql(columns.slice(0, 1))));
  });
});
