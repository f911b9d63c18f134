import type { IdentifierErrorCode, IdentifierKind, ParseResult } from "./types.ts";

/**
 * Builds a refusal. Messages are plain lowercase sentences without a final period so API layers
 * can embed them ("invalid ISBN: check digit is 3, expected 7").
 *
 * @example
 * refuse("vin", "too-short", "has 16 characters, expected 17");
 */
export function refuse(kind: IdentifierKind, code: IdentifierErrorCode, message: string): ParseResult<never> {
  return { ok: false, error: { kind, code, message } };
}

/**
 * Builds a success, deriving `isCanonical` from the raw input so no rule can get it wrong.
 *
 * @example
 * accept(73924, "73924", "073924"); // isCanonical: false
 */
export function accept<T>(value: T, canonical: string, raw: string): ParseResult<T> {
  return { ok: true, value, canonical, isCanonical: raw === canonical };
}

/**
 * Quotes one character for an error message, spelling out ones that would be invisible.
 *
 * @example
 * describeCharacter(" "); // "a space"
 */
export function describeCharacter(char: string): string {
  if (char === " ") return "a space";
  const code = char.codePointAt(0) ?? 0;
  // Control and other invisible characters would read as nothing in a message.
  if (code < 0x20 || code === 0x7f || /\s/u.test(char)) {
    return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return `"${char}"`;
}
