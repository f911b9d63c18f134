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
