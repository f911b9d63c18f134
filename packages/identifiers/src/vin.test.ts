import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyCase, vin as values } from "../test/arbitraries.ts";
import type { IdentifierErrorCode } from "./types.ts";
import { vin, vinCheckDigit } from "./vin.ts";

const EXAMPLE = "1M8GDM9AXKP042788";

describe("vinCheckDigit", () => {
  // Published examples: the standard's worked example, the all-ones VIN and two production VINs.
  it.each([
    [EXAMPLE, "X"],
    ["11111111111111111", "1"],
    ["1HGCM82633A004352", "3"],
    ["JH4KA7561PC008269", "1"],
  ])("of %s is %s", (value, check) => {
    expect(vinCheckDigit(value)).toBe(check);
  });

  it("ignores position 9, which has weight 0", () => {
    expect(vinCheckDigit("1M8GDM9A0KP042788")).toBe("X");
  });

  it.each(["1M8GDM9AXKP04278", "1M8GDM9AXKP042788A", "IM8GDM9AXKP042788", "1M8GDM9A-KP042788"])(
    "throws for %j",
    (raw) => {
      expect(() => vinCheckDigit(raw)).toThrow(RangeError);
    },
  );
});

describe("vin", () => {
  it.each([
    [EXAMPLE, EXAMPLE, true],
    ["1m8gdm9axkp042788", EXAMPLE, false],
    ["1M8gdm9AxKP042788", EXAMPLE, false],
    ["11111111111111111", "11111111111111111", true],
    ["1HGCM82633A004352", "1HGCM82633A004352", true],
  ])("accepts %j as %s (canonical: %s)", (raw, canonical, isCanonical) => {
    expect(vin.parse(raw)).toEqual({ ok: true, value: canonical, canonical, isCanonical });
  });

  it.each<[string, IdentifierErrorCode]>([
    ["", "empty"],
    ["1M8GDM9A3KP042788", "check-digit"],
    ["1M8GDM9AAKP042788", "check-digit"],
    ["1M8GDM9AXKP04278", "too-short"],
    ["1M8GDM9AXKP0427888", "too-long"],
    ["IM8GDM9AXKP042788", "bad-character"],
    ["1M8GDM9AXKP0427O8", "bad-character"],
    ["1M8GDM9AXKQ042788", "bad-character"],
    ["1m8gdm9axkp042788o", "bad-character"],
    ["1M8-GDM9AXKP042788", "bad-character"],
    [" 1M8GDM9AXKP042788", "bad-character"],
    ["1M8GDM9AXKP042788 ", "bad-character"],
    ["1M8GDM9ÄXKP042788", "bad-character"],
    ["views", "reserved"],
    ["DEFINITION", "reserved"],
  ])("refuses %j with %s", (raw, code) => {
    expect(vin.parse(raw)).toMatchObject({ ok: false, error: { kind: "vin", code } });
  });

  it.each([
    ["IM8GDM9AXKP042788", "I"],
    ["1M8GDM9AXKP0427o8", "O"],
    ["1M8GDM9AXKQ042788", "Q"],
  ])("says which lookalike letter %j contains", (raw, letter) => {
    expect(vin.parse(raw)).toMatchObject({ error: { message: expect.stringContaining(`letter ${letter}`) } });
  });

  it("names the expected check digit", () => {
    expect(vin.parse("1M8GDM9A3KP042788")).toMatchObject({
      error: { message: "check digit (position 9) is 3, expected X" },
    });
  });

  it("round-trips canonical values", () => {
    fc.assert(
      fc.property(values, (value) => {
        expect(vin.parse(vin.format(value))).toEqual({
          ok: true,
          value,
          canonical: value,
          isCanonical: true,
        });
      }),
    );
  });

  it("normalises any case to the uppercase value", () => {
    fc.assert(
      fc.property(
        values.chain((value) => fc.tuple(fc.constant(value), anyCase(value))),
        ([value, raw]) => {
          expect(vin.parse(raw)).toEqual({ ok: true, value, canonical: value, isCanonical: raw === value });
        },
      ),
    );
  });

  it("refuses any changed check digit", () => {
    fc.assert(
      fc.property(
        values.chain((value) =>
          fc.tuple(fc.constant(value), fc.constantFrom(..."0123456789X".replace(value.charAt(8), ""))),
        ),
        ([value, wrong]) => {
          const result = vin.parse(`${value.slice(0, 8)}${wrong}${value.slice(9)}`);
          expect(result).toMatchObject({ ok: false, error: { kind: "vin", code: "check-digit" } });
        },
      ),
    );
  });

  it("guards values from the database", () => {
    expect(vin.isValue(EXAMPLE)).toBe(true);
    for (const bad of ["1m8gdm9axkp042788", "1M8GDM9A3KP042788", "1M8GDM9AXKP04278", 42, null]) {
      expect(vin.isValue(bad)).toBe(false);
    }
  });
});
