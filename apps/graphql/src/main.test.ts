import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

it("starts from the environment (introspection off), serves, and exits cleanly on SIGTERM", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    env: {
      ...process.env,
      GRAPHQL_PORT: "0",
      DATABASE_URL: "pglite://memory",
      PUBLIC_BASE_URL: "https://rest.example.com",
      GRAPHQL_INTROSPECTION: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = once(child, "exit");
  try {
    for (let i = 0; i < 600 && !/\/graphql\n/.test(output); i++) await new Promise((r) => setTimeout(r, 100));
    const url = /GraphQL API at (\S+)/.exec(output)?.[1];
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
    child.kill("SIGTERM");
  }
  const [code] = await exited;
  expect(code).toBe(0);
}, 90_000);
