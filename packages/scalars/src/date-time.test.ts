import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateTimeCodec } from "./date-time.ts";

const read = (text: string) => {
  const result = dateTimeCodec.fromText(text);
  return result.ok ? result.value.toISOString() : result.reason;
};

/** Every instant the API keeps: years 0001 to 9999, to the millisecond. */
const instants = fc.date({
  min: new Date("0001-01-01T00:00:00Z"),
  max: new Date("9999-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});

describe("DateTime", () => {
  it.each([
    ["2026-11-21T10:00:00Z", "2026-11-21T10:00:00.000Z"],
    ["2026-11-21T11:00:00.5+01:00", "2026-11-21T10:00:00.500Z"],
    ["2026-11-21t10:00:00.123z", "2026-11-21T10:00:00.123Z"],
    ["2026-11-21", "2026-11-21T00:00:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
    ["2000-02-29", "2000-02-29T00:00:00.000Z"],
    ["0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z"],
    ["0099-06-01", "0099-06-01T00:00:00.000Z"],
    ["9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"],
  ])("reads %s", (text, iso) => {
    expect(read(text)).toBe(iso);
  });

  it.each([
    ["0000-01-01", /year 0000 does not exist/],
    ["2026-02-30", /2026-02-30 does not exist: February 2026 has 28 days/],
    ["2023-02-29", /does not exist/],
    ["1900-02-29", /does not exist/],
    ["2026-04-31", /April 2026 has 30 days/],
    ["2026-13-01", /month 13/],
    ["2026-00-10", /month 00/],
    ["2026-01-00", /does not exist/],
    ["2026-12-01 10:00:00", /not an RFC 3339/],
    ["2026-12-01T10:00:00", /not an RFC 3339/],
    ["2026-12-01T10:00Z", /not an RFC 3339/],
    ["2026-11-21T24:00:00Z", /not a time of day/],
    ["2026-11-21T10:00:60Z", /leap seconds/],
    ["2026-11-21T10:00:00+24:00", /not a UTC offset/],
    ["2026-11-21T10:00:00.1234Z", /millisecond/],
    ["0001-01-01T00:00:00+00:01", /outside the years 0001 to 9999/],
    ["9999-12-31T23:59:59-00:01", /outside the years 0001 to 9999/],
    ["December 1, 2026", /not an RFC 3339/],
    ["+002026-01-01", /not an RFC 3339/],
    ["２０２６-01-01", /not an RFC 3339/],
    ["", /not an RFC 3339/],
  ])("refuses %j, never rolling it over", (text, reason) => {
    expect(read(text)).toMatch(reason);
  });

  it.each([0, 1700000000000, null, {}])("refuses the JSON value %j", (value) => {
    expect(dateTimeCodec.fromJson(value).ok).toBe(false);
  });

  it("reads every instant's ISO form back to the same instant", () => {
    fc.assert(
      fc.property(instants, (date) => {
        expect(read(date.toISOString())).toBe(date.toISOString());
      }),
    );
  });

  it("writes a Date, or text in another RFC 3339 form, as the ISO form in UTC, and the ISO form as it is", () => {
    const serialize = (value: unknown) => dateTimeCodec.graphql.serialize(value);
    expect(serialize(new Date("2026-11-21T10:00:00Z"))).toBe("2026-11-21T10:00:00.000Z");
    expect(serialize("2026-11-21T11:00:00+01:00")).toBe("2026-11-21T10:00:00.000Z");
    expect(serialize("2026-11-21T10:00:00.5Z")).toBe("2026-11-21T10:00:00.500Z");
    fc.assert(
      fc.property(instants, (date) => {
        expect(serialize(date.toISOString())).toBe(date.toISOString());
        expect(serialize(date)).toBe(date.toISOString());
      }),
    );
  });
});
