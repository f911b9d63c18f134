/**
 * Parity between Prisma's data model and the registry, walked in both directions from the
 * generated datamodel (not from a copied list): every model, scalar field and relation is either
 * exposed or deliberately kept out, and everything the registry exposes exists in Prisma.
 * (That every URI built from the registry parses back is checked in packages/uri.)
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { generateDatamodel, schemaPath } from "../test/generate-datamodel.ts";
import { definition, type ResourceEntry, readGeneratedDatamodel, registry } from "./index.ts";

const datamodel = readGeneratedDatamodel();
const internal: readonly string[] = definition.internal;

test("every Prisma model is a resource or internal, and nothing else is", () => {
  for (const model of datamodel.models) {
    const accounted = registry.byModel(model.name) !== undefined || internal.includes(model.name);
    expect(accounted, `model ${model.name}`).toBe(true);
  }
  const models = datamodel.models.map((m) => m.name);
  for (const resource of registry.resources) expect(models).toContain(resource.model);
  for (const name of registry.internalModels) expect(models).toContain(name);
});

describe.each(registry.resources.map((r) => [r.model, r] as const))("%s", (model, resource) => {
  const prisma = datamodel.models.find((m) => m.name === model);
  const entries: Readonly<Record<string, ResourceEntry>> = definition.resources;
  const hidden: readonly string[] = entries[model]?.hidden ?? [];
  const relationNotes = entries[model]?.relations ?? {};

  test("every scalar field is exposed or listed hidden, and every exposed field exists", () => {
    const scalars = prisma?.fields.filter((f) => f.kind !== "object") ?? [];
    for (const field of scalars) {
      const exposed = resource.field(field.name) !== undefined;
      expect(exposed !== hidden.includes(field.name), `${model}.${field.name}`).toBe(true);
    }
    const names = scalars.map((f) => f.name);
    for (const field of resource.fields) expect(names).toContain(field.name);
  });

  test("every relation is exposed or hidden, and every exposed relation exists", () => {
    const relations = prisma?.fields.filter((f) => f.kind === "object") ?? [];
    for (const field of relations) {
      const exposed = resource.relation(field.name) !== undefined;
      expect(exposed !== (relationNotes[field.name]?.hidden ?? false), `${model}.${field.name}`).toBe(true);
    }
    for (const relation of resource.relations) {
      const field = relations.find((f) => f.name === relation.name);
      expect(field?.type, `${model}.${relation.name}`).toBe(relation.target.model);
      for (const key of relation.foreignKeys) expect(resource.field(key), `${model}.${key}`).toBeDefined();
    }
  });

  test("inverse relations point at each other", () => {
    for (const relation of resource.relations) {
      if (!relation.inverse) continue;
      const back = relation.target.relation(relation.inverse);
      if (back) expect(back.inverse, `${model}.${relation.name}`).toBe(relation.name);
    }
  });

  test("the identifier is the model's @id and its rule fits the field type", () => {
    const id = prisma?.fields.find((f) => f.name === resource.identifier.field.name);
    expect(id?.isId).toBe(true);
    expect(resource.identifier.field.isIdentifier).toBe(true);
    expect(resource.fields.filter((f) => f.isIdentifier)).toEqual([resource.identifier.field]);
    expect(resource.identifier.field.type).toBe(
      resource.identifier.rule.valueType === "int" ? "Int" : "String",
    );
  });

  test("lookups find it under its path and former paths", () => {
    expect(registry.byModel(model)).toBe(resource);
    expect(registry.byPath(resource.path)).toBe(resource);
    for (const former of resource.formerPaths) expect(registry.byFormerPath(former)).toBe(resource);
    expect(registry.rootResources.includes(resource)).toBe(resource.parent === undefined);
  });

  test("a nested-only resource is listed by its parent and keyed by a foreign key", () => {
    const parent = resource.parent;
    if (!parent) return;
    expect(parent.relation.target).toBe(parent.resource);
    expect(parent.collection.target).toBe(resource);
    expect(parent.resource.relation(parent.collection.name)).toBe(parent.collection);
    expect(parent.relation.foreignKeys).toHaveLength(1);
    expect(parent.resource.parent).toBeUndefined();
  });
});

test("the generated data model is up to date with prisma/schema.prisma", () => {
  // A stale generated file would make every check above compare against an old schema.
  const fresh = generateDatamodel(readFileSync(schemaPath, "utf8"));
  expect(readGeneratedDatamodel().models).toEqual(fresh.models);
}, 60_000);
