import { describe, expect, it } from "vitest";
import { keptOnSuccess } from "./lazy.ts";

describe("keptOnSuccess", () => {
  it("computes once and keeps the value", async () => {
    let calls = 0;
    const value = keptOnSuccess(async () => ++calls);
    expect(await value()).toBe(1);
    expect(await value()).toBe(1);
    expect(calls).toBe(1);
  });

  it("forgets a failure, so the next call tries again", async () => {
    let calls = 0;
    const value = keptOnSuccess(async () => {
      calls++;
      if (calls === 1) throw new Error("not yet");
      return "ready";
    });
    await expect(value()).rejects.toThrow("not yet");
    expect(await value()).toBe("ready");
    expect(await value()).toBe("ready");
    expect(calls).toBe(2);
  });
});
