import { describe, expect, it } from "vitest";
import { port } from "./kinds.ts";
import { ConfigError, readConfig, readSettings } from "./read.ts";

describe("readConfig", () => {
  it("gives every setting its default when the environment is empty", () => {
    expect(readConfig({})).toEqual({
      REST_PORT: 4000,
      GRAPHQL_PORT: 4001,
      HOST: undefined,
      PUBLIC_BASE_URL: undefined,
      DATABASE_URL: undefined,
      GRAPHQL_URL: undefined,
      GRAPHQL_INTROSPECTION: true,
      SHUTDOWN_GRACE_MS: 10_000,
    });
  });

  it("reads each variable, and treats an empty one as unset", () => {
    const config = readConfig({
      REST_PORT: "0",
      GRAPHQL_PORT: "8081",
      HOST: "127.0.0.1",
      PUBLIC_BASE_URL: "https://api.example.com/base",
      DATABASE_URL: "pglite://memory",
      GRAPHQL_URL: "",
      GRAPHQL_INTROSPECTION: "false",
      SHUTDOWN_GRACE_MS: "2500",
    });
    expect(config).toMatchObject({
      REST_PORT: 0,
      GRAPHQL_PORT: 8081,
      HOST: "127.0.0.1",
      PUBLIC_BASE_URL: "https://api.example.com/base",
      DATABASE_URL: "pglite://memory",
      GRAPHQL_URL: undefined,
      GRAPHQL_INTROSPECTION: false,
      SHUTDOWN_GRACE_MS: 2500,
    });
  });

  it.each([
    ["REST_PORT", "-1"],
    ["REST_PORT", "65536"],
    ["REST_PORT", "http"],
    ["GRAPHQL_PORT", "4000.5"],
    ["GRAPHQL_PORT", " "],
    ["PUBLIC_BASE_URL", "api.example.com"],
    ["PUBLIC_BASE_URL", "ftp://api.example.com"],
    ["PUBLIC_BASE_URL", "https://api.example.com/?x=1"],
    ["GRAPHQL_URL", "localhost:4001/graphql"],
    ["GRAPHQL_INTROSPECTION", "no"],
    ["GRAPHQL_INTROSPECTION", "TRUE"],
    ["SHUTDOWN_GRACE_MS", "10s"],
    ["SHUTDOWN_GRACE_MS", "-5"],
  ])("refuses %s=%j, naming the variable, its value and what is accepted", (name, value) => {
    const error = (() => {
      try {
        readConfig({ [name]: value });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain(`${name}=${JSON.stringify(value)}: expected `);
    expect((error as ConfigError).wrong).toHaveLength(1);
  });

  it("reports every wrong variable at once", () => {
    expect(() => readConfig({ REST_PORT: "x", GRAPHQL_PORT: "y" })).toThrow(
      /REST_PORT="x": expected an integer from 0 to 65535[\s\S]*GRAPHQL_PORT="y"/,
    );
  });
});

describe("readSettings", () => {
  it("reads a table of its caller's own", () => {
    const table = { TOOL_PORT: port(9000, "Port of a tool.") };
    expect(readSettings(table, {})).toEqual({ TOOL_PORT: 9000 });
    expect(() => readSettings(table, { TOOL_PORT: "many" })).toThrow(/TOOL_PORT="many"/);
  });
});
