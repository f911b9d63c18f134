import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import pg from "pg";
import { type Database, type DatabaseOptions, openDatabase } from "../client.ts";
import { migrate } from "../migrate/index.ts";
import { seed } from "../seed/index.ts";
import {
  type PostgresTemplates,
  postgresTemplatesFile,
  sharedPostgresTemplate,
  type TestDatabaseState,
} from "./templates.ts";

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

function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

function databaseUrl(name: string): string {
  const url = new URL(testPostgresUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates database `name` (a copy of `template` when given) and brings it to
 * `state` unless the template already was; drops it again if that fails.
 */
async function createDatabase(
  name: string,
  state: TestDatabaseState,
  template: string | undefined,
  log?: DatabaseOptions["log"],
  timeouts?: DatabaseOptions["timeouts"],
): Promise<Database> {
  const from = template ? ` TEMPLATE "${template}"` : "";
  await admin((client) => client.query(`CREATE DATABASE "${name}"${from}`));
  try {
    const db = await openDatabase({
      url: databaseUrl(name),
      poolSize: 4,
      log,
      ...(timeouts ? { timeouts } : {}),
    });
    if (!template && state !== "empty") await migrate(db);
    if (!template && state === "seeded") await seed(db);
    return db;
  } catch (error) {
    await admin((client) => dropDatabase(client, name));
    throw error;
  }
}

/**
 * Makes this run's template databases (migrated, then seeded as a copy of it)
 * and writes their names to `dir`; returns a function that drops them.
 */
export async function writePostgresTemplates(dir: string): Promise<() => Promise<void>> {
  const templates: PostgresTemplates = {};
  const drop = () =>
    admin(async (client) => {
      for (const name of Object.values(templates)) await dropDatabase(client, name);
    });
  try {
    // A template must have no open connection when it is copied: close each at once.
    templates.migrated = uniqueName("tusk_template_migrated");
    await (await createDatabase(templates.migrated, "migrated", undefined)).close();
    templates.seeded = uniqueName("tusk_template_seeded");
    const seeded = await createDatabase(templates.seeded, "migrated", templates.migrated);
    try {
      await seed(seeded);
    } finally {
      await seeded.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  writeFileSync(postgresTemplatesFile(dir), JSON.stringify(templates));
  return drop;
}

/**
 * A fresh, uniquely named database on the test server, empty, migrated or
 * seeded (a copy of this run's template when there is one); close() drops it,
 * so runs never see each other's data.
 */
export async function createPostgresTestDatabase(
  state: TestDatabaseState,
  log?: DatabaseOptions["log"],
  timeouts?: DatabaseOptions["timeouts"],
): Promise<Database> {
  const name = uniqueName("tusk_test");
  const opened = await createDatabase(name, state, sharedPostgresTemplate(state), log, timeouts);
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await admin((client) => dropDatabase(client, name));
    },
  };
}
