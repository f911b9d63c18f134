import { describe, expect, it } from "vitest";
import { readLauncherConfig } from "./config.ts";

describe("readLauncherConfig", () => {
  it("defaults to REST on 4000 and GraphQL on 4001 over the embedded database", () => {
    expect(readLauncherConfig({})).toEqual({
      restPort: 4000,
      graphqlPort: 4001,
      host: undefined,
      publicBaseUrl: undefined,
      databaseUrl: undefined,
    });
  });

  it("reads REST_PORT, GRAPHQL_PORT, HOST, PUBLIC_BASE_URL and DATABASE_URL", () => {
    const config = readLauncherConfig({
      REST_PORT: "0",
      GRAPHQL_PORT: "8081",
      HOST: "127.0.0.1",
      PUBLIC_BASE_URL: "https://api.example.com",
      DATABASE_URL: "pglite://memory",
    });
    expect(config).toEqual({
      restPort: 0,
      graphqlPort: 8081,
      host: "127.0.0.1",
      publicBaseUrl: "https://api.example.com",
      databaseUrl: "pglite://memory",
    });
  });

  it.each(["-1", "65536", "http", "4000.5"])("refuses REST_PORT=%s", (value) => {
    expect(() => readLauncherConfig({ REST_PORT: value })).toThrow(/REST_PORT/);
  });
});
