import { describe, expect, it } from "vitest";
import { databaseTimeouts } from "./database-timeouts.ts";
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
      TLS_CERT_FILE: undefined,
      TLS_KEY_FILE: undefined,
      REQUEST_TIMEOUT_MS: 10_000,
      COUNT_EXACT_LIMIT: 100_000,
      DATABASE_STATEMENT_TIMEOUT_MS: 5_000,
      DATABASE_LOCK_TIMEOUT_MS: 2_000,
      DATABASE_POOL_TIMEOUT_MS: 2_000,
      CORS_ORIGINS: undefined,
      MAX_IN_FLIGHT: 256,
      MAX_EVENT_LOOP_DELAY_MS: 1_000,
      RATE_LIMIT: 1200,
      RATE_LIMIT_WINDOW_MS: 60_000,
      REDIS_URL: undefined,
      RESPONSE_CACHE: undefined,
      RESPONSE_CACHE_TTL_MS: 60_000,
      RESPONSE_CACHE_MAX_BYTES: 67_108_864,
      RESPONSE_CACHE_REPLICA_LAG_MS: 5_000,
      TRUST_PROXY: undefined,
      IDEMPOTENCY_TTL_MS: 86_400_000,
      BULK_WRITE_LIMIT: 100,
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
    ["REQUEST_TIMEOUT_MS", "0"],
    ["DATABASE_STATEMENT_TIMEOUT_MS", "5s"],
    ["DATABASE_LOCK_TIMEOUT_MS", "0"],
    ["DATABASE_POOL_TIMEOUT_MS", "-1"],
    ["CORS_ORIGINS", "shop.example"],
    ["CORS_ORIGINS", "https://shop.example/path"],
    ["CORS_ORIGINS", "https://a.example,,https://b.example"],
    ["CORS_ORIGINS", "*,https://a.example"],
    ["RATE_LIMIT", "many"],
    ["REDIS_URL", "http://127.0.0.1:6379"],
    ["TRUST_PROXY", "true"],
    ["TRUST_PROXY", "proxy.example"],
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

describe("settings set together", () => {
  it.each([
    ["TLS_CERT_FILE", "TLS_KEY_FILE"],
    ["TLS_KEY_FILE", "TLS_CERT_FILE"],
  ])("refuses %s without %s, naming the one missing", (given, missing) => {
    expect(() => readConfig({ [given]: "/etc/tusk/tls.pem" })).toThrow(
      new RegExp(
        `^Invalid configuration.*\\n  ${missing}="": expected a file path; set together with \`${given}\`$`,
        "s",
      ),
    );
  });

  it("takes both or neither", () => {
    expect(readConfig({ TLS_CERT_FILE: "cert.pem", TLS_KEY_FILE: "key.pem" })).toMatchObject({
      TLS_CERT_FILE: "cert.pem",
      TLS_KEY_FILE: "key.pem",
    });
    expect(readConfig({ TLS_CERT_FILE: "", TLS_KEY_FILE: "" }).TLS_CERT_FILE).toBeUndefined();
  });
});

describe("the settings of the edge", () => {
  it("reads origins, `*`, counts, Redis URLs and trusted proxies", () => {
    expect(
      readConfig({
        CORS_ORIGINS: "https://shop.example, http://localhost:5173",
        RATE_LIMIT: "0",
        REDIS_URL: "redis://127.0.0.1:6379/2",
        TRUST_PROXY: "loopback, 10.0.0.0/8",
      }),
    ).toMatchObject({
      CORS_ORIGINS: ["https://shop.example", "http://localhost:5173"],
      RATE_LIMIT: 0,
      REDIS_URL: "redis://127.0.0.1:6379/2",
      TRUST_PROXY: "loopback, 10.0.0.0/8",
    });
    expect(readConfig({ CORS_ORIGINS: "*", TRUST_PROXY: "2" })).toMatchObject({
      CORS_ORIGINS: "*",
      TRUST_PROXY: 2,
    });
  });
});

describe("readSettings", () => {
  it("reads a table of its caller's own", () => {
    const table = { TOOL_PORT: port(9000, "Port of a tool.") };
    expect(readSettings(table, {})).toEqual({ TOOL_PORT: 9000 });
    expect(() => readSettings(table, { TOOL_PORT: "many" })).toThrow(/TOOL_PORT="many"/);
  });
});

describe("databaseTimeouts", () => {
  it("gives openDatabase the DATABASE_*_TIMEOUT_MS settings", () => {
    const config = readConfig({
      DATABASE_STATEMENT_TIMEOUT_MS: "30000",
      DATABASE_LOCK_TIMEOUT_MS: "500",
      DATABASE_POOL_TIMEOUT_MS: "750",
    });
    expect(databaseTimeouts(config)).toEqual({ statementMs: 30_000, lockMs: 500, connectMs: 750 });
  });
});
