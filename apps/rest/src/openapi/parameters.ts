import { type Resource, toSnakeCase } from "@tusk/registry";
import type { FilterOperator, ResourceFacts } from "../operations/index.ts";
import { COUNT_METHODS, type PageSize, relationFilterSyntax } from "../query/index.ts";
import { fieldSchema, type JsonSchema } from "./schemas.ts";

/** An OpenAPI parameter object. */
export type Parameter = Record<string, unknown>;

/**
 * The name of a resource's identifier in path templates: `product_id`, or the
 * identifier's own name when it is not a bare `id` (`isbn`, `username`, `vin`).
 */
export function idParamName(resource: Resource): string {
  const name = resource.identifier.field.restName;
  return name === "id" ? `${toSnakeCase(resource.singular)}_id` : name;
}

/** A path identifier: the rule's canonical pattern, description and example. */
export function pathParameter(resource: Resource, name = idParamName(resource)): Parameter {
  const rule = resource.identifier.rule;
  return {
    name,
    in: "path",
    required: true,
    description: `${resource.model} ${rule.title}. ${rule.description} Other accepted spellings answer 301 to the canonical URI; a value the rule refuses answers 400.`,
    schema: { type: "string", pattern: rule.pattern },
    example: rule.example,
  };
}

function describeOperator(operator: FilterOperator): string {
  if (operator.shape === "list") return `\`${operator.name}(a,b,…)\``;
  if (operator.shape === "nested") {
    const inner = [...(operator.nested?.keys() ?? [])].join(", ");
    return `\`${operator.name}(op(value))\` with op one of ${inner}`;
  }
  return `\`${operator.name}(value)\``;
}

/** One query parameter per filterable field, its operators read from the schema. */
export function filterParameters(resource: Resource, facts: ResourceFacts): Parameter[] {
  const parameters: Parameter[] = [];
  for (const field of resource.fields) {
    const operators = facts.filters.get(field.name);
    if (!operators || operators.size === 0) continue;
    const list = [...operators.values()].map(describeOperator).join(", ");
    parameters.push({
      name: field.restName,
      in: "query",
      required: false,
      description: `Filter on ${field.restName} (${field.type}): \`${field.restName}=value\` for equality, or one of ${list}. Repeat the parameter to combine conditions with AND.`,
      schema: { type: "array", items: { type: "string" } },
      style: "form",
      explode: true,
      example: [String((fieldSchema(resource, field).examples as unknown[] | undefined)?.[0] ?? "value")],
    });
  }
  return parameters;
}

const escapeRegExp = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The component name of a resource's relation filters parameter: `ProductRelationFilters`. */
const relationFiltersName = (resource: Resource) => `${resource.model}RelationFilters`;

/**
 * The filters across relations (`categories.name=Widgets`, `line_items.every.quantity=gte(2)`,
 * `categories.count=gte(2)`) as one form-exploded object parameter: each member is a query
 * parameter of its own, and the members' names are described by a pattern derived from the
 * relations and their targets' filterable fields. One parameter per relation × quantifier ×
 * field would list a hundred near-identical parameters per list route for no more information,
 * so the pattern is given once, as a component each list of the resource refers to, and the
 * operators are those of the related field's own parameter. Undefined without relations.
 */
export function relationFilterComponent(resource: Resource, facts: ResourceFacts): Parameter | undefined {
  const syntax = relationFilterSyntax(resource, facts);
  if (syntax.length === 0) return undefined;
  const alternatives = syntax.flatMap(({ relation, quantifiers, fields, count }) => {
    const words = quantifiers.length > 0 ? `(?:\\.(?:${quantifiers.map(escapeRegExp).join("|")}))?` : "";
    return [
      ...(fields.length > 0
        ? [`${escapeRegExp(relation)}${words}\\.(?:${fields.map(escapeRegExp).join("|")})`]
        : []),
      ...(count ? [`${escapeRegExp(relation)}\\.count`] : []),
    ];
  });
  const relations = syntax
    .map(({ relation, quantifiers, count }) => {
      const words = [...quantifiers.filter((q) => q !== "some"), ...(count ? ["count"] : [])];
      return `${relation} (${words.join(", ") || "no quantifier"})`;
    })
    .join("; ");
  const [first] = syntax;
  return {
    name: "relation_filters",
    in: "query",
    required: false,
    description: `Filters across relations, each its own query parameter: \`{relation}.{field}=value\` or \`{relation}.{field}=op(value)\` keeps items with at least one related row matching (the related field's operators, as on its own collection); \`{relation}.none.{field}\` items with no matching related row; \`{relation}.every.{field}\` items whose related rows all match (also with none); \`{relation}.count=op(n)\` filters by how many related rows there are (integer operators). On a to-one relation \`{relation}.none.{field}\` keeps items whose related row does not match. An item is listed once however many related rows match; only related rows the caller may read count. Relations are named as in URIs, fields by their REST names: ${relations}. An unknown relation, quantifier or field is 400 naming the parameter.`,
    schema: {
      type: "object",
      propertyNames: { pattern: `^(?:${alternatives.join("|")})$` },
      additionalProperties: { type: "string" },
    },
    style: "form",
    explode: true,
    ...(first?.fields[0] ? { example: { [`${first.relation}.${first.fields[0]}`]: "value" } } : {}),
  };
}

