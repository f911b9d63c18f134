import { type NestedCreation, nestedCreations, type Resource, type ResourceField } from "@tusk/registry";
import { scalarCodecs, type ValueSchemas } from "@tusk/scalars";
import type { ResourceFacts } from "../operations/index.ts";
import { profileMediaType } from "../representation/negotiate.ts";

/** A JSON Schema (OpenAPI 3.1 uses JSON Schema 2020-12 as is). */
export type JsonSchema = Record<string, unknown>;

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** Component names of one resource's schemas, all from the model name. */
export function schemaNames(resource: Resource) {
  const model = resource.model;
  return {
    item: model,
    list: `${model}List`,
    hal: `${model}Hal`,
    halList: `${model}HalList`,
    create: `${model}Create`,
    createMany: `${model}CreateMany`,
    patch: `${model}Patch`,
    summary: `${model}Summary`,
  };
}

/**
 * The value schema of one field, from its type's codec: what bodies may hold (`input`) or what
 * representations hold (`output`); the identifier carries its rule's pattern and example.
 */
export function fieldSchema(
  resource: Resource,
  field: ResourceField,
  direction: keyof ValueSchemas = "output",
  nullable = !field.required,
): JsonSchema {
  const schema: JsonSchema = { ...scalarCodecs[field.type].jsonSchema[direction] };
  if (field.isIdentifier) {
    const rule = resource.identifier.rule;
    if (schema.type === "string") schema.pattern = rule.pattern;
    schema.description = rule.description;
    schema.examples = [rule.valueType === "int" ? Number(rule.example) : rule.example];
  } else if (field.description) {
    schema.description = field.description;
  }
  if (field.writable === "never") schema.readOnly = true;
  if (nullable && typeof schema.type === "string") schema.type = [schema.type, "null"];
  else if (nullable && Array.isArray(schema.type)) schema.type = [...schema.type, "null"];
  return schema;
}

/** NARWHL-JSON item: members at the top level, `_links` always, `_embeds` only when zoomed. */
function itemSchema(resource: Resource): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of resource.fields) properties[field.restName] = fieldSchema(resource, field);
  properties._links = { type: "array", items: ref("Link") };
  properties._embeds = {
    type: "array",
    description: `Present only with ?zoom=: one object per zoomed relation, keyed by the target's plural (${resource.relations
      .map((relation) => relation.target.path)
      .join(", ")}).`,
    items: { type: "object", additionalProperties: { type: "array", items: { type: "object" } } },
  };
  return {
    type: "object",
    description: `${resource.model} (NARWHL-JSON, ${profileMediaType(resource)}). Members left out by ?fields= are absent.`,
    properties,
    required: ["_links"],
    additionalProperties: false,
  };
}

/** Item and list responses share one shape: the plural key holds an array (one item for an item URI). */
function listSchema(resource: Resource): JsonSchema {
  return {
    type: "object",
    properties: {
      [resource.path]: { type: "array", items: ref(schemaNames(resource).item) },
      _links: { type: "array", items: ref("Link"), description: "self, and on lists first, prev, next" },
      _meta: ref("ListMeta"),
    },
    required: [resource.path, "_links"],
    additionalProperties: false,
  };
}

function halItemSchema(resource: Resource): JsonSchema {
  const properties: Record<string, JsonSchema> = { _links: ref("HalLinks") };
  for (const field of resource.fields) properties[field.restName] = fieldSchema(resource, field);
  properties._embedded = { type: "object", description: "Zoomed relations, keyed by rel." };
  return { type: "object", properties, required: ["_links"], additionalProperties: false };
}

function halListSchema(resource: Resource): JsonSchema {
  return {
    type: "object",
    properties: {
      _links: ref("HalLinks"),
      _meta: ref("ListMeta"),
      _embedded: {
        type: "object",
        properties: { [resource.path]: { type: "array", items: ref(schemaNames(resource).hal) } },
      },
    },
    required: ["_links", "_embedded"],
  };
}

/** The members of a create body but `given` (keys the URI or an enclosing object decides). */
function createMembersSchema(resource: Resource, given: readonly string[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const field of resource.fields) {
    if (field.writable === "never" || given.includes(field.name)) continue;
    properties[field.restName] = fieldSchema(resource, field, "input");
    if (field.requiredOnCreate) required.push(field.restName);
  }
  return { type: "object", properties, required, additionalProperties: false };
}

/** A nested list of a create body: its items' members, their parent key being the new row's. */
function nestedListSchema(resource: Resource, nested: NestedCreation): JsonSchema {
  return {
    type: "array",
    description: `${nested.child.path} created with this ${resource.singular} in the same transaction (all or none); each gets the new ${resource.singular}'s ${nested.foreignKeys.join(", ")}.`,
    items: createMembersSchema(nested.child, nested.foreignKeys),
  };
}

/**
 * POST body: every field writable now or at creation (a nested child's parent key comes from the
 * URI), and a list per relation whose items may be created with it (an order's `line_items`).
 */
function createBodySchema(resource: Resource): JsonSchema {
  const schema = createMembersSchema(resource, resource.parent?.relation.foreignKeys ?? []);
  const properties = schema.properties as Record<string, JsonSchema>;
  for (const nested of nestedCreations(resource))
    properties[nested.relation.restName] = nestedListSchema(resource, nested);
  return schema;
}

/** JSON merge patch (RFC 7396): only fields writable after creation; null clears an optional one. */
function patchBodySchema(resource: Resource): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of resource.fields) {
    if (field.writable === "always") properties[field.restName] = fieldSchema(resource, field, "input");
  }
  return { type: "object", properties, additionalProperties: false };
}

/** The summary view: count, and each aggregate over the fields the schema offers it for. */
function summarySchema(resource: Resource, facts: ResourceFacts): JsonSchema {
  const summary: Record<string, JsonSchema> = { count: { type: "integer" } };
  for (const [name, fields] of facts.aggregates) {
    const members: Record<string, JsonSchema> = {};
    for (const fieldName of fields) {
      const field = resource.field(fieldName);
      members[field?.restName ?? fieldName] = { type: ["string", "number", "null"] };
    }
    summary[name] = { type: "object", properties: members };
  }
  return {
    type: "object",
    properties: {
      summary: { type: "object", properties: summary, required: ["count"] },
      _links: { type: "array", items: ref("Link") },
    },
    required: ["summary", "_links"],
  };
}

/** Every schema one resource contributes to `components.schemas`. */
export function resourceSchemas(resource: Resource, facts: ResourceFacts): Record<string, JsonSchema> {
  const names = schemaNames(resource);
  const schemas: Record<string, JsonSchema> = {
    [names.item]: itemSchema(resource),
    [names.list]: listSchema(resource),
    [names.hal]: halItemSchema(resource),
    [names.halList]: halListSchema(resource),
  };
  if (resource.writable) {
    schemas[names.create] = createBodySchema(resource);
    if (!resource.parent)
      schemas[names.createMany] = {
        type: "array",
        description: `Several ${resource.path} created at once, all or none; more than the server's bulk limit (BULK_WRITE_LIMIT) is 413.`,
        items: ref(names.create),
        minItems: 1,
      };
    schemas[names.patch] = patchBodySchema(resource);
  }
  // Every resource has a summary: root collections and relations' collections both offer views.
  schemas[names.summary] = summarySchema(resource, facts);
  return schemas;
}
