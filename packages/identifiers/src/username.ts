import { defineRule } from "./define-rule.ts";
import { isReservedWord } from "./reserved.ts";
import { accept, describeCharacter, refuse } from "./result.ts";

const KIND = "username";
const MIN_LENGTH = 3;
const MAX_LENGTH = 32;
const CANONICAL = /^[a-z][a-z0-9_-]{2,31}$/u;

/**
 * Usernames: 3 to 32 ASCII letters, digits, `_` or `-`, starting with a letter. Case is not
 * significant; the canonical form is lowercase so each user has exactly one URI.
 *
 * @example
 * username.parse("JDoe"); // { ok: true, value: "jdoe", canonical: "jdoe", isCanonical: false }
 * username.parse("1abc"); // { ok: false, error: { code: "bad-format", ... } }
 */
export const username = defineRule<string>({
  kind: KIND,
  title: "Username",
  description:
    "3 to 32 ASCII letters, digits, underscores or hyphens starting with a letter; any case is accepted, the canonical form is lowercase.",
  valueType: "string",
  graphqlScalar: "Username",
  pattern: CANONICAL.source,
  example: "jdoe",
  parseNonEmpty(raw) {
    const bad = /[^A-Za-z0-9_-]/u.exec(raw);
    if (bad) {
      return refuse(
        KIND,
        "bad-character",
        `contains ${describeCharacter(bad[0])}; only ASCII letters, digits, "_" and "-" are allowed`,
      );
    }
    if (raw.length < MIN_LENGTH) {
      return refuse(KIND, "too-short", `has ${raw.length} characters, at least ${MIN_LENGTH} are required`);
    }
    if (raw.length > MAX_LENGTH) {
      return refuse(KIND, "too-long", `has ${raw.length} characters, at most ${MAX_LENGTH} are allowed`);
    }
    if (!/^[A-Za-z]/u.test(raw)) return refuse(KIND, "bad-format", "must start with a letter");
    const canonical = raw.toLowerCase();
    return accept(canonical, canonical, raw);
  },
  formatValue: (value) => value,
  isValue: (value): value is string =>
    typeof value === "string" && CANONICAL.test(value) && !isReservedWord(value),
});
