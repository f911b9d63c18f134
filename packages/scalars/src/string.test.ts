import { describe, expect, it } from "vitest";
import { identifierCodecs } from "./identifier.ts";
import { stringCodec } from "./string.ts";

describe("String", () => {
  it.each(["", "Widget", "ünïcödé 🦭", "a\tb\nc"])("reads %j", (text) => {
    expect(stringCodec.fromText(text)).toEqual({ ok: true, value: text });
    expect(stringCodec.fromJson(text)).toEqual({ ok: true, value: text });
  });

  it.each([
    ["\u0000", /NUL/],
    ["a\u0000b", /NUL/],
    ["\ud800", /lone surrogate/],
    ["x\udc00", /lone surrogate/],
  ])("refuses %j, which PostgreSQL cannot store as given", (text, reason) => {
    expect(stringCodec.fromText(text)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
    expect(stringCodec.fromJson(text)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it.each([5, null, true, ["a"], { a: 1 }])("refuses the JSON value %j", (value) => {
    expect(stringCodec.fromJson(value).ok).toBe(false);
  });
});

describe("identifier codecs", () => {
  it("read any spelling their rule accepts as the canonical one, from JSON strings only", () => {
    expect(identifierCodecs.isbn.fromJson("0-306-40615-2")).toEqual({ ok: true, value: "9780306406157" });
    expect(identifierCodecs.username.fromText("JDoe")).toEqual({ ok: true, value: "jdoe" });
    expect(identifierCodecs.isbn.fromJson(9780306406157).ok).toBe(false);
    expect(identifierCodecs.vin.fromText("\u0000").ok).toBe(false);
  });

  it("read numeric ids as Ints", () => {
    expect(identifierCodecs["positive-integer"].fromText("-2147483648")).toEqual({
      ok: true,
      value: -2147483648,
    });
    expect(identifierCodecs["positive-integer"].graphql.name).toBe("Int");
  });
});
