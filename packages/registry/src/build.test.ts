import { describe, expect, test } from "vitest";
import {
  datamodelCopy,
  definitionCopy,
  type MutableDatamodel,
  type MutableDefinition,
  modelOf,
  relationField,
  scalarField,
} from "../test/fixtures.ts";
import { buildRegistry } from "./build.ts";
import type { ResourceEntry } from "./define.ts";
import { RegistryError } from "./registry-error.ts";

/** Builds from modified copies; returns the problems reported (none when it loads). */
function problemsAfter(
  change: (datamodel: MutableDatamodel, definition: MutableDefinition) => void,
): readonly string[] {
  const datamodel = datamodelCopy();
  const definition = definitionCopy();
  change(datamodel, definition);
  try {
    buildRegistry(datamodel, definition);
    return [];
  } catch (error) {
    if (error instanceof RegistryError) return error.problems;
    throw error;
  }
}

const entry = (definition: MutableDefinition, model: string) => {
  const found = definition.resources[model];
  if (!found) throw new Error(`no entry ${model}`);
  return found;
};

/** An internal model `AuditLog` (id + message), for changes that need a non-resource model. */
function addAuditLog(datamodel: MutableDatamodel): void {
  datamodel.models.push({
    name: "AuditLog",
    dbName: "audit_log",
    fields: [
      scalarField("id", "Int", { isId: true, hasDefaultValue: true }),
      scalarField("message", "String"),
    ],
  });
}

test("the unmodified copies load", () => {
  expect(problemsAfter(() => {})).toEqual([]);
});