/**
 * The relation filters parameters of every resource that has relations, by component name.
 *
 * @example
 * relationFilterComponents(registry.resources, facts).ProductRelationFilters.name; // "relation_filters"
 */
export function relationFilterComponents(
  resources: readonly Resource[],
  facts: (resource: Resource) => ResourceFacts,
): Record<string, Parameter> {
  const components: Record<string, Parameter> = {};
  for (const resource of resources) {
    const component = relationFilterComponent(resource, facts(resource));
    if (component) components[relationFiltersName(resource)] = component;
  }
  return components;
}

/** A reference to the resource's relation filters parameter, when it has one. */
export function relationFilterParameters(resource: Resource, facts: ResourceFacts): Parameter[] {
  return relationFilterSyntax(resource, facts).length > 0
    ? [{ $ref: `#/components/parameters/${relationFiltersName(resource)}` }]
    : [];
}

/** `sort`, `limit` and `cursor` of a list. */
export function pageParameters(resource: Resource, facts: ResourceFacts, pageSize: PageSize): Parameter[] {
  const sortable = resource.fields.filter((field) => facts.sortFields.has(field.name)).map((f) => f.restName);
  return [
    {
      name: "sort",
      in: "query",
      required: false,
      description: `Comma-separated fields, a leading - for descending: ${sortable.join(", ")}. The identifier breaks ties.`,
      schema: { type: "string" },
      example: sortable.length > 1 ? `-${sortable[1]},${sortable[0]}` : sortable[0],
    },
    {
      name: "limit",
      in: "query",
      required: false,
      description: `Page size (default ${pageSize.default}); more than ${pageSize.max} is 400.`,
      schema: { type: "integer", minimum: 1, maximum: pageSize.max, default: pageSize.default },
    },
    {
      name: "cursor",
      in: "query",
      required: false,
      description: "Opaque; take it from the next and prev links. An unknown cursor is 400.",
      schema: { type: "string" },
    },
    {
      name: "count",
      in: "query",
      required: false,
      description:
        "Add the total of matching items as `_meta`: `exact` (past the server's COUNT_EXACT_LIMIT, the estimate, marked so) or `estimated` (PostgreSQL's planner estimate). Any other value is 400. Wins over `Prefer: count=`.",
      schema: { type: "string", enum: [...COUNT_METHODS] },
    },
  ];
}

/** The `Prefer` request header of a list (RFC 7240): `count=exact` or `count=estimated`, as `?count=`. */
export const PREFER_PARAMETER: Parameter = {
  name: "Prefer",
  in: "header",
  required: false,
  description:
    "RFC 7240 preferences: `count=exact` or `count=estimated` adds the total as `?count=` does, answered with `Preference-Applied`. Preferences or values the server does not know are ignored.",
  schema: { type: "string" },
  example: "count=exact",
};

/** `q`, full-text search, on lists of a resource with searchable fields; none otherwise. */
export function searchParameters(resource: Resource, facts: ResourceFacts, pageSize: PageSize): Parameter[] {
  if (!facts.searchable) return [];
  const fields = resource.search.map((field) => field.restName).join(", ");
  return [
    {
      name: "q",
      in: "query",
      required: false,
      description: `Full-text search over ${fields} (in that order of weight), read as a web search: words, "quoted phrases", or, -word to exclude. Only matching items are listed, best match first unless sort is given (sort replaces the rank order). Combines with filters. Empty, or longer than ${pageSize.maxSearchLength} characters, is 400.`,
      schema: { type: "string", minLength: 1, maxLength: pageSize.maxSearchLength },
    },
  ];
}

/** `fields` and `zoom`, on every route that returns a resource. */
export function selectParameters(resource: Resource): Parameter[] {
  const names = resource.relations.map((relation) => relation.restName);
  // Rels (definition URIs) are accepted too, so the enum only documents the short names.
  const zoomable: JsonSchema = { type: "string", ...(names.length > 0 ? { examples: names } : {}) };
  return [
    {
      name: "fields",
      in: "query",
      required: false,
      description: `Comma-separated members to keep (${resource.fields.map((f) => f.restName).join(", ")}); the identifier and _links are always kept.`,
      schema: { type: "array", items: { type: "string" } },
      style: "form",
      explode: false,
    },
    {
      name: "zoom",
      in: "query",
      required: false,
      description:
        "Comma-separated relations to embed under _embeds, by name or by their link rel (the target's definition URI). An unknown relation is 400.",
      schema: { type: "array", items: zoomable },
      style: "form",
      explode: false,
    },
  ];
}
