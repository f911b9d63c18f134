import { identifierRules, isReservedWord } from "@tusk/identifiers";
import { initialAccess, linkAccess } from "./build-access.ts";
import { buildFields, checkFieldNames } from "./build-fields.ts";
import type { Datamodel, DatamodelField, DatamodelModel } from "./datamodel.ts";
import type { RegistryDefinition, ResourceEntry } from "./define.ts";
import { lowerFirst, toCamelCase, toSnakeCase } from "./names.ts";
import { RegistryError } from "./registry-error.ts";
import { buildSearch } from "./search.ts";
import type { Registry, RelationCardinality, Resource, ResourceParent, ResourceRelation } from "./types.ts";
import { VIEW_NAMES } from "./views.ts";

const PATH_PATTERN = /^[a-z][a-z0-9_]*$/;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function checkPath(owner: string, path: string, problems: string[]): void {
  if (!PATH_PATTERN.test(path)) problems.push(`${owner}: path "${path}" must be lowercase snake_case`);
  if (isReservedWord(path)) problems.push(`${owner}: path "${path}" is a reserved word`);
}

function cardinalityOf(field: DatamodelField, inverse: DatamodelField | undefined): RelationCardinality {
  if (!field.isList) return "to-one";
  return inverse?.isList ? "many-to-many" : "to-many";
}

function findInverse(
  datamodel: Datamodel,
  model: DatamodelModel,
  field: DatamodelField,
): DatamodelField | undefined {
  const target = datamodel.models.find((m) => m.name === field.type);
  return target?.fields.find(
    (f) =>
      f.kind === "object" &&
      f.relationName === field.relationName &&
      !(target.name === model.name && f.name === field.name),
  );
}

function createResource(
  model: DatamodelModel,
  entry: ResourceEntry,
  problems: string[],
): Mutable<Resource> | undefined {
  checkFieldNames(model, entry, problems);
  checkPath(model.name, entry.path, problems);
  for (const former of entry.formerPaths ?? []) checkPath(`${model.name}.formerPaths`, former, problems);
  const fields = buildFields(model, entry, problems);
  const idField = fields.find((f) => f.name === entry.identifier.field);
  const idSource = model.fields.find((f) => f.name === entry.identifier.field);
  const rule = identifierRules[entry.identifier.rule];
  if (!idField || !idSource) {
    problems.push(
      `${model.name}: identifier field "${entry.identifier.field}" is not an exposed scalar field`,
    );
    return undefined;
  }
  if (!idSource.isId)
    problems.push(`${model.name}: identifier field "${idField.name}" must be the model's @id`);
  if (!rule) {
    problems.push(`${model.name}: unknown identifier rule "${entry.identifier.rule}"`);
    return undefined;
  }
  const expected = rule.valueType === "int" ? "Int" : "String";
  if (idField.type !== expected) {
    problems.push(
      `${model.name}: identifier rule ${rule.kind} needs an ${expected} field, but ${idField.name} is ${idField.type}`,
    );
  }
  const singular = lowerFirst(model.name);
  const versionSource = model.fields.find((field) => field.isUpdatedAt);
  const resource: Mutable<Resource> = {
    model: model.name,
    path: entry.path,
    singular,
    plural: toCamelCase(entry.path),
    description: model.documentation,
    identifier: { field: idField, rule, serverAssigned: idSource.hasDefaultValue },
    fields,
    relations: [],
    parent: undefined,
    formerPaths: entry.formerPaths ?? [],
    writable: !entry.readOnly,
    access: initialAccess(entry, fields),
    views: entry.views ?? VIEW_NAMES,
    version: fields.find((field) => field.name === versionSource?.name),
    search: buildSearch(model.name, entry, fields, problems),
    field: (name) => fields.find((f) => f.name === name),
    relation: (name) => resource.relations.find((r) => r.name === name),
  };
  return resource;
}

function linkRelations(
  datamodel: Datamodel,
  model: DatamodelModel,
  entry: ResourceEntry,
  resource: Mutable<Resource>,
  byModel: ReadonlyMap<string, Resource>,
  problems: string[],
): void {
  const objectFields = new Map(model.fields.filter((f) => f.kind === "object").map((f) => [f.name, f]));
  for (const name of Object.keys(entry.relations ?? {})) {
    if (!objectFields.has(name))
      problems.push(
        `${model.name}.relations names "${name}", which is not a relation field of model ${model.name}`,
      );
  }
  const relations: ResourceRelation[] = [];
  for (const field of objectFields.values()) {
    const annotation = entry.relations?.[field.name] ?? {};
    if (annotation.hidden) continue;
    const target = byModel.get(field.type);
    if (!target) {
      problems.push(
        `${model.name}.${field.name} points to ${field.type}, which is not a resource; hide the relation`,
      );
      continue;
    }
    const inverse = findInverse(datamodel, model, field);
    const cardinality = cardinalityOf(field, inverse);
    const path = annotation.path ?? toSnakeCase(field.name);
    checkPath(`${model.name}.${field.name}`, path, problems);
    relations.push({
      name: field.name,
      path,
      restName: toSnakeCase(field.name),
      cardinality,
      target,
      foreignKeys: field.relationFromFields ?? [],
      inverse: inverse?.name,
      required: cardinality === "to-one" && field.isRequired,
      membershipWritable: cardinality === "many-to-many" && (annotation.membershipWritable ?? true),
    });
  }
  const paths = relations.map((r) => r.path);
  for (const path of new Set(paths)) {
    if (paths.filter((p) => p === path).length > 1)
      problems.push(`${model.name}: two relations use the path "${path}"`);
  }
  resource.relations = relations;
}

