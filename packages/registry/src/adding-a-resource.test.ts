/**
 * Adds a throwaway resource the documented way, replaying the code blocks of
 * docs/adding-a-resource.md: the model and the Product lines go into a copy of
 * prisma/schema.prisma (parsed by Prisma itself), the entry into a copy of the definition.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { definitionCopy } from "../test/fixtures.ts";
import { addToModel, generateDatamodel, schemaPath } from "../test/generate-datamodel.ts";
import { summarise } from "../test/summary.ts";
import { buildRegistry } from "./build.ts";
import type { Datamodel, Registry, ResourceEntry } from "./index.ts";
import { RegistryError } from "./registry-error.ts";

const doc = readFileSync(new URL("../../../docs/adding-a-resource.md", import.meta.url), "utf8");

/** The fenced code blocks of one language in the doc, in order. */
function blocks(language: string): string[] {
  return [...doc.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)]
    .filter((m) => m[1] === language)
    .map((m) => m[2] ?? "");
}

function docBlock(language: string, containing: string): string {
  const found = blocks(language).find((b) => b.includes(containing));
  if (!found) throw new Error(`docs/adding-a-resource.md has no ${language} block with ${containing}`);
  return found;
}

const modelBlock = docBlock("prisma", "model Manufacturer {");
/** The lines the doc adds to Product: everything inside its block but comments and the braces. */
const productLines = docBlock("prisma", "model Product {")
  .split("\n")
  .filter((line) => line.startsWith("  ") && !line.trim().startsWith("//") && line.trim() !== "");
/** The registry entry block is a plain object literal, evaluated as one. */
const entries = new Function(`return {${docBlock("ts", "Manufacturer: {")}};`)() as Record<
  string,
  ResourceEntry
>;

let datamodel: Datamodel;

beforeAll(() => {
  const schema = addToModel(readFileSync(schemaPath, "utf8"), "Product", productLines);
  datamodel = generateDatamodel(`${schema}\n${modelBlock}`);
}, 60_000);

test("before the registry entry, loading fails with the problems the doc shows", () => {
  const expected = docBlock("text", "The resource registry does not match")
    .split("\n")
    .filter((line) => line.startsWith("- "))
    .map((line) => line.slice(2));
  expect(expected.length).toBeGreaterThan(0);
  expect(() => buildRegistry(datamodel, definitionCopy())).toThrow(RegistryError);
  try {
    buildRegistry(datamodel, definitionCopy());
  } catch (error) {
    expect([...(error as RegistryError).problems].sort()).toEqual(expected.sort());
  }
});

describe("with the registry entry", () => {
  let registry: Registry;
  beforeAll(() => {
    const definition = definitionCopy();
    Object.assign(definition.resources, entries);
    registry = buildRegistry(datamodel, definition);
  });

  test("the resource appears with its path and identifier rule", () => {
    const manufacturer = registry.byPath("manufacturers");
    expect(manufacturer?.model).toBe("Manufacturer");
    expect(registry.byModel("Manufacturer")).toBe(manufacturer);
    expect(registry.rootResources).toContain(manufacturer);
    expect(manufacturer?.identifier.rule.kind).toBe("positive-integer");
    expect(manufacturer?.identifier.serverAssigned).toBe(true);
    expect(manufacturer?.description).toBe("A company that makes products.");
    expect(manufacturer?.fields.map((f) => [f.name, f.restName, f.writable])).toEqual([
      ["id", "id", "never"],
      ["name", "name", "always"],
      ["country", "country", "always"],
      ["createdAt", "created_at", "never"],
      ["updatedAt", "updated_at", "never"],
    ]);
  });

  test("its relations appear on both sides", () => {
    const manufacturer = registry.byModel("Manufacturer");
    const product = registry.byModel("Product");
    const products = manufacturer?.relation("products");
    const back = product?.relation("manufacturer");
    expect(products).toMatchObject({
      path: "products",
      cardinality: "to-many",
      target: product,
      inverse: "manufacturer",
    });
    expect(back).toMatchObject({
      path: "manufacturer",
      cardinality: "to-one",
      target: manufacturer,
      foreignKeys: ["manufacturerId"],
      required: false,
      inverse: "products",
    });
    expect(product?.field("manufacturerId")).toMatchObject({ restName: "manufacturer_id", required: false });
  });

  test("the summary shows the lines the doc shows", () => {
    const shown = docBlock("text", "Manufacturer /v1/manufacturers").trim().split("\n");
    const summary = summarise(registry).split("\n");
    for (const line of shown) expect(summary).toContain(line);
  });
});
