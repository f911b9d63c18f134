import { describe, expect, it } from "vitest";
import { decimalCodec } from "./decimal.ts";

describe("Decimal", () => {
  it.each([
    ["12.50", "12.50"],
    ["-3", "-3"],
    ["007.50", "7.50"],
    ["-0.00", "0.00"],
    ["0", "0"],
  ])("reads the string %j as %j", (text, value) => {
    expect(decimalCodec.fromJson(text)).toEqual({ ok: true, value });
    expect(decimalCodec.fromText(text)).toEqual({ ok: true, value });
  });

  it.each([" 2 ", "+1.", ".5", "5.", "1e-7", "1E3", "+1", "1,5", "", "-", "NaN", "Infinity", "0x1", "١٢"])(
    "refuses the string %j, in bodies and query strings alike",
    (text) => {
      expect(decimalCodec.fromJson(text).ok).toBe(false);
      expect(decimalCodec.fromText(text).ok).toBe(false);
    },
  );

  it.each([
    [12.5, "12.5"],
    [1e-7, "0.0000001"],
    [1e21, "1000000000000000000000"],
    [-1.5e-10, "-0.00000000015"],
    [-0, "0"],
    [123456789012345, "123456789012345"],
  ])("reads the JSON number %j in plain notation as %j", (number, value) => {
    expect(decimalCodec.fromJson(number)).toEqual({ ok: true, value });
  });

  it.each([0.1 + 0.2, 1234567890123456, Number.MAX_VALUE])(
    "refuses the JSON number %j, whose digits a double may not have kept",
    (number) => {
      const read = decimalCodec.fromJson(number);
      expect(read).toEqual({ ok: false, reason: expect.stringMatching(/15 significant digits/) });
    },
  );

  it("refuses more digits than a PostgreSQL numeric holds", () => {
    expect(decimalCodec.fromText("9".repeat(131_073)).ok).toBe(false);
    expect(decimalCodec.fromText(`0.${"1".repeat(16_384)}`).ok).toBe(false);
    expect(decimalCodec.fromText("9".repeat(131_072)).ok).toBe(true);
  });

  it.each([null, true, [], {}])("refuses the JSON value %j", (value) => {
    expect(decimalCodec.fromJson(value).ok).toBe(false);
  });
});
