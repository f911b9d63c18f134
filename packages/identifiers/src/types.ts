/**
 * The vocabulary every identifier rule shares. Each kind lives in its own module with the same
 * shape; shared code only ever talks to the {@link IdentifierRule} interface.
 */

/**
 * The identifier kinds a resource can be addressed by.
 *
 * @example
 * const kind: IdentifierKind = "isbn";
 */
export type IdentifierKind = "positive-integer" | "username" | "isbn" | "vin";

/**
 * Every reason a raw identifier can be refused. One closed list so API layers can map each code
 * to a response without a catch-all.
 *
 * @example
 * const code: IdentifierErrorCode = "check-digit";
 */
export type IdentifierErrorCode =
  | "empty"
  | "too-long"
  | "too-short"
  | "bad-character"
  | "bad-format"
  | "check-digit"
  | "out-of-range"
  | "reserved";

/**
 * Why a raw identifier was refused; `message` is a plain sentence fit for an API error
 * ("check digit is 3, expected 7").
 *
 * @example
 * const error: IdentifierError = { kind: "isbn", code: "check-digit", message: "check digit is 3, expected 7" };
 */
export interface IdentifierError {
  kind: IdentifierKind;
  code: IdentifierErrorCode;
  message: string;
}

/**
 * The outcome of parsing a raw identifier. On success `canonical` is the one form used in URIs,
 * and `isCanonical` says whether the raw input already was that form (so callers can redirect).
 *
 * @example
 * const result: ParseResult<number> = { ok: true, value: 42, canonical: "42", isCanonical: false };
 */
export type ParseResult<T> =
  | { ok: true; value: T; canonical: string; isCanonical: boolean }
  | { ok: false; error: IdentifierError };

/**
 * A codec for one identifier kind: it parses every accepted spelling, formats the canonical one,
 * and describes itself so schemas (GraphQL, OpenAPI, database) can be derived from it.
 *
 * @example
 * function describe(rule: IdentifierRule): string {
 *   return `${rule.title} (${rule.graphqlScalar}), e.g. ${rule.example}`;
 * }
 */
export interface IdentifierRule<T extends string | number = string | number> {
  readonly kind: IdentifierKind;
  /** Human title: "ISBN-13", "Username", ... */
  readonly title: string;
  /** One sentence: accepted forms and canonical form (used in API docs and definitions). */
  readonly description: string;
  /** The database value type. */
  readonly valueType: "int" | "string";
  /** The GraphQL scalar name for values of this kind. */
  readonly graphqlScalar: string;
  /** Regex source (no slashes, anchored) matching the canonical form, for OpenAPI `pattern`. */
  readonly pattern: string;
  /** A canonical example. */
  readonly example: string;
  /** Accepts every accepted (possibly non-canonical) form. */
  parse(raw: string): ParseResult<T>;
  /** Canonical string form for URIs and display; throws a TypeError for a value `isValue` refuses. */
  format(value: T): string;
  /** Runtime guard for already-canonical values (for example read from the database). */
  isValue(value: unknown): value is T;
}
