import { isReservedWord } from "./reserved.ts";
import { refuse } from "./result.ts";
import type { IdentifierRule, ParseResult } from "./types.ts";

/** What a kind module supplies; the checks every kind shares are added by {@link defineRule}. */
export type RuleBody<T extends string | number> = Omit<IdentifierRule<T>, "parse" | "format"> & {
  /** Parses input already known to be non-empty and not a reserved word. */
  parseNonEmpty(raw: string): ParseResult<T>;
  /** Formats a value already known to pass `isValue`. */
  formatValue(value: T): string;
};

/**
 * Turns a kind module's body into a rule, so that empty input and reserved words are refused the
 * same way by every kind and `format` never emits a string for an invalid value.
 *
 * @example
 * const upper = defineRule<string>({
 *   kind: "username", title: "Upper", description: "Letters.", valueType: "string",
 *   graphqlScalar: "Upper", pattern: "^[A-Z]+$", example: "ABC",
 *   parseNonEmpty: (raw) => ({ ok: true, value: raw, canonical: raw, isCanonical: true }),
 *   formatValue: (value) => value,
 *   isValue: (value): value is string => typeof value === "string" && /^[A-Z]+$/.test(value),
 * });
 */
export function defineRule<T extends string | number>(body: RuleBody<T>): IdentifierRule<T> {
  const { parseNonEmpty, formatValue, ...description } = body;
  return Object.freeze({
    ...description,
    parse(raw: string): ParseResult<T> {
      if (raw === "") return refuse(body.kind, "empty", `${body.title} is empty`);
      if (isReservedWord(raw)) {
        return refuse(
          body.kind,
          "reserved",
          `"${raw}" is a reserved word and cannot be used as an identifier`,
        );
      }
      return parseNonEmpty(raw);
    },
    format(value: T): string {
      if (!body.isValue(value)) throw new TypeError(`${String(value)} is not a canonical ${body.title}`);
      return formatValue(value);
    },
  });
}
