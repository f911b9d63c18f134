import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, type DatabaseOptions, openDatabase } from "../client.ts";
import { migrate } from "../migrate/index.ts";
import { seed } from "../seed/index.ts";
import type { TestDatabaseState } from "./pglite.ts";

/**
 * Where the PostgreSQL test suite creates its databases.
 *
 * @example
 * testPostgresUrl(); // DEFAULT_TEST_POSTGRES_URL when TUSK_POSTGRES_URL is unset
 */
export const DEFAULT_TEST_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test";

/**
 * The server the PostgreSQL suite uses: TUSK_POSTGRES_URL or the local default.
 *
 * @example
 * new URL(testPostgresUrl()).host; // "127.0.0.1:5432"
 */
export function testPostgresUrl(): string {
  return process.env.TUSK_POSTGRES_URL || DEFAULT_TEST_POSTGRES_URL;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const OBJECT_IN_USE = "55006";

/**
 * Drops a test database. A connection someone forgot to close would make the
 * drop fail; forcing it at once would kill that connection and surface as an
 * unhandled error in the test run. Idle pooled connections close on their own
 * within node-postgres's 10 s idle timeout, so wait for them first, then force.
 */
async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 12; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}"`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== OBJECT_IN_USE) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/**
 * A fresh, uniquely named database on the test server, empty, migrated or
 * seeded; close() drops it, so runs never see each other's data.
 */
export async function createPostgresTestDatabase(
  state: TestDatabaseState,
  log?: DatabaseOptions["log"],
): Promise<Database> {
  const name = `tusk_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(testPostgresUrl());
  url.pathname = `/${name}`;
  const drop = () => admin((client) => dropDatabase(client, name));
  let db: Database;
  try {
    db = await openDatabase({ url: url.toString(), poolSize: 4, log });
    if (state !== "empty") await migrate(db);
    if (state === "seeded") await seed(db);
  } catch (error) {
    await drop();
    throw error;
  }
  const opened = db;
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await drop();
    },
  };
}
