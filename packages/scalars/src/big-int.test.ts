import { describe, expect, it } from "vitest";
import { BIG_INT_BOUNDS, bigIntCodec } from "./big-int.ts";
import { booleanCodec } from "./boolean.ts";
import { floatCodec } from "./float.ts";
import { jsonCodec } from "./json.ts";

describe("BigInt", () => {
  it("reads digit strings across the whole 64-bit range", () => {
    expect(bigIntCodec.fromText(String(BIG_INT_BOUNDS.min))).toEqual({ ok: true, value: BIG_INT_BOUNDS.min });
    expect(bigIntCodec.fromJson(String(BIG_INT_BOUNDS.max))).toEqual({ ok: true, value: BIG_INT_BOUNDS.max });
    expect(bigIntCodec.toJson(9007199254740993n)).toBe("9007199254740993");
  });

  it.each(["9223372036854775808", "-9223372036854775809", "01", "+1", "1.0", "1e3", " 1", ""])(
    "refuses %j",
    (text) => {
      expect(bigIntCodec.fromText(text).ok).toBe(false);
    },
  );

  it("refuses JSON numbers: a 64-bit integer always travels as a string", () => {
    expect(bigIntCodec.fromJson(42).ok).toBe(false);
  });
});

describe("Float, Boolean and Json", () => {
  it("read numbers, booleans and JSON text as their JSON literals", () => {
    expect(floatCodec.fromText("-1.5e3")).toEqual({ ok: true, value: -1500 });
    expect(floatCodec.fromText("1e999").ok).toBe(false);
    expect(floatCodec.fromText(".5").ok).toBe(false);
    expect(booleanCodec.fromText("false")).toEqual({ ok: true, value: false });
    expect(booleanCodec.fromText("TRUE").ok).toBe(false);
    expect(jsonCodec.fromText('{"a":[1,null]}')).toEqual({ ok: true, value: { a: [1, null] } });
    expect(jsonCodec.fromText("{").ok).toBe(false);
    expect(jsonCodec.fromJson({ "\u0000": 1 }).ok).toBe(false);
  });
});
