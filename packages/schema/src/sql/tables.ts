import { type DatamodelField, type DatamodelModel, readGeneratedDatamodel } from "@tusk/registry";

/** A scalar column: its name in the database and the Prisma type it is read as. */
export interface Column {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
}

/**
 * How a relation field reaches its target's rows from a parent row. `pairs` are
 * `[target column, parent column]` (or, through a join table, `[join column, parent column]`
 * with `through.target` naming the join column that holds the target's key).
 */
export interface RelationPath {
  readonly target: string;
  readonly list: boolean;
  readonly pairs: readonly (readonly [string, string])[];
  readonly through?: { readonly table: string; readonly target: readonly [string, string] };
}

/** One model as the SQL compiler sees it: its table, scalar columns and relations. */
export interface Table {
  readonly model: string;
  readonly name: string;
  column(field: string): Column;
  hasRelation(field: string): boolean;
  relation(field: string): RelationPath;
}

let tables: Map<string, Table> | undefined;

function columnName(field: DatamodelField): string {
  return field.dbName ?? field.name;
}

/** The relation field on the other model with the same relation name (a self-relation is not modelled). */
function opposite(models: Map<string, DatamodelModel>, model: DatamodelModel, field: DatamodelField) {
  const other = models.get(field.type)!;
  const back = other.fields.find(
    (f) => f.kind === "object" && f.relationName === field.relationName && f !== field,
  );
  if (!back) throw new Error(`${model.name}.${field.name}: no opposite relation field`);
  return { other, back };
}

function scalarColumn(model: DatamodelModel, name: string): string {
  const field = model.fields.find((f) => f.name === name);
  if (!field) throw new Error(`${model.name} has no field ${name}`);
  return columnName(field);
}

function idColumn(model: DatamodelModel): string {
  const id = model.fields.find((f) => f.isId);
  if (!id) throw new Error(`${model.name} has no single-field @id`);
  return columnName(id);
}

function relationPath(
  models: Map<string, DatamodelModel>,
  model: DatamodelModel,
  field: DatamodelField,
): RelationPath {
  const { other, back } = opposite(models, model, field);
  const from = field.relationFromFields ?? [];
  const backFrom = back.relationFromFields ?? [];
  if (from.length > 0) {
    const to = field.relationToFields ?? [];
    const pairs = from.map(
      (name, i) => [scalarColumn(other, to[i]!), scalarColumn(model, name)] as [string, string],
    );
    return { target: other.name, list: field.isList, pairs };
  }
  if (backFrom.length > 0) {
    const to = back.relationToFields ?? [];
    const pairs = backFrom.map(
      (name, i) => [scalarColumn(other, name), scalarColumn(model, to[i]!)] as [string, string],
    );
    return { target: other.name, list: field.isList, pairs };
  }
  // Prisma's implicit many-to-many table `_{relationName}`: column A keys the model whose name
  // sorts first, B the other.
  const parentIsA = model.name < other.name;
  return {
    target: other.name,
    list: true,
    pairs: [[parentIsA ? "A" : "B", idColumn(model)]],
    through: { table: `_${field.relationName}`, target: [parentIsA ? "B" : "A", idColumn(other)] },
  };
}

function buildTable(models: Map<string, DatamodelModel>, model: DatamodelModel): Table {
  const columns = new Map<string, Column>();
  const relations = new Map<string, RelationPath>();
  for (const field of model.fields) {
    if (field.kind === "object") relations.set(field.name, relationPath(models, model, field));
    else columns.set(field.name, { name: columnName(field), type: field.type, required: field.isRequired });
  }
  return {
    model: model.name,
    name: model.dbName ?? model.name,
    column(name) {
      const column = columns.get(name);
      if (!column) throw new Error(`${model.name} has no column for ${name}`);
      return column;
    },
    hasRelation: (name) => relations.has(name),
    relation(name) {
      const relation = relations.get(name);
      if (!relation) throw new Error(`${model.name} has no relation ${name}`);
      return relation;
    },
  };
}

/**
 * The table of a Prisma model, with column names (`@map`), table names (`@@map`) and relation
 * paths read from the generated data model once.
 *
 * @example
 * tableOf("LineItem").column("unitPrice").name; // "unit_price"
 * tableOf("Category").relation("products").through?.table; // "_CategoryToProduct"
 */
export function tableOf(model: string): Table {
  if (!tables) {
    const models = new Map(readGeneratedDatamodel().models.map((m) => [m.name, m]));
    tables = new Map([...models.values()].map((m) => [m.name, buildTable(models, m)]));
  }
  const table = tables.get(model);
  if (!table) throw new Error(`No model ${model} in the data model`);
  return table;
}