describe("fails loudly at load time", () => {
  test.each<[string, (datamodel: MutableDatamodel, definition: MutableDefinition) => void, RegExp]>([
    [
      "an entry naming a model that does not exist",
      (_, d) => {
        d.resources.Widget = { path: "widgets", identifier: { field: "id", rule: "positive-integer" } };
      },
      /names model "Widget", which schema.prisma does not define/,
    ],
    [
      "an internal entry naming a model that does not exist",
      (_, d) => {
        d.internal.push("Ghost");
      },
      /names model "Ghost"/,
    ],
    [
      "a field list naming a missing field",
      (_, d) => {
        entry(d, "Product").filterable?.push("colour");
      },
      /Product\.filterable names "colour", which is not a scalar field/,
    ],
    [
      "a hidden list naming a relation instead of a scalar",
      (_, d) => {
        entry(d, "Product").hidden = ["categories"];
      },
      /Product\.hidden names "categories"/,
    ],
    [
      "a relation annotation naming a missing relation",
      (_, d) => {
        entry(d, "Product").relations = { brand: { hidden: true } };
      },
      /Product\.relations names "brand", which is not a relation field/,
    ],
    [
      "a model that is neither resource nor internal",
      (m) => addAuditLog(m),
      /model AuditLog is neither a resource nor marked internal/,
    ],
    [
      "a model that is both resource and internal",
      (_, d) => {
        d.internal.push("Book");
      },
      /model Book is both a resource and internal/,
    ],
    [
      "an integer rule on a String identifier",
      (_, d) => {
        entry(d, "Book").identifier = { field: "isbn", rule: "positive-integer" };
      },
      /Book: identifier rule positive-integer needs an Int field, but isbn is String/,
    ],
    [
      "a string rule on an Int identifier",
      (_, d) => {
        entry(d, "Product").identifier = { field: "id", rule: "vin" };
      },
      /Product: identifier rule vin needs an String field, but id is Int/,
    ],
    [
      "an unknown identifier rule",
      (_, d) => {
        entry(d, "Product").identifier = { field: "id", rule: "uuid" as ResourceEntry["identifier"]["rule"] };
      },
      /unknown identifier rule "uuid"/,
    ],
    [
      "an identifier that is not the @id",
      (_, d) => {
        entry(d, "Product").identifier = { field: "stock", rule: "positive-integer" };
      },
      /identifier field "stock" must be the model's @id/,
    ],
    [
      "an identifier field that does not exist",
      (_, d) => {
        entry(d, "Product").identifier = { field: "sku", rule: "positive-integer" };
      },
      /identifier field "sku" is not an exposed scalar field/,
    ],
    [
      "a relation to a model that is not a resource",
      (m, d) => {
        addAuditLog(m);
        d.internal.push("AuditLog");
        modelOf(m, "Product").fields.push(
          relationField("auditLog", "AuditLog", "ProductAudit", { isRequired: false }),
        );
      },
      /Product\.auditLog points to AuditLog, which is not a resource; hide the relation/,
    ],
    [
      "two resources with the same path",
      (_, d) => {
        entry(d, "Book").path = "products";
      },
      /path "products" is used by both Product and Book/,
    ],
    [
      "a former path that another resource uses",
      (_, d) => {
        entry(d, "Book").formerPaths = ["items"];
      },
      /path "items" is used by both Product and Book/,
    ],
    [
      "two relations with the same path",
      (_, d) => {
        entry(d, "Category").relations = { books: { path: "products" } };
      },
      /Category: two relations use the path "products"/,
    ],
    [
      "a reserved word as a resource path",
      (_, d) => {
        entry(d, "Book").path = "definition";
      },
      /path "definition" is a reserved word/,
    ],
    [
      "a reserved word as a former path",
      (_, d) => {
        entry(d, "Book").formerPaths = ["views"];
      },
      /Book\.formerPaths: path "views" is a reserved word/,
    ],
    [
      "a reserved word as a relation path",
      (_, d) => {
        entry(d, "Category").relations = { books: { path: "new" } };
      },
      /Category\.books: path "new" is a reserved word/,
    ],
    [
      "a path that is not lowercase snake_case",
      (_, d) => {
        entry(d, "Book").path = "Books";
      },
      /path "Books" must be lowercase snake_case/,
    ],
    [
      "a field both writable and create-only",
      (_, d) => {
        entry(d, "Product").createOnly = ["name"];
      },
      /Product\.name is listed as both writable and createOnly/,
    ],
    [
      "a writable identifier",
      (_, d) => {
        entry(d, "Book").writable?.push("isbn");
      },
      /Book\.isbn is the identifier and can never be updated/,
    ],
    [
      "a field type the APIs cannot expose",
      (m) => {
        modelOf(m, "Product").fields.push(scalarField("tags", "String", { isList: true }));
      },
      /Product\.tags has type String\[\], which the APIs cannot expose; hide it/,
    ],
    [
      "a parent that is not a required to-one relation",
      (_, d) => {
        entry(d, "Book").parent = "categories";
      },
      /Book\.parent must name a required to-one relation; "categories" is not one/,
    ],
    [
      "a parent whose children list is hidden",
      (_, d) => {
        entry(d, "Order").relations = { lineItems: { hidden: true } };
      },
      /LineItem\.parent: Order needs a visible relation listing its line_items/,
    ],
    [
      "a parent that is itself nested",
      (_, d) => {
        entry(d, "Order").parent = "user";
      },
      /LineItem\.parent: Order is itself nested under User; nesting is one level deep/,
    ],
    [
      "a self owner without a username identifier",
      (_, d) => {
        entry(d, "Product").owner = "self";
      },
      /Product\.owner "self" needs a username identifier/,
    ],
    [
      "an owner relation that is not required to-one",
      (_, d) => {
        entry(d, "Book").owner = { relation: "categories" };
      },
      /Book\.owner must name a required to-one relation; "categories" is not one/,
    ],
    [
      "an owner relation to a resource nobody owns",
      (_, d) => {
        entry(d, "LineItem").owner = { relation: "product" };
      },
      /LineItem\.owner: Product has no owner, so its rows belong to nobody/,
    ],
    [
      "a resource both public and owned",
      (_, d) => {
        entry(d, "Order").public = true;
      },
      /Order is public and owned/,
    ],
    [
      "private fields without an owner",
      (_, d) => {
        entry(d, "Product").private = ["stock"];
      },
      /Product has private fields but no owner/,
    ],
    [
      "a private list naming a missing field",
      (_, d) => {
        entry(d, "User").private = ["password"];
      },
      /User\.private names "password", which is not a scalar field/,
    ],
    [
      "a search list naming a missing field",
      (_, d) => {
        entry(d, "Product").search = ["name", "colour"];
      },
      /Product\.search names "colour", which is not a scalar field/,
    ],
    [
      "a search list naming a field that is not text",
      (_, d) => {
        entry(d, "Product").search = ["name", "price"];
      },
      /Product\.search names "price", a Decimal field; only String fields are searchable/,
    ],
    [
      "a search list naming a private field",
      (_, d) => {
        entry(d, "User").search = ["displayName", "email"];
      },
      /User\.search names "email", which is private; a match would reveal it/,
    ],
    [
      "a search list naming a hidden field",
      (_, d) => {
        entry(d, "Book").hidden = ["author"];
        entry(d, "Book").search = ["title", "author"];
      },
      /Book\.search names "author", which is hidden/,
    ],
    [
      "a search list naming a field twice",
      (_, d) => {
        entry(d, "Book").search = ["title", "author", "title"];
      },
      /Book\.search names "title" twice/,
    ],
    [
      "a search list of more fields than there are weights",
      (_, d) => {
        entry(d, "Vehicle").search = ["vin", "make", "model", "username", "vin"];
      },
      /Vehicle\.search lists 5 fields; at most 4 \(one per weight\) are allowed/,
    ],
  ])("%s", (_, change, expected) => {
    const problems = problemsAfter(change);
    expect(
      problems.some((p) => expected.test(p)),
      problems.join("\n"),
    ).toBe(true);
  });
});

test("searchable fields are kept in their order; a resource without any has none", () => {
  const registry = buildRegistry(datamodelCopy(), definitionCopy());
  expect(registry.byPath("books")?.search.map((f) => f.name)).toEqual(["title", "author"]);
  expect(registry.byPath("orders")?.search).toEqual([]);
});

test("a hidden relation to a non-resource is fine", () => {
  expect(
    problemsAfter((m, d) => {
      addAuditLog(m);
      d.internal.push("AuditLog");
      modelOf(m, "Product").fields.push(
        relationField("auditLog", "AuditLog", "ProductAudit", { isRequired: false }),
      );
      entry(d, "Product").relations = { auditLog: { hidden: true } };
    }),
  ).toEqual([]);
});

test("every problem is reported at once, in one error naming them all", () => {
  const datamodel = datamodelCopy();
  const definition = definitionCopy();
  entry(definition, "Book").path = "definition";
  entry(definition, "Product").filterable?.push("colour");
  let error: unknown;
  try {
    buildRegistry(datamodel, definition);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(RegistryError);
  const { problems, message } = error as RegistryError;
  expect(problems).toHaveLength(2);
  for (const problem of problems) expect(message).toContain(problem);
});
