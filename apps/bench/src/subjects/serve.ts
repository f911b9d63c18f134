/**
 * Child process entry: serves one subject on 127.0.0.1 (an ephemeral port) so
 * that the load generator and the server do not share an event loop, and the
 * server's memory is its own. Talks to the harness over IPC:
 * sends `{ port }` when ready, answers `"usage"` with `{ rss, heap, cpu }` (resident and
 * JavaScript heap bytes, and microseconds of CPU time used so far), and exits on `"stop"`.
 *
 * Usage: serve.ts <raw|hand|sofa|rest|graphql> <databaseUrl>
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readConfig } from "@tusk/config";
import { SUBJECT_KINDS, type SubjectKind, startSubjectInProcess } from "./load-subject.ts";
import { withResponseCache } from "./subject.ts";

const [kind, databaseUrl] = process.argv.slice(2);
if (!databaseUrl || !SUBJECT_KINDS.includes(kind as SubjectKind)) {
  throw new Error(`usage: serve.ts <${SUBJECT_KINDS.join("|")}> <databaseUrl>`);
}

// Listen first: the apps' links are built on the port the system picks.
const server = createServer();
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as AddressInfo).port;
// BENCH_SHEDDING=1 (the overload run): the production defaults of MAX_IN_FLIGHT and MAX_EVENT_LOOP_DELAY_MS.
const defaults = readConfig({});
// BENCH_RESPONSE_CACHE=1: Tusk's APIs answer reads from the response cache (the cached-reads run).
const subject = await startSubjectInProcess(kind as SubjectKind, {
  databaseUrl,
  baseUrl: `http://127.0.0.1:${port}`,
  responseCache: withResponseCache(),
  ...(process.env.BENCH_SHEDDING === "1"
    ? {
        loadShedding: {
          maxInFlight: defaults.MAX_IN_FLIGHT,
          maxEventLoopDelayMs: defaults.MAX_EVENT_LOOP_DELAY_MS,
        },
      }
    : {}),
});
server.on("request", subject.listener);

process.on("message", (message) => {
  if (message === "usage") {
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    process.send?.({ rss: memory.rss, heap: memory.heapUsed, cpu: cpu.user + cpu.system });
  } else if (message === "stop") {
    server.closeAllConnections();
    server.close(() => void subject.close().finally(() => process.exit(0)));
  }
});
process.send?.({ port });
