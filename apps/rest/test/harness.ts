import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabaseOptions } from "@tusk/db/testing";
import { createInProcessRestApp } from "../src/in-process-app.ts";

/** The public base URL the test apps build links on. */
export const BASE = "http://rest.test";

/** A REST app over a fresh seeded database, built as every entry builds it; call `close` after. */
export async function createTestApp(
  options: {
    log?: TestDatabaseOptions["log"];
    timeouts?: TestDatabaseOptions["timeouts"];
    baseUrl?: string;
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
    onUnexpectedError: (e) => {
      if (process.env.REST_DEBUG) console.error(e);
    },
  });
  return { ...built, db, close: () => db.close() };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

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
