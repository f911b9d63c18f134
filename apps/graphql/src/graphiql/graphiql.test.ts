import type { PrismaClient } from "@tusk/db";
import { type ListeningServer, listen } from "@tusk/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphqlApp } from "../app.ts";
import { GRAPHIQL_ASSETS } from "./assets.ts";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

let running: ListeningServer;
let stopApollo: () => Promise<void>;
beforeAll(async () => {
  // No request here reaches the database.
  const { app, stop } = await createGraphqlApp({
    db: { prisma: {} as PrismaClient },
    baseUrl: "http://localhost:4000",
  });
  running = await listen({ port: 0, host: "127.0.0.1" });
  running.handle(app);
  stopApollo = stop;
});
afterAll(async () => {
  await running.drain(5_000);
  await stopApollo();
});

function get(path: string, headers: Record<string, string> = {}) {
  return fetch(`${running.url}${path}`, { headers });
}

describe("GraphiQL at the endpoint", () => {
  it("is what a browser opening /graphql gets, with a policy that allows only the app's own scripts", async () => {
    const res = await get("/graphql", { Accept: BROWSER_ACCEPT });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const policy = res.headers.get("content-security-policy");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).not.toMatch(/https?:|'unsafe-eval'/);
  });

  it("carries the guide's example queries, and none can close the settings block", async () => {
    const html = await (await get("/graphql", { Accept: BROWSER_ACCEPT })).text();
    const settings = /<script type="application\/json" id="graphiql-settings">(.*?)<\/script>/s.exec(html);
    const { endpoint, examples } = JSON.parse(settings![1]!);
    expect(endpoint).toBe("/graphql");
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples[0]).toContain('book(isbn: "0-306-40615-2")');
  });

  it("serves every bundle file the page needs", async () => {
    for (const name of GRAPHIQL_ASSETS) {
      const res = await get(`/graphiql/assets/${name}`);
      expect(res.status, name).toBe(200);
      await res.arrayBuffer();
    }
    expect((await get("/graphiql/assets/examples.json")).status).toBe(404);
  });

  it("leaves API requests to Apollo, with its CSRF protection on", async () => {
    const query = await get("/graphql?query=%7B__typename%7D", {
      Accept: BROWSER_ACCEPT,
      "Apollo-Require-Preflight": "true",
    });
    expect(await query.json()).toEqual({ data: { __typename: "Query" } });
    // A browser-like GET with no preflight header is refused by Apollo, not served the page.
    const unsafe = await get("/graphql?query=%7B__typename%7D", { Accept: BROWSER_ACCEPT });
    expect(unsafe.status).toBe(400);
    expect(await unsafe.text()).toContain("CSRF");
    const simple = await fetch(`${running.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: "{ __typename }",
    });
    expect(simple.status).toBe(400);
  });
});
