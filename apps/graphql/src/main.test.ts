import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { startEntry } from "../../../test-support/entry.ts";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

it("starts from the environment (introspection off), serves, and exits cleanly on SIGTERM", async () => {
  const entry = await startEntry(
    main,
    {
      GRAPHQL_PORT: "0",
      DATABASE_URL: "pglite://memory",
      PUBLIC_BASE_URL: "https://rest.example.com",
      GRAPHQL_INTROSPECTION: "false",
    },
    /GraphQL API at (\S+)\n/,
  );
  let code: number | null;
  try {
    const url = entry.ready[1];
    expect(url).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
    const response = await fetch(url!, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ categoriesAggregate { count } }" }),
    });
    // Migrated on start, empty: the database is in memory.
    expect(await response.json()).toEqual({ data: { categoriesAggregate: { count: 0 } } });
    const introspection = await fetch(url!, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __schema { queryType { name } } }" }),
    });
    expect(introspection.status).toBe(400);
    const refused = (await introspection.json()) as { errors: { message: string }[] };
    expect(refused.errors[0]?.message).toMatch(/introspection is not allowed/);
  } finally {
    code = await entry.stop();
  }
  expect(code).toBe(0);
}, 90_000);
