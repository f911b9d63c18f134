import { describe, expect, it } from "vitest";
import { combine, type Measurement } from "./load.ts";

const round = (
  requestsPerSecond: number,
  p50: number,
  p99: number,
  failures = 0,
  requests = 100,
): Measurement => ({
  requestsPerSecond,
  p50,
  p99,
  failures,
  requests,
});

describe("combine", () => {
  it("keeps the median of each measure, so one disturbed round does not move the figure", () => {
    expect(combine([round(90, 2, 10), round(100, 1, 8), round(40, 9, 90, 1)])).toEqual(
      round(90, 2, 10, 1, 300),
    );
  });

  it("averages the middle two of an even number of rounds and adds every failure and response", () => {
    expect(combine([round(10, 1, 4, 2), round(30, 3, 8, 1)])).toEqual(round(20, 2, 6, 3, 200));
  });
});
