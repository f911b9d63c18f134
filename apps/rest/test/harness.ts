import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Caller } from "@tusk/auth";
import { createTestDatabase, type TestDatabaseOptions } from "@tusk/db/testing";
import type { QueryLimits } from "@tusk/schema";
import type { Logger } from "@tusk/telemetry";
import { testAuthenticator } from "../../../test-support/callers.ts";
import { createRestApp } from "../src/app.ts";
import { createRemoteExecutor } from "../src/executor/index.ts";
import { createInProcessRestApp } from "../src/in-process-app.ts";

/** The public base URL the test apps build links on. */
export const BASE = "http://rest.test";

/**
 * A REST app over a fresh seeded database, built as every entry builds it; call `close` after.
 * Requests without `Authorization` act as `caller` (default: admin); requests with a token
 * (`bearer(caller)` from test-support/callers.ts) act as the token says.
 */
export async function createTestApp(
  options: {
    log?: TestDatabaseOptions["log"];
    timeouts?: TestDatabaseOptions["timeouts"];
    baseUrl?: string;
    logger?: Logger;
    caller?: Caller;
    limits?: Partial<QueryLimits>;
  } = {},
) {
  const db = await createTestDatabase({
    seed: true,
    ...(options.log ? { log: options.log } : {}),
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
  });
  const built = createInProcessRestApp({
    db,
    baseUrl: options.baseUrl ?? BASE,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    authenticator: testAuthenticator(options.caller),
    ...(options.limits ? { limits: options.limits } : {}),
    onUnexpectedError: (e) => {
      if (process.env.REST_DEBUG) console.error(e);
    },
  });
  return { ...built, db, close: () => db.close() };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * A REST app executing remotely against a GraphQL API served on a free local port over the
 * test app's database; call `close` after (before the test app's).
 */
export async function createRemoteTestApp(
  t: TestApp,
  options: { graphqlLogger?: Logger; logger?: Logger } = {},
) {
  // Imported here: most suites never start a GraphQL API.
  const { createGraphqlApp } = await import("@tusk/graphql");
  const graphql = await createGraphqlApp({
    db: t.db,
    baseUrl: BASE,
    authenticator: testAuthenticator(),
    ...(options.graphqlLogger ? { logger: options.graphqlLogger } : {}),
  });
  const server = graphql.app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const executor = createRemoteExecutor({ url: `http://127.0.0.1:${port}/graphql` });
  const app = createRestApp({
    uris: t.uris,
    executor,
    authenticator: testAuthenticator(),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await graphql.stop();
  };
  return { app, graphql: graphql.app, close };
}

/** A test app listening on a free local port, its links built on that port (for a browser). */
export async function serveTestApp() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const t = await createTestApp({ baseUrl: url });
  server.on("request", t.app);
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  };
  return { ...t, url, close };
}
