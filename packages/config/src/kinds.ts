import { z } from "zod";

/** Digits only: `z.coerce.number()` would also take " ", "1e3" and "0x10". */
function wholeNumber(min: number, max: number) {
  return z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));
}

/**
 * One environment variable: how its text is parsed and checked, and what the
 * documentation and the error for a wrong value say about it.
 *
 * @example
 * const setting: Setting<number> = port(4000, "Port of the REST API.");
 */
export interface Setting<T> {
  /** Parses the variable's text (`undefined` when unset or empty) into its value. */
  readonly schema: z.ZodType<T>;
  /** The values accepted, in words: the error for a wrong value repeats it. */
  readonly accepts: string;
  /** The value when unset, in words (`4000`, `unset`, `every interface`). */
  readonly fallback: string;
  readonly description: string;
}

/** A whole number from 0 to `max`, with its default: ports, durations and counts differ only in these. */
function wholeNumberSetting(
  max: number,
  accepts: string,
  fallback: number,
  description: string,
  min = 0,
): Setting<number> {
  return {
    schema: wholeNumber(min, max).default(fallback),
    accepts,
    fallback: String(fallback),
    description,
  };
}

/**
 * A TCP port; 0 lets the system pick a free one.
 *
 * @example
 * port(4000, "Port of the REST API.");
 */
export function port(fallback: number, description: string): Setting<number> {
  return wholeNumberSetting(65535, "an integer from 0 to 65535 (0 picks a free port)", fallback, description);
}

/**
 * A duration in whole milliseconds.
 *
 * @example
 * milliseconds(10_000, "How long a shutdown waits for in-flight requests.");
 */
export function milliseconds(fallback: number, description: string): Setting<number> {
  return wholeNumberSetting(
    2_147_483_647,
    "a whole number of milliseconds, 0 or more",
    fallback,
    description,
  );
}

/**
 * A time limit in whole milliseconds, 1 or more: a limit of 0 would refuse everything at once.
 *
 * @example
 * timeLimit(10_000, "The longest a request may take.");
 */
export function timeLimit(fallback: number, description: string): Setting<number> {
  return wholeNumberSetting(
    2_147_483_647,
    "a whole number of milliseconds, 1 or more",
    fallback,
    description,
    1,
  );
}

/**
 * An absolute `http:` or `https:` URL, or unset.
 *
 * @example
 * httpUrl("unset: in-process", "The GraphQL endpoint to execute REST operations against.");
 */
export function httpUrl(fallback: string, description: string): Setting<string | undefined> {
  return {
    schema: z
      .url({ protocol: /^https?$/ })
      .refine((value) => !/[?#]/.test(value), "must not have a query or fragment")
      .optional(),
    accepts: "an absolute http:// or https:// URL without a query or fragment",
    fallback,
    description,
  };
}

/**
 * Free text, or unset; what it means is checked by the code that uses it.
 *
 * @example
 * text("every interface", "Interface the servers listen on.");
 */
export function text(
  fallback: string,
  description: string,
  accepts = "any text",
): Setting<string | undefined> {
  return { schema: z.string().optional(), accepts, fallback, description };
}

/**
 * On or off: `true` or `false`.
 *
 * @example
 * flag(true, "Answer introspection queries.");
 */
export function flag(fallback: boolean, description: string): Setting<boolean> {
  return {
    schema: z
      .enum(["true", "false"])
      .transform((value) => value === "true")
      .default(fallback),
    accepts: "`true` or `false`",
    fallback: String(fallback),
    description,
  };
}

/**
 * One of a fixed list of words, or unset (the code that uses it picks the default).
 *
 * @example
 * oneOf(["debug", "info"], "`info`", "How much the logs say.");
 */
export function oneOf<const T extends string>(
  values: readonly [T, ...T[]],
  fallback: string,
  description: string,
): Setting<T | undefined> {
  return {
    schema: z.enum(values).optional(),
    accepts: `one of ${values.map((value) => `\`${value}\``).join(", ")}`,
    fallback,
    description,
  };
}

/**
 * A count of things, 0 or more (0 often means "off": the description says).
 *
 * @example
 * count(1200, "Requests per client per window; 0 turns rate limiting off.");
 */
export function count(fallback: number, description: string): Setting<number> {
  return wholeNumberSetting(2_147_483_647, "a whole number, 0 or more", fallback, description);
}

/** A browser origin as `Origin` sends it: scheme, host and port, nothing else. */
const ORIGIN = /^https?:\/\/[^/?#\s,]+$/;

/**
 * Browser origins (`https://shop.example`, comma-separated), `*` for any, or unset.
 *
 * @example
 * origins("unset: any origin, anonymously", "Origins allowed to call the APIs from a browser.");
 */
export function origins(fallback: string, description: string): Setting<readonly string[] | "*" | undefined> {
  return {
    schema: z
      .string()
      .transform((value) => value.split(",").map((origin) => origin.trim()))
      .pipe(
        z.union([
          z.tuple([z.literal("*")]).transform(() => "*" as const),
          z.array(z.string().regex(ORIGIN)).min(1),
        ]),
      )
      .optional(),
    accepts: "`*`, or origins such as `https://shop.example` separated by commas",
    fallback,
    description,
  };
}

/**
 * PostgreSQL URLs separated by commas, or unset.
 *
 * @example
 * postgresUrls("unset: reads go to DATABASE_URL", "Read replicas.");
 */
export function postgresUrls(fallback: string, description: string): Setting<readonly string[] | undefined> {
  return {
    schema: z
      .string()
      .transform((value) => value.split(",").map((url) => url.trim()))
      .pipe(z.array(z.url({ protocol: /^postgres(ql)?$/ })).min(1))
      .optional(),
    accepts: "`postgresql://` URLs separated by commas",
    fallback,
    description,
  };
}

/**
 * A `redis://` or `rediss://` URL, or unset.
 *
 * @example
 * redisUrl("unset: each instance counts alone", "The Redis that instances share.");
 */
export function redisUrl(fallback: string, description: string): Setting<string | undefined> {
  return {
    schema: z.url({ protocol: /^rediss?$/ }).optional(),
    accepts: "a redis:// or rediss:// URL",
    fallback,
    description,
  };
}

/**
 * Which proxies in front of the app to believe about the client's address (Express's
 * `trust proxy`): a number of hops, or addresses and subnets (`loopback`, `10.0.0.0/8`).
 *
 * @example
 * trustProxy("unset: none", "Proxies whose X-Forwarded-For is believed.");
 */
export function trustProxy(fallback: string, description: string): Setting<number | string | undefined> {
  return {
    schema: z
      .union([
        z.string().regex(/^\d+$/).transform(Number),
        z
          .string()
          .regex(
            /^\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d+)?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d+)?))*\s*$/,
          ),
      ])
      .optional(),
    accepts:
      "a number of proxy hops, or addresses and subnets separated by commas (`loopback`, `10.0.0.0/8`)",
    fallback,
    description,
  };
}
