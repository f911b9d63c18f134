import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { BenchCase } from "./cases.ts";
import { prepareCase, verify } from "./load.ts";
import { adminAuthorization } from "./subjects/auth.ts";
import { startSubjectInProcess } from "./subjects/load-subject.ts";
import { withResponseCache } from "./subjects/subject.ts";

/**
 * SQL statements each case sends per request, counted in this process with
 * query logging on (never during a timed run). Each case is sent twice and
 * the second request counted, so one-time work does not count.
 *
 * @example
 * const counts = await countQueries(url, benchCases()); // Map { case => 2, ... }
 */
export async function countQueries(
  databaseUrl: string,
  cases: readonly BenchCase[],
): Promise<Map<BenchCase, number>> {
  const counts = new Map<BenchCase, number>();
  for (const kind of new Set(cases.map((c) => c.subject))) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const subject = await startSubjectInProcess(kind, {
      databaseUrl,
      baseUrl: origin,
      countQueries: true,
      responseCache: withResponseCache(),
    });
    server.on("request", subject.listener);
    try {
      for (const benchCase of cases.filter((c) => c.subject === kind)) {
        const prepared = await prepareCase(origin, benchCase, await adminAuthorization());
        await verify(prepared);
        const before = subject.queries();
        await verify(prepared);
        counts.set(benchCase, subject.queries() - before);
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await subject.close();
    }
  }
  return counts;
}
