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

/**
 * A TCP port; 0 lets the system pick a free one.
 *
 * @example
 * port(4000, "Port of the REST API.");
 */
export function port(fallback: number, description: string): Setting<number> {
  return {
    schema: wholeNumber(0, 65535).default(fallback),
    accepts: "an integer from 0 to 65535 (0 picks a free port)",
    fallback: String(fallback),
    description,
  };
}

/**
 * A duration in whole milliseconds.
 *
 * @example
 * milliseconds(10_000, "How long a shutdown waits for in-flight requests.");
 */
export function milliseconds(fallback: number, description: string): Setting<number> {
  return {
    schema: wholeNumber(0, 2_147_483_647).default(fallback),
    accepts: "a whole number of milliseconds, 0 or more",
    fallback: String(fallback),
    description,
  };
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
