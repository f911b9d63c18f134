import type { IdentifierError, IdentifierRule } from "./types.ts";

/**
 * Thrown by {@link parseOrThrow}; carries the structured refusal so API layers can map `code`
 * without parsing the message.
 *
 * @example
 * try {
 *   parseOrThrow(isbn, "978-0-306-40615-3");
 * } catch (error) {
 *   if (error instanceof IdentifierParseError) console.log(error.detail.code); // "check-digit"
 * }
 */
export class IdentifierParseError extends Error {
  override readonly name = "IdentifierParseError";
  readonly detail: IdentifierError;

  constructor(detail: IdentifierError) {
    super(detail.message);
    this.detail = detail;
  }
}

/**
 * Parses or throws, for seed data and tests where a bad identifier is a programming error.
 *
 * @example
 * parseOrThrow(isbn, "0-306-40615-2"); // "9780306406157"
 */
export function parseOrThrow<T extends string | number>(rule: IdentifierRule<T>, raw: string): T {
  const result = rule.parse(raw);
  if (!result.ok) throw new IdentifierParseError(result.error);
  return result.value;
}