function linkParent(resource: Mutable<Resource>, entry: ResourceEntry, problems: string[]): void {
  if (!entry.parent) return;
  const relation = resource.relation(entry.parent);
  if (relation?.cardinality !== "to-one" || !relation.required) {
    problems.push(
      `${resource.model}.parent must name a required to-one relation; "${entry.parent}" is not one`,
    );
    return;
  }
  const collection = relation.inverse ? relation.target.relation(relation.inverse) : undefined;
  if (!collection) {
    problems.push(
      `${resource.model}.parent: ${relation.target.model} needs a visible relation listing its ${resource.path}`,
    );
    return;
  }
  const parent: ResourceParent = { relation, resource: relation.target, collection };
  resource.parent = parent;
}

/** URIs nest one level (/v1/orders/9/line_items/12345): a parent must have a root collection. */
function checkNestingDepth(resources: readonly Resource[], problems: string[]): void {
  for (const resource of resources) {
    const parent = resource.parent?.resource;
    if (parent?.parent)
      problems.push(
        `${resource.model}.parent: ${parent.model} is itself nested under ${parent.parent.resource.model}; nesting is one level deep`,
      );
  }
}

function checkUniquePaths(resources: readonly Resource[], problems: string[]): void {
  const seen = new Map<string, string>();
  for (const r of resources) {
    for (const path of [r.path, ...r.formerPaths]) {
      const owner = seen.get(path);
      if (owner) problems.push(`path "${path}" is used by both ${owner} and ${r.model}`);
      seen.set(path, r.model);
    }
  }
}

/**
 * Builds the registry from Prisma's data model and the annotation that makes
 * models resources. Throws a {@link RegistryError} listing every mismatch.
 *
 * @example
 * const registry = buildRegistry(readGeneratedDatamodel(), definition);
 * registry.byPath("products")?.identifier.rule.kind; // "positive-integer"
 */
export function buildRegistry(datamodel: Datamodel, definition: RegistryDefinition): Registry {
  const problems: string[] = [];
  const modelNames = new Set(datamodel.models.map((m) => m.name));
  const internal = definition.internal ?? [];
  for (const name of [...Object.keys(definition.resources), ...internal]) {
    if (!modelNames.has(name))
      problems.push(`the registry names model "${name}", which schema.prisma does not define`);
  }
  for (const name of modelNames) {
    const isResource = Object.hasOwn(definition.resources, name);
    if (!isResource && !internal.includes(name))
      problems.push(`model ${name} is neither a resource nor marked internal`);
    if (isResource && internal.includes(name)) problems.push(`model ${name} is both a resource and internal`);
  }

  const built: { model: DatamodelModel; entry: ResourceEntry; resource: Mutable<Resource> }[] = [];
  for (const model of datamodel.models) {
    const entry = definition.resources[model.name];
    if (!entry) continue;
    const resource = createResource(model, entry, problems);
    if (resource) built.push({ model, entry, resource });
  }
  const byModel = new Map<string, Resource>(built.map((b) => [b.model.name, b.resource]));
  for (const b of built) linkRelations(datamodel, b.model, b.entry, b.resource, byModel, problems);
  for (const b of built) linkParent(b.resource, b.entry, problems);
  linkAccess(built, problems);
  checkNestingDepth(
    built.map((b) => b.resource),
    problems,
  );

  const resources: readonly Resource[] = built.map((b) => b.resource);
  checkUniquePaths(resources, problems);
  if (problems.length > 0) throw new RegistryError(problems);

  const byPath = new Map(resources.map((r) => [r.path, r]));
  const byFormerPath = new Map(resources.flatMap((r) => r.formerPaths.map((p) => [p, r] as const)));
  return {
    resources,
    rootResources: resources.filter((r) => !r.parent),
    internalModels: internal,
    byModel: (model) => byModel.get(model),
    byPath: (path) => byPath.get(path),
    byFormerPath: (path) => byFormerPath.get(path),
  };
}
