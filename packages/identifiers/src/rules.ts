import { isbn } from "./isbn.ts";
import { positiveInteger } from "./positive-integer.ts";
import type { IdentifierKind, IdentifierRule } from "./types.ts";
import { username } from "./username.ts";
import { vin } from "./vin.ts";

/**
 * Every identifier rule by kind: the one list other packages derive from. Typed as a full
 * `Record` so a new kind without a rule does not compile.
 *
 * @example
 * identifierRules.isbn.parse("0-306-40615-2").ok; // true
 */
export const identifierRules: Readonly<Record<IdentifierKind, IdentifierRule>> = Object.freeze({
  "positive-integer": positiveInteger,
  username,
  isbn,
  vin,
});
