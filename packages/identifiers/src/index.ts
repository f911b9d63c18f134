/**
 * @tusk/identifiers: parse, validate and canonicalise the identifiers resources are addressed by.
 * This file is the package's whole public surface.
 */
export { IdentifierParseError, parseOrThrow } from "./errors.ts";
export { isbn, isbn10to13, isbn13CheckDigit } from "./isbn.ts";
export { positiveInteger } from "./positive-integer.ts";
export { isReservedWord, RESERVED_WORDS } from "./reserved.ts";
export { identifierRules } from "./rules.ts";
export type {
  IdentifierError,
  IdentifierErrorCode,
  IdentifierKind,
  IdentifierRule,
  ParseResult,
} from "./types.ts";
export { username } from "./username.ts";
export { vin, vinCheckDigit } from "./vin.ts";
