import type { Registry, Resource } from "@tusk/registry";
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { graphqlNames } from "./names.ts";

/** How one filter operator takes its value, read from the schema's operator input type. */
export interface FilterOperator {
  readonly name: string;
  /** `list` operators (`in`, `notIn`) take comma-separated values; `nested` ones take another operator. */
  readonly shape: "value" | "list" | "nested";
  /** The GraphQL scalar name of the value(s), e.g. `Int`, `Decimal`, `ISBN`. */
  readonly scalar: string;
  /** For `nested` operators (`not: IntFilter`), the operators of the nested input. */
  readonly nested?: ReadonlyMap<string, FilterOperator>;
}

/** Field name -> operator name -> operator. */
export type FieldFilters = ReadonlyMap<string, ReadonlyMap<string, FilterOperator>>;

/** What the schema offers to filter one relation by, read from its relation filter input. */
export interface RelationFilterFacts {
  /** `some`, `none`, `every` (to-many) or `is`, `isNot` (to-one), in the schema's order. */
  readonly quantifiers: readonly string[];
  /** The operators of `count`, for a to-many relation. */
  readonly count: ReadonlyMap<string, FilterOperator> | undefined;
  /** The related resource's field filters. */
  readonly fields: FieldFilters;
}

/** What the schema offers for one resource: filters, sort fields and aggregates. */
export interface ResourceFacts {
  readonly filters: FieldFilters;
  /** Relation name -> what it may be filtered by. */
  readonly relationFilters: ReadonlyMap<string, RelationFilterFacts>;
  readonly sortFields: ReadonlySet<string>;
  /** Aggregate name (`sum`, `avg`, `min`, `max`) -> the fields it covers. */
  readonly aggregates: ReadonlyMap<string, readonly string[]>;
  /** Its collections take a full-text `search` (the registry marks some fields searchable). */
  readonly searchable: boolean;
}

function unwrap(type: GraphQLInputType): { list: boolean; named: ReturnType<typeof getNamedType> } {
  const inner = isNonNullType(type) ? type.ofType : type;
  return { list: isListType(inner), named: getNamedType(type) };
}

function operatorsOf(type: GraphQLInputType, depth = 0): Map<string, FilterOperator> {
  const operators = new Map<string, FilterOperator>();
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return operators;
  for (const field of Object.values(named.getFields())) {
    const { list, named: valueType } = unwrap(field.type);
    if (!valueType) continue;
    if (isInputObjectType(valueType)) {
      // `not: IntFilter` style: one level of nesting is enough for `not(gte(5))`.
      if (depth > 0) continue;
      operators.set(field.name, {
        name: field.name,
        shape: "nested",
        scalar: "",
        nested: operatorsOf(valueType, 1),
      });
    } else {
      operators.set(field.name, { name: field.name, shape: list ? "list" : "value", scalar: valueType.name });
    }
  }
  return operators;
}

/** The field filters of a `{Type}Filter` input. */
function fieldFilters(schema: GraphQLSchema, resource: Resource): FieldFilters {
  const filters = new Map<string, Map<string, FilterOperator>>();
  const filterType = schema.getType(graphqlNames(resource).filterInput);
  if (!isInputObjectType(filterType)) return filters;
  for (const field of Object.values(filterType.getFields())) {
    if (!resource.field(field.name)) continue; // relations, AND, OR, NOT
    filters.set(field.name, operatorsOf(field.type));
  }
  return filters;
}

/** The relation filters of a `{Type}Filter` input: quantifiers, `count` and the target's fields. */
function relationFilters(schema: GraphQLSchema, resource: Resource): Map<string, RelationFilterFacts> {
  const relations = new Map<string, RelationFilterFacts>();
  const filterType = schema.getType(graphqlNames(resource).filterInput);
  if (!isInputObjectType(filterType)) return relations;
  for (const field of Object.values(filterType.getFields())) {
    const relation = resource.relation(field.name);
    const input = getNamedType(field.type);
    if (!relation || !isInputObjectType(input)) continue;
    const members = Object.values(input.getFields());
    const targetFilter = graphqlNames(relation.target).filterInput;
    const count = members.find((member) => member.name === "count");
    relations.set(relation.name, {
      quantifiers: members.filter((m) => getNamedType(m.type).name === targetFilter).map((m) => m.name),
      count: count ? operatorsOf(count.type) : undefined,
      fields: fieldFilters(schema, relation.target),
    });
  }
  return relations;
}

/** Reads a resource's filter operators, sort fields and aggregate fields from the schema. */
export function readResourceFacts(schema: GraphQLSchema, resource: Resource): ResourceFacts {
  const names = graphqlNames(resource);
  const filters = fieldFilters(schema, resource);
  const sortEnum = schema.getType(names.sortFieldEnum);
  const sortFields = new Set(isEnumType(sortEnum) ? sortEnum.getValues().map((value) => value.name) : []);
  const aggregates = new Map<string, string[]>();
  const aggregateType = schema.getType(names.aggregateType);
  if (isObjectType(aggregateType)) {
    for (const field of Object.values(aggregateType.getFields()) as GraphQLField<unknown, unknown>[]) {
      const named = getNamedType(field.type);
      if (isObjectType(named)) aggregates.set(field.name, Object.keys(named.getFields()));
    }
  }
  return {
    filters,
    relationFilters: relationFilters(schema, resource),
    sortFields,
    aggregates,
    searchable: takesSearch(schema, resource),
  };
}

/** Whether the resource's collections (every field answering its connection type) take `search`. */
function takesSearch(schema: GraphQLSchema, resource: Resource): boolean {
  const connection = graphqlNames(resource).connectionType;
  return Object.values(schema.getTypeMap()).some(
    (type) =>
      isObjectType(type) &&
      Object.values(type.getFields()).some(
        (field) =>
          getNamedType(field.type).name === connection && field.args.some((arg) => arg.name === "search"),
      ),
  );
}

/** Facts for every resource of the registry, read once per schema. */
export function readSchemaFacts(
  schema: GraphQLSchema,
  registry: Registry,
): ReadonlyMap<Resource, ResourceFacts> {
  return new Map(registry.resources.map((resource) => [resource, readResourceFacts(schema, resource)]));
}
