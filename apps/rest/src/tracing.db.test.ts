import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@tusk/db/testing";
import { expect, it } from "vitest";
import { startEntry } from "../../../test-support/entry.ts";
import { descendsFrom, spansIn, TRACES_TO_CONSOLE } from "../../../test-support/spans.ts";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

it("with OTEL_TRACES_EXPORTER set on PostgreSQL, the SQL a REST request sends are spans of its GraphQL operation", async ({
  skip,
}) => {
  const db = await createTestDatabase({ seed: true });
  const url = db.location.kind === "postgres" ? db.location.url : undefined;
  // The pg instrumentation sees PostgreSQL only; PGlite runs inside the process, without a driver.
  if (!url) {
    await db.close();
    return skip();
  }
  try {
    const entry = await startEntry(
      main,
      {
        REST_PORT: "0",
        DATABASE_URL: url,
        ...TRACES_TO_CONSOLE,
      },
      /REST API at (\S+)/,
    );
    try {
      expect((await fetch(`${entry.ready[1]}/products/73924`)).status).toBe(200);
    } finally {
      await entry.stop();
    }
    const spans = spansIn(entry.output());
    const server = spans.find((span) => span.kind === 1 && span.name?.startsWith("GET"));
    const operation = spans.find((span) => span.name === "graphql.execute");
    expect(descendsFrom(spans, operation, server), entry.output().slice(-3_000)).toBe(true);
    // pg's query span hangs under the pool's connect span or directly under the operation.
    const queries = spans.filter((span) => span.name?.startsWith("pg.query"));
    expect(queries.some((query) => descendsFrom(spans, query, operation))).toBe(true);
  } finally {
    await db.close();
  }
}, 120_000);
