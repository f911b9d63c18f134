import type { DatamodelField, DatamodelModel } from "./datamodel.ts";
import type { ResourceEntry } from "./define.ts";
import { toSnakeCase } from "./names.ts";
import type { ResourceField, ScalarType, Writability } from "./types.ts";

const SCALAR_TYPES: ReadonlySet<string> = new Set<ScalarType>([
  "String",
  "Int",
  "BigInt",
  "Float",
  "Decimal",
  "Boolean",
  "DateTime",
  "Json",
]);

/** Checks that every field name the entry lists is a scalar field of the model. */
export function checkFieldNames(model: DatamodelModel, entry: ResourceEntry, problems: string[]): void {
  const scalars = new Set(model.fields.filter((f) => f.kind === "scalar").map((f) => f.name));
  const lists = {
    filterable: entry.filterable,
    sortable: entry.sortable,
    writable: entry.writable,
    createOnly: entry.createOnly,
    hidden: entry.hidden,
    private: entry.private,
    search: entry.search,
  };
  for (const [list, names] of Object.entries(lists)) {
    for (const name of names ?? []) {
      if (!scalars.has(name))
        problems.push(
          `${model.name}.${list} names "${name}", which is not a scalar field of model ${model.name}`,
        );
    }
  }
  for (const name of entry.writable ?? []) {
    if (entry.createOnly?.includes(name))
      problems.push(`${model.name}.${name} is listed as both writable and createOnly`);
    if (name === entry.identifier.field)
      problems.push(
        `${model.name}.${name} is the identifier and can never be updated; list it in createOnly`,
      );
  }
}

function writabilityOf(field: DatamodelField, entry: ResourceEntry): Writability {
  if (entry.writable?.includes(field.name)) return "always";
  if (entry.createOnly?.includes(field.name)) return "create";
  if (field.name === entry.identifier.field && !field.hasDefaultValue) return "create";
  return "never";
}

/** Builds the exposed scalar fields of one resource. */
export function buildFields(
  model: DatamodelModel,
  entry: ResourceEntry,
  problems: string[],
): ResourceField[] {
  const fields: ResourceField[] = [];
  for (const field of model.fields) {
    if (field.kind === "object" || entry.hidden?.includes(field.name)) continue;
    if (field.kind !== "scalar" || !SCALAR_TYPES.has(field.type) || field.isList) {
      problems.push(
        `${model.name}.${field.name} has type ${field.type}${field.isList ? "[]" : ""}, which the APIs cannot expose; hide it`,
      );
      continue;
    }
    const writable = writabilityOf(field, entry);
    fields.push({
      name: field.name,
      restName: toSnakeCase(field.name),
      type: field.type as ScalarType,
      required: field.isRequired,
      requiredOnCreate:
        writable !== "never" && field.isRequired && !field.hasDefaultValue && !field.isUpdatedAt,
      isIdentifier: field.name === entry.identifier.field,
      unique: field.isUnique || field.isId,
      filterable: entry.filterable?.includes(field.name) ?? false,
      sortable: entry.sortable?.includes(field.name) ?? false,
      writable,
      private: entry.private?.includes(field.name) ?? false,
      ...(field.documentation ? { description: field.documentation } : {}),
    });
  }
  return fields;
}
