/**
 * Words no identifier may take, because they are fixed path segments next to identifiers:
 * `/v1/{resources}/definition`, `/v1/{resources}/views/{name}`, `/v1/openapi.json`, `/v1/problems/{code}`, and
 * conventional aliases (`new`, `me`) a client could mistake for an item.
 *
 * @example
 * RESERVED_WORDS.has("definition"); // true
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "definition",
  "views",
  "openapi.json",
  "problems",
  "new",
  "me",
]);

/**
 * Whether a path segment is a reserved word, ignoring case (`/Definition` must not reach a
 * resource either).
 *
 * @example
 * isReservedWord("Views"); // true
 * isReservedWord("viewer"); // false
 */
export function isReservedWord(segment: string): boolean {
  return RESERVED_WORDS.has(segment.toLowerCase());
}
