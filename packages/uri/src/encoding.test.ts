/**
 * Today's identifier rules refuse `/`, `%`, spaces and non-ASCII, so the real registry never
 * needs them encoded. This test plugs a permissive rule (any text but reserved words) into a
 * copy of one resource to show that the builder and the parser would carry such identifiers
 * intact: encoded once when building, decoded once when parsing.
 */
import { type IdentifierRule, isReservedWord } from "@tusk/identifiers";
import { type Registry, type Resource, registry } from "@tusk/registry";
import fc from "fast-check";
import { expect, test } from "vitest";
import { anyText } from "../test/arbitraries.ts";
import { createUriBuilder } from "./builder.ts";
import { isSegmentValue } from "./segment.ts";

const isText = (value: unknown): value is string =>
  typeof value === "string" && isSegmentValue(value) && !isReservedWord(value);

const anyTextRule: IdentifierRule<string> = {
  kind: "username",
  title: "Text",
  description: "Any text.",
  valueType: "string",
  graphqlScalar: "String",
  pattern: "^.+$",
  example: "a/b c",
  parse: (raw) =>
    isText(raw)
      ? { ok: true, value: raw, canonical: raw, isCanonical: true }
      : { ok: false, error: { kind: "username", code: "reserved", message: "not text" } },
  format: (value) => value,
  isValue: isText,
};

const users = registry.byModel("User");
if (!users) throw new Error("no User resource");
const notes: Resource = {
  ...users,
  identifier: { ...users.identifier, rule: anyTextRule as IdentifierRule },
};
const textRegistry: Registry = {
  ...registry,
  resources: [notes],
  rootResources: [notes],
  byModel: (model) => (model === notes.model ? notes : undefined),
  byPath: (path) => (path === notes.path ? notes : undefined),
  byFormerPath: () => undefined,
};
const uris = createUriBuilder({ registry: textRegistry, baseUrl: "https://api.example.com" });

test.each([
  ["a/b", "/v1/users/a%2Fb"],
  ["100%", "/v1/users/100%25"],
  ["two words", "/v1/users/two%20words"],
  ["café", "/v1/users/caf%C3%A9"],
  ["a?b#c", "/v1/users/a%3Fb%23c"],
])("%j is encoded once in the URI and decoded once when parsed", (id, path) => {
  const url = uris.itemById(notes, id);
  expect(url).toBe(`https://api.example.com${path}`);
  expect(uris.parse(url)).toMatchObject({
    ok: true,
    route: { kind: "item", id, canonical: true, canonicalPath: path },
  });
  // Decoding happens once: a doubly encoded segment names the identifier spelled with escapes.
  const encoded = path.slice("/v1/users/".length);
  expect(uris.parse(path.replaceAll("%", "%25"))).toMatchObject({ ok: true, route: { id: encoded } });
});

test("any text identifier round-trips through item and relation URIs", () => {
  const relation = notes.relations[0];
  if (!relation) throw new Error("User has no relation");
  fc.assert(
    fc.property(anyText({ minLength: 1 }).filter(isText), (id) => {
      const item = uris.parse(uris.itemById(notes, id));
      expect(item).toMatchObject({ ok: true, route: { kind: "item", resource: notes, id, canonical: true } });
      const related = uris.parse(uris.relation(notes, { [notes.identifier.field.name]: id }, relation));
      expect(related).toMatchObject({ ok: true, route: { kind: "relation", id, relation, canonical: true } });
    }),
  );
});
