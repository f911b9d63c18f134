import { createTestDatabase, type TestDatabaseOptions } from "@tusk/db/testing";
import { createInProcessRestApp } from "../src/in-process-app.ts";

/** The public base URL the test apps build links on. */
export const BASE = "http://rest.test";

/** A REST app over a fresh seeded database, built as every entry builds it; call `close` after. */
export async function createTestApp(options: { log?: TestDatabaseOptions["log"] } = {}) {
  const db = await createTestDatabase({ seed: true, ...(options.log ? { log: options.log } : {}) });
  const built = createInProcessRestApp({
    db,
    baseUrl: BASE,
    onUnexpectedError: (e) => {
      if (process.env.REST_DEBUG) console.error(e);
    },
  });
  return { ...built, db, close: () => db.close() };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
