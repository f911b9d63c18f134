import { type DatamodelField, type DatamodelModel, readGeneratedDatamodel, registry } from "@tusk/registry";
import { describe, expect, it } from "vitest";
import { TABLES, type TableSpec } from "./tables.ts";

// The seed lists every table's columns itself (it inserts with raw SQL); this
// reads the same tables from the data model generated from schema.prisma, so a
// column added there and forgotten here fails.

/** The PostgreSQL array element type the seed sends each Prisma scalar type as. */
const SEED_TYPE: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Decimal: "numeric",
  Boolean: "bool",
  DateTime: "timestamptz",
  Json: "jsonb",
  Bytes: "bytea",
};

type Columns = Record<string, string>;

function seedType(field: DatamodelField): string {
  const type = SEED_TYPE[field.type];
  if (!type) throw new Error(`no seed type for Prisma type ${field.type} (${field.name})`);
  return type;
}

function modelColumns(model: DatamodelModel): Columns {
  const stored = model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
  return Object.fromEntries(stored.map((f) => [f.dbName ?? f.name, seedType(f)]));
}

function idType(model: DatamodelModel): string {
  const ids = model.fields.filter((f) => f.isId);
  const [id] = ids;
  if (!id || ids.length > 1) throw new Error(`${model.name} needs a single-field id for a join table`);
  return seedType(id);
}

/**
 * Prisma's implicit many-to-many tables: `_<relation>` with column A referring to the model
 * whose name sorts first and B to the other.
 */
function joinTables(models: readonly DatamodelModel[]): Record<string, Columns> {
  const byName = new Map(models.map((m) => [m.name, m]));
  const tables: Record<string, Columns> = {};
  for (const model of models) {
    for (const field of model.fields) {
      const implicit = field.kind === "object" && field.isList && !field.relationFromFields?.length;
      const other = byName.get(field.type);
      if (!implicit || !other || !field.relationName) continue;
      const otherSide = other.fields.find(
        (f) => f.relationName === field.relationName && f.type === model.name,
      );
      if (!otherSide?.isList) continue; // a one-to-many back reference, not a join table
      const [a, b] = [model, other].sort((x, y) => (x.name < y.name ? -1 : 1));
      if (!a || !b) continue;
      tables[`_${field.relationName}`] = { A: idType(a), B: idType(b) };
    }
  }
  return tables;
}

/** The data model's tables that hold resources: internal models (kept by the apps themselves) have no seed. */
function datamodelTables(): Record<string, Columns> {
  const models = readGeneratedDatamodel().models.filter((m) => !registry.internalModels.includes(m.name));
  const own = models.map((m) => [m.dbName ?? m.name, modelColumns(m)] as const);
  return { ...Object.fromEntries(own), ...joinTables(models) };
}

function seedTables(): Record<string, Columns> {
  const specs: readonly TableSpec[] = Object.values(TABLES);
  return Object.fromEntries(specs.map((spec) => [spec.table, Object.fromEntries(spec.columns)]));
}

describe("seed tables", () => {
  it("seed every table of the data model, and no other", () => {
    expect(Object.keys(seedTables()).sort()).toEqual(Object.keys(datamodelTables()).sort());
  });

  it("list every column of each table with the type the data model gives it", () => {
    const expected = datamodelTables();
    for (const [table, columns] of Object.entries(seedTables())) {
      expect({ table, columns }).toEqual({ table, columns: expected[table] });
    }
  });
});
