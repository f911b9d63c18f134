import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { startEntry } from "../../../test-support/entry.ts";
import { descendsFrom, spansIn, TRACES_TO_CONSOLE } from "../../../test-support/spans.ts";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

it("with OTEL_TRACES_EXPORTER set, a REST request's span is the parent of its GraphQL operation's span", async () => {
  const entry = await startEntry(
    main,
    {
      REST_PORT: "0",
      DATABASE_URL: "pglite://memory",
      ...TRACES_TO_CONSOLE,
    },
    /REST API at (\S+)/,
  );
  try {
    // Nothing is seeded: a 404, but its operation runs all the same.
    expect((await fetch(`${entry.ready[1]}/products/73924`)).status).toBe(404);
  } finally {
    await entry.stop();
  }
  const output = entry.output();
  // The drain shuts tracing down, which flushes every span before the process exits.
  const spans = spansIn(output);
  const server = spans.find((span) => span.kind === 1 && span.name?.startsWith("GET"));
  expect(server, output.slice(-3_000)).toBeDefined();
  const operation = spans.find((span) => span.name === "graphql.execute");
  expect(descendsFrom(spans, operation, server), output.slice(-3_000)).toBe(true);
  // Express's middleware are spans of the same request.
  expect(spans.some((span) => span.name?.startsWith("middleware - ") && span.parent === server?.id)).toBe(
    true,
  );
}, 120_000);
