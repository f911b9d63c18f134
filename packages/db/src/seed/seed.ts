import type { Database } from "../client.ts";
import { FIXTURE_ROWS } from "./fixtures.ts";
import { estimatedLineItems, generatedRows, type SeedSizes, seedSizes } from "./generate.ts";
import { insertRows, type Row, TABLES, type TableName } from "./tables.ts";

/**
 * Progress of a seed run, in rows (the total is an estimate until the end).
 *
 * @example
 * const onProgress = ({ table, done, total }: SeedProgress) => console.log(`${table}: ${done}/${total}`);
 * await seed(db, { scale: 2, onProgress });
 */
export interface SeedProgress {
  readonly table: string;
  readonly done: number;
  readonly total: number;
}

/**
 * How much seed() generates and how.
 *
 * @example
 * const options: SeedOptions = { scale: 1, reset: true, batchSize: 2_000 };
 */
export interface SeedOptions {
  /** 0 (default) is small; each step is ten times larger. Scale 3 has over a million line items. */
  readonly scale?: number;
  /** Empty every seeded table first. */
  readonly reset?: boolean;
  /** Rows per INSERT (default 5,000). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: SeedProgress) => void;
}

/**
 * What a seed() run offered to the database.
 *
 * @example
 * const { sizes, rows }: SeedResult = await seed(db);
 * sizes.products; // 300 at scale 0
 */
export interface SeedResult {
  readonly sizes: SeedSizes;
  /** Rows offered to the database; rows already present are left as they were. */
  readonly rows: number;
}

// Sequences behind autoincrement ids: seeded rows carry explicit ids, so each
// sequence is moved past the largest id or the next API insert would collide.
const SERIAL_TABLES = ["categories", "products", "orders", "line_items"] as const;

function estimateTotal(sizes: SeedSizes): number {
  const links = sizes.products * 2 + sizes.books * 1.5;
  const lines = estimatedLineItems(sizes);
  return Math.round(
    sizes.users +
      sizes.categories +
      sizes.products +
      sizes.books +
      sizes.vehicles +
      sizes.orders +
      links +
      lines,
  );
}

async function* batches(rows: Iterable<Row>, size: number): AsyncGenerator<Row[]> {
  let batch: Row[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * Fills a migrated database with deterministic demo data: the fixtures docs
 * and tests use (category 36 "Widgets", product 73924, user jdoe, order 9 with
 * line item 12345, book 9780306406157, vehicle 1M8GDM9AXKP042788, empty
 * category 37) plus generated rows. Idempotent: rows are keyed by
 * deterministic ids and existing ones are kept.
 *
 * @example
 * await seed(db);                // about 2,000 rows, a second on PGlite
 * await seed(db, { scale: 3 });  // over a million line items
 */
export async function seed(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const scale = options.scale ?? 0;
  if (!Number.isInteger(scale) || scale < 0 || scale > 4)
    throw new RangeError(`scale must be an integer from 0 to 4, got ${scale}`);
  const sizes = seedSizes(scale);
  const batchSize = options.batchSize ?? 5_000;
  if (options.reset) {
    const tables = Object.values(TABLES).map((spec) => `"${spec.table}"`);
    await db.sql.exec(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE`);
  }
  const generated = generatedRows(sizes);
  let total = estimateTotal(sizes);
  let done = 0;
  for (const name of Object.keys(TABLES) as TableName[]) {
    const spec = TABLES[name];
    // Fixtures first, so a generated row can never take a fixture's place.
    await insertRows(db.sql, spec, FIXTURE_ROWS[name]);
    for await (const batch of batches(generated[name], batchSize)) {
      await insertRows(db.sql, spec, batch);
      done += batch.length;
      total = Math.max(total, done);
      options.onProgress?.({ table: spec.table, done, total });
    }
  }
  for (const table of SERIAL_TABLES) {
    await db.sql.query(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT max(id) FROM "${table}"), 1))`,
    );
  }
  options.onProgress?.({ table: "done", done, total: done });
  return { sizes, rows: done };
}
