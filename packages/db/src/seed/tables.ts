import type { SqlRunner } from "../sql-executor.ts";

/** A seeded table: its columns and the PostgreSQL array type each is sent as. */
export interface TableSpec {
  readonly table: string;
  readonly columns: readonly (readonly [name: string, type: string])[];
}

const timestamps = [
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
] as const;

// Listed in insertion order: every table after the ones its foreign keys point to.
export const TABLES = {
  users: {
    table: "users",
    columns: [["username", "text"], ["display_name", "text"], ["email", "text"], ...timestamps],
  },
  categories: {
    table: "categories",
    columns: [["id", "int4"], ["name", "text"], ["description", "text"], ...timestamps],
  },
  products: {
    table: "products",
    columns: [
      ["id", "int4"],
      ["name", "text"],
      ["description", "text"],
      ["price", "numeric"],
      ["stock", "int4"],
      ...timestamps,
    ],
  },
  productCategories: {
    table: "_CategoryToProduct",
    columns: [
      ["A", "int4"],
      ["B", "int4"],
    ],
  },
  books: {
    table: "books",
    columns: [
      ["isbn", "text"],
      ["title", "text"],
      ["author", "text"],
      ["published_year", "int4"],
      ["price", "numeric"],
      ...timestamps,
    ],
  },
  bookCategories: {
    table: "_BookToCategory",
    columns: [
      ["A", "text"],
      ["B", "int4"],
    ],
  },
  vehicles: {
    table: "vehicles",
    columns: [
      ["vin", "text"],
      ["make", "text"],
      ["model", "text"],
      ["year", "int4"],
      ["username", "text"],
      ...timestamps,
    ],
  },
  orders: {
    table: "orders",
    columns: [
      ["id", "int4"],
      ["username", "text"],
      ["status", "text"],
      ["placed_at", "timestamptz"],
      ...timestamps,
    ],
  },
  lineItems: {
    table: "line_items",
    columns: [
      ["id", "int4"],
      ["order_id", "int4"],
      ["product_id", "int4"],
      ["quantity", "int4"],
      ["unit_price", "numeric"],
      ...timestamps,
    ],
  },
} as const satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;

/** One row as values in the table's column order. */
export type Row = readonly unknown[];

/**
 * Inserts rows with one statement per batch: one array parameter per column
 * unnested server-side, so a batch of thousands of rows needs only a handful
 * of parameters. Rows already present (same key) are left alone, which is
 * what makes seeding idempotent.
 *
 * @example
 * await insertRows(db.sql, TABLES.users, [["jdoe", "Jane Doe", "jdoe@example.com", now, now]]);
 */
export async function insertRows(sql: SqlRunner, spec: TableSpec, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = spec.columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = spec.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const params = spec.columns.map((_, i) => rows.map((row) => row[i] ?? null));
  await sql.query(
    `INSERT INTO "${spec.table}" (${names}) SELECT * FROM unnest(${arrays}) ON CONFLICT DO NOTHING`,
    params,
  );
}
