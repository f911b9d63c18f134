/**
 * fast-check generators derived from the identifier rules themselves: a string matching the
 * rule's canonical pattern, kept when the rule accepts it (check digits, range, reserved words).
 * No kind is named here, so a new rule is covered without touching this file.
 */
import type { IdentifierRule } from "@tusk/identifiers";
import type { Resource } from "@tusk/registry";
import fc from "fast-check";

/** Arbitrary valid values (numbers for integer rules, canonical strings otherwise) of one rule. */
export function validValue(rule: IdentifierRule): fc.Arbitrary<string | number> {
  return fc
    .stringMatching(new RegExp(rule.pattern))
    .map((raw) => rule.parse(raw))
    .filter((parsed) => parsed.ok)
    .map((parsed) => (parsed.ok ? parsed.value : Number.NaN));
}

/** Arbitrary valid identifier values of a resource. */
export function validId(resource: Resource): fc.Arbitrary<string | number> {
  return validValue(resource.identifier.rule);
}

/** Any Unicode scalar value (no lone surrogates, which no URI can carry). */
const codePoint = fc
  .integer({ min: 0, max: 0x10ffff })
  .filter((c) => c < 0xd800 || c > 0xdfff)
  .map((c) => String.fromCodePoint(c));

/**
 * Arbitrary text for segments and parameters, weighted towards the characters URIs get wrong:
 * `/`, `%`, spaces, dots, `?`, `#`, and non-ASCII. (Built by hand: fast-check's "binary" unit
 * spends over a second building its tables on first use, which times tests out under load.)
 */
export function anyText(constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> {
  const unit = fc.oneof(
    fc.constantFrom(..."/% .?#&+~'\"\\é日😀"),
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    codePoint,
  );
  return fc.string({ unit, maxLength: 40, ...constraints });
}
