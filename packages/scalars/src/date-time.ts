import { accept, describeValue, type Parsed, refuse, type ScalarCodec } from "./codec.ts";
import { codecScalar } from "./graphql-scalar.ts";

/**
 * RFC 3339 `date-time` (`T` and `Z` in either case, as RFC 3339 allows), or a `full-date` alone.
 * Field ranges are checked after matching, so an impossible date is refused instead of rolled over.
 */
const RFC_3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2})))?$/;

/** Instants are kept to the millisecond (JavaScript `Date`, PostgreSQL `timestamptz(3)`). */
const MAX_FRACTION_DIGITS = 3;

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Milliseconds since the epoch of a UTC calendar time; `Date.UTC` would read years 0-99 as 1900-1999. */
function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
) {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

/** Years 0001 to 9999: four digits, and no year 0 (PostgreSQL has none; ISO's 0000 is 1 BC). */
const FIRST_INSTANT = utc(1, 1, 1, 0, 0, 0, 0);
const LAST_INSTANT = utc(9999, 12, 31, 23, 59, 59, 999);

const SYNTAX =
  'An RFC 3339 date-time with an offset ("2026-11-21T10:00:00Z", "2026-11-21T11:00:00.5+01:00"), or a date alone ("2026-11-21", meaning 00:00 UTC); years 0001 to 9999, at most millisecond precision.';

function readDateTimeText(text: string): Parsed<Date> {
  const match = RFC_3339.exec(text);
  if (!match)
    return refuse(
      `${describeValue(text)} is not an RFC 3339 date-time ("2026-11-21T10:00:00Z") or date ("2026-11-21")`,
    );
  const [
    ,
    y,
    mo,
    d,
    h = "0",
    mi = "0",
    s = "0",
    fraction = "",
    ,
    sign,
    offsetHours = "0",
    offsetMinutes = "0",
  ] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1) return refuse("year 0000 does not exist; years run from 0001 to 9999");
  if (month < 1 || month > 12) return refuse(`month ${mo} does not exist`);
  if (day < 1 || day > daysIn(year, month))
    return refuse(
      `${y}-${mo}-${d} does not exist: ${MONTHS[month - 1]} ${y} has ${daysIn(year, month)} days`,
    );
  if (hour > 23 || minute > 59 || second > 59)
    return refuse(
      `${h}:${mi}:${s} is not a time of day${second === 60 ? " (leap seconds are not kept)" : ""}`,
    );
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)
    return refuse(`${sign}${offsetHours}:${offsetMinutes} is not a UTC offset`);
  if (fraction.length > MAX_FRACTION_DIGITS)
    return refuse(
      `has more than ${MAX_FRACTION_DIGITS} fractional digits; instants are kept to the millisecond`,
    );
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000 * (sign === "-" ? -1 : 1);
  const ms = Number(fraction.padEnd(3, "0"));
  const time = utc(year, month, day, hour, minute, second, ms) - offset;
  if (time < FIRST_INSTANT || time > LAST_INSTANT)
    return refuse("is outside the years 0001 to 9999 (in UTC)");
  return accept(new Date(time));
}

/**
 * `Date.prototype.toISOString`'s own form for the years 0001 to 9999: what the read statements
 * already write (docs/sql.md), so the output passes through instead of being parsed into a
 * `Date` and formatted again (a few microseconds per value, per timestamp of every item).
 */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function writeDateTime(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return ISO_UTC.test(text) ? text : new Date(text).toISOString();
}

function readDateTime(value: unknown): Parsed<Date> {
  return typeof value === "string"
    ? readDateTimeText(value)
    : refuse(`must be an RFC 3339 date-time string, not ${describeValue(value)}`);
}

/**
 * Instants. Read from RFC 3339 text only (no space separator, no local time without an offset);
 * impossible dates (`2026-02-30`) and years outside 0001-9999 are refused, never rolled over.
 * Written as ISO 8601 in UTC with milliseconds.
 *
 * @example
 * dateTimeCodec.fromText("2026-11-21T11:00:00+01:00"); // { ok: true, value: Date 2026-11-21T10:00:00.000Z }
 * dateTimeCodec.fromText("0000-01-01").ok; // false
 */
export const dateTimeCodec: ScalarCodec<Date> = {
  type: "DateTime",
  graphql: codecScalar({
    name: "DateTime",
    description: `${SYNTAX} Always UTC on output ("2026-11-21T10:00:00.000Z").`,
    fromJson: readDateTime,
    serialize: writeDateTime,
  }),
  syntax: SYNTAX,
  jsonSchema: {
    input: {
      type: "string",
      anyOf: [{ format: "date-time" }, { format: "date" }],
      description: "RFC 3339 date-time, or a date alone (00:00 UTC); years 0001 to 9999.",
    },
    output: { type: "string", format: "date-time" },
  },
  fromJson: readDateTime,
  fromText: readDateTimeText,
  toJson: (value) => value.toISOString(),
};
