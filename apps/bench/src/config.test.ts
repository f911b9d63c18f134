import { describe, expect, it } from "vitest";
import { databaseUrl, readBenchConfig } from "./config.ts";

describe("readBenchConfig", () => {
  it("defaults to scale 2 on the local server, 12 s per case in 3 rounds after 3 s of warm-up, 16 connections", () => {
    expect(readBenchConfig({})).toEqual({
      serverUrl: "postgresql://postgres@127.0.0.1:5432",
      database: "tusk_bench",
      scale: 2,
      duration: 12,
      rounds: 3,
      warmup: 3,
      connections: 16,
      only: undefined,
      soak: undefined,
    });
  });

  it("keeps one database per scale, and reads a soak's length", () => {
    expect(readBenchConfig({ BENCH_SCALE: "3" }).database).toBe("tusk_bench_scale3");
    expect(readBenchConfig({ BENCH_SOAK: "300" }).soak).toBe(300);
    expect(() => readBenchConfig({ BENCH_SOAK: "0" })).toThrow(/BENCH_SOAK/);
  });

  it("refuses a duration that is not a positive number", () => {
    expect(() => readBenchConfig({ BENCH_DURATION: "0" })).toThrow(/BENCH_DURATION/);
    expect(() => readBenchConfig({ BENCH_DURATION: "ten" })).toThrow(/BENCH_DURATION/);
  });
});

describe("databaseUrl", () => {
  it("names the database on the server, keeping credentials and options", () => {
    expect(
      databaseUrl("postgresql://postgres:pw@127.0.0.1:5432/postgres?sslmode=disable", "tusk_bench"),
    ).toBe("postgresql://postgres:pw@127.0.0.1:5432/tusk_bench?sslmode=disable");
  });
});
