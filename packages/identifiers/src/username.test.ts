import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyCase, username as values } from "../test/arbitraries.ts";
import type { IdentifierErrorCode } from "./types.ts";
import { username } from "./username.ts";

describe("username", () => {
  it.each([
    ["jdoe", "jdoe", true],
    ["JDoe", "jdoe", false],
    ["a_b-c", "a_b-c", true],
    ["abc", "abc", true],
    ["x".repeat(32), "x".repeat(32), true],
    ["Zed_99", "zed_99", false],
    ["meet", "meet", true],
  ])("accepts %j as %j (canonical: %s)", (raw, canonical, isCanonical) => {
    expect(username.parse(raw)).toEqual({ ok: true, value: canonical, canonical, isCanonical });
  });

  it.each<[string, IdentifierErrorCode]>([
    ["", "empty"],
    ["ab", "too-short"],
    ["a", "too-short"],
    ["x".repeat(33), "too-long"],
    ["1abc", "bad-format"],
    ["_abc", "bad-format"],
    ["-abc", "bad-format"],
    ["j doe", "bad-character"],
    ["j.doe", "bad-character"],
    ["jdoe@example", "bad-character"],
    ["jdoé", "bad-character"],
    ["jd/oe", "bad-character"],
    ["jd%20oe", "bad-character"],
    ["jdoe\n", "bad-character"],
    ["definition", "reserved"],
    ["Views", "reserved"],
    ["NEW", "reserved"],
    ["me", "reserved"],
  ])("refuses %j with %s", (raw, code) => {
    expect(username.parse(raw)).toMatchObject({ ok: false, error: { kind: "username", code } });
  });

  it("round-trips canonical values", () => {
    fc.assert(
      fc.property(values, (value) => {
        expect(username.parse(username.format(value))).toEqual({
          ok: true,
          value,
          canonical: value,
          isCanonical: true,
        });
      }),
    );
  });

  it("normalises any case to the lowercase value", () => {
    fc.assert(
      fc.property(
        values.chain((value) => fc.tuple(fc.constant(value), anyCase(value))),
        ([value, raw]) => {
          expect(username.parse(raw)).toEqual({
            ok: true,
            value,
            canonical: value,
            isCanonical: raw === value,
          });
        },
      ),
    );
  });

  it("guards values from the database", () => {
    expect(username.isValue("jdoe")).toBe(true);
    for (const bad of ["JDoe", "ab", "views", 42, null]) expect(username.isValue(bad)).toBe(false);
  });
});
