import { createTestDatabase, type TestDatabaseOptions } from "@tusk/db/testing";
import { registry } from "@tusk/registry";
import { createContext, createSchema } from "@tusk/schema";
import { createUriBuilder } from "@tusk/uri";
import { createRestApp } from "../src/app.ts";
import { createInProcessExecutor } from "../src/executor/index.ts";

/** The public base URL the test apps build links on. */
export const BASE = "http://rest.test";

/** A REST app over a fresh seeded database, executing in-process; call `close` after. */
export async function createTestApp(options: { log?: TestDatabaseOptions["log"] } = {}) {
  const db = await createTestDatabase({ seed: true, ...(options.log ? { log: options.log } : {}) });
  const uris = createUriBuilder({ registry, baseUrl: BASE });
  const schema = createSchema({ registry });
  const executor = createInProcessExecutor({
    schema,
    createContext: () => createContext({ prisma: db.prisma, uris }),
  });
  const app = createRestApp({
    registry,
    uris,
    executor,
    onUnexpectedError: (e) => {
      if (process.env.REST_DEBUG) console.error(e);
    },
  });
  return { app, db, uris, schema, executor, close: () => db.close() };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
