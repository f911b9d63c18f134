/**
 * Parity between building and parsing: for every resource and relation in the registry, a URI
 * the builder makes from arbitrary valid identifiers parses back to the same route, canonical.
 * The lists come from the registry, so a new resource or relation is covered as soon as it exists.
 */
import { type Resource, type ResourceRelation, registry } from "@tusk/registry";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { anyText, validId } from "../test/arbitraries.ts";
import { createUriBuilder } from "./builder.ts";
import type { Route } from "./route.ts";

const uris = createUriBuilder({ registry, baseUrl: "https://api.example.com/base" });
const RUNS = { numRuns: 40 };

function routeOf(url: string): Route {
  expect(url.startsWith(`${uris.baseUrl}/v1`)).toBe(true);
  const result = uris.parse(url);
  if (!result.ok) throw new Error(`${url}: ${result.reason.message}`);
  expect(result.route.canonical).toBe(true);
  expect(uris.url(result.route.canonicalPath)).toBe(url);
  // The path alone parses to the same route as the absolute URI.
  expect(uris.parse(result.route.canonicalPath)).toEqual(result);
  return result.route;
}

/** A record holding a resource's identifier and, when nested, its parent's foreign key. */
function recordArbitrary(
  resource: Resource,
): fc.Arbitrary<{ record: Record<string, unknown>; expected: object }> {
  const nesting = resource.parent;
  if (!nesting)
    return validId(resource).map((id) => ({
      record: { [resource.identifier.field.name]: id },
      expected: { id },
    }));
  const [foreignKey = ""] = nesting.relation.foreignKeys;
  return fc.tuple(validId(resource), validId(nesting.resource)).map(([id, parentId]) => ({
    record: { [resource.identifier.field.name]: id, [foreignKey]: parentId },
    expected: { id, parent: { resource: nesting.resource, id: parentId } },
  }));
}

const listRelations = (resource: Resource): ResourceRelation[] =>
  resource.relations.filter((r) => r.cardinality !== "to-one");

describe.each(registry.resources.map((r) => [r.model, r] as const))("%s", (_, resource) => {
  test("definition and views", () => {
    expect(routeOf(uris.definition(resource))).toMatchObject({ kind: "definition", resource });
    for (const name of resource.parent ? [] : resource.views)
      expect(routeOf(uris.view(resource, name))).toMatchObject({ kind: "view", resource, name });
  });

  test("collection (root resources only)", () => {
    if (resource.parent) {
      expect(() => uris.collection(resource)).toThrow(TypeError);
      expect(uris.parse(`/v1/${resource.path}`)).toMatchObject({ ok: false, reason: { code: "not-found" } });
    } else {
      expect(routeOf(uris.collection(resource))).toMatchObject({ kind: "collection", resource });
    }
  });

  test("item, from a record and from ids", () => {
    fc.assert(
      fc.property(recordArbitrary(resource), ({ record, expected }) => {
        const url = uris.item(resource, record);
        expect(routeOf(url)).toEqual(expect.objectContaining({ kind: "item", resource, ...expected }));
        const { id, parent } = expected as { id: string | number; parent?: { id: string | number } };
        expect(uris.itemById(resource, id, parent?.id)).toBe(url);
      }),
      RUNS,
    );
  });

  test.each(resource.relations.map((r) => [r.name, r] as const))("relation %s", (_, relation) => {
    fc.assert(
      fc.property(recordArbitrary(resource), ({ record, expected }) => {
        expect(routeOf(uris.relation(resource, record, relation))).toEqual(
          expect.objectContaining({ kind: "relation", resource, relation, ...expected }),
        );
      }),
      RUNS,
    );
  });

  test.each(listRelations(resource).map((r) => [r.name, r] as const))("views over %s", (_, relation) => {
    fc.assert(
      fc.property(recordArbitrary(resource), ({ record, expected }) => {
        for (const name of relation.target.views) {
          const route = routeOf(uris.relationView(resource, record, relation, name));
          expect(route).toEqual(
            expect.objectContaining({ kind: "relation-view", resource, relation, name, ...expected }),
          );
          if (route.kind === "relation-view")
            expect(uris.url(route.collectionPath)).toBe(uris.relation(resource, record, relation));
        }
      }),
      RUNS,
    );
  });

  test.each(listRelations(resource).map((r) => [r.name, r] as const))(
    "relational items of %s",
    (_, relation) => {
      const target = relation.target;
      const ownChild = target.parent?.collection === relation;
      fc.assert(
        fc.property(recordArbitrary(resource), recordArbitrary(target), (source, child) => {
          const targetId = child.record[target.identifier.field.name] as string | number;
          const targetRecord = ownChild
            ? {
                ...child.record,
                [target.parent?.relation.foreignKeys[0] ?? ""]: source.record[resource.identifier.field.name],
              }
            : child.record;
          const route = routeOf(uris.relationItem(resource, source.record, relation, targetRecord));
          if (ownChild) {
            // A nested child under its own parent: the child's canonical item route.
            const parent = { resource, ...(source.expected as { id: unknown }) };
            expect(route).toEqual(
              expect.objectContaining({ kind: "item", resource: target, id: targetId, parent }),
            );
            expect(uris.item(target, targetRecord)).toBe(uris.url(route.canonicalPath));
          } else {
            expect(route).toEqual(
              expect.objectContaining({
                kind: "relation-item",
                resource,
                relation,
                targetId,
                ...source.expected,
              }),
            );
            const canonical = target.parent
              ? undefined
              : new URL(uris.itemById(target, targetId)).pathname.replace("/base", "");
            expect(route.canonicalResourceUri).toBe(canonical);
          }
        }),
        RUNS,
      );
    },
  );
});

test("every resource, relation and route kind is exercised above", () => {
  const kinds = new Set<string>();
  for (const resource of registry.resources) {
    kinds.add(resource.parent ? "nested item" : "root item");
    for (const relation of resource.relations) kinds.add(relation.cardinality);
  }
  expect([...kinds].sort()).toEqual(["many-to-many", "nested item", "root item", "to-many", "to-one"]);
});

test("whatever a path's identifier says, its canonical path parses to the same route, canonically", () => {
  const rootResources = registry.rootResources;
  // Strings close to every rule's alphabet, so that many parse, plus arbitrary ones that mostly do not.
  const raw = fc.oneof(
    fc.string({ unit: fc.constantFrom(..."0123456789-XxjdoeJDOE _%/") }),
    anyText(),
    ...registry.resources.map((r) => validId(r).map(String)),
  );
  fc.assert(
    fc.property(fc.constantFrom(...rootResources), raw.filter(Boolean), (resource, value) => {
      const first = uris.parse(`/v1/${resource.path}/${encodeURIComponent(value)}`);
      if (!first.ok) {
        expect(first.reason.code).toBe("bad-identifier");
        return;
      }
      const again = uris.parse(first.route.canonicalPath);
      expect(again).toEqual({ ok: true, route: { ...first.route, canonical: true } });
    }),
    { numRuns: 300 },
  );
});
