import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { startEntry } from "../../../test-support/entry.ts";
import { sigtermUnderLoad } from "../../../test-support/sigterm-under-load.ts";

const rest = fileURLToPath(new URL("..", import.meta.url));

it("deploys drop no requests: SIGTERM to the standalone REST entry under load finishes every in-flight request, stops serving keep-alive clients and exits 0", async () => {
  const run = await sigtermUnderLoad(
    {
      command: "node --import tsx src/main.ts",
      cwd: rest,
      // One client sends as fast as it can on a machine that may be busy: the rate limit and the
      // event-loop shedding (tested on their own) would answer 429 or 503.
      env: {
        REST_PORT: "0",
        DATABASE_URL: "pglite://memory",
        SHUTDOWN_GRACE_MS: "30000",
        RATE_LIMIT: "0",
        MAX_EVENT_LOOP_DELAY_MS: "0",
      },
      ready: /REST API at (http:\/\/\S+)\/v1/,
    },
    { path: "/v1/products?limit=50", connections: 8, warmupMs: 2_000, afterMs: 3_000 },
  );
  const sentBefore = run.requests.filter((request) => request.startedAt < 0);
  const inFlight = sentBefore.filter((request) => request.endedAt > 0);
  expect(inFlight.length, run.output).toBeGreaterThan(0);
  expect(JSON.stringify(sentBefore.filter((request) => request.status !== 200)) + run.output).toMatch(
    /^\[\]/,
  );
  // A loaded machine may take a while to run the handler: count from when the entry said it drains.
  expect(run.drainingAt, run.output).toBeGreaterThanOrEqual(0);
  const servedAfter = run.requests.filter(
    (request) => request.startedAt > run.drainingAt && request.status !== undefined,
  );
  expect(servedAfter.length).toBeLessThanOrEqual(8);
  expect(servedAfter.filter((request) => request.startedAt > run.drainingAt + 1_000)).toEqual([]);
  expect({ code: run.exitCode, signal: run.signal }, run.output).toEqual({ code: 0, signal: null });
}, 240_000);

it("takes its request deadline from REQUEST_TIMEOUT_MS: at 1 ms every API request is answered 503 with Retry-After", async () => {
  const entry = await startEntry(
    fileURLToPath(new URL("./main.ts", import.meta.url)),
    { REST_PORT: "0", DATABASE_URL: "pglite://memory", REQUEST_TIMEOUT_MS: "1", RATE_LIMIT: "0" },
    /REST API at (\S+)\/v1/,
  );
  try {
    const response = await fetch(`${entry.ready[1]}/v1/products`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(((await response.json()) as { detail: string }).detail).toMatch(/within the 1 ms time limit/);
  } finally {
    expect(await entry.stop()).toBe(0);
  }
}, 120_000);
