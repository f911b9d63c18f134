/** A JSON number literal (RFC 8259 §6): no sign but "-", no leading zeros, no bare ".". */
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/**
 * The number a query-string text spells as a JSON literal, or undefined. Numbers are written in
 * query strings exactly as in JSON bodies, so the two accept the same numbers.
 */
export function jsonNumberText(text: string): number | undefined {
  return JSON_NUMBER.test(text) ? Number(text) : undefined;
}
