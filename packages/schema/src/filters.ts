import { ApiError } from "@tusk/errors";
import type { Resource, ResourceField } from "@tusk/registry";
import {
  type GraphQLInputFieldConfigMap,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLScalarType,
} from "graphql";
import { fieldScalar, fieldValueProblem } from "./field-types.ts";
import { graphqlNames } from "./names.ts";
import { assertRelationDepth, type FilterScope, relationFilter, relationWhere } from "./relation-filters.ts";
import type { TypeCache } from "./type-cache.ts";

const EQUALITY = ["equals", "not", "in", "notIn"] as const;
const COMPARISON = ["lt", "lte", "gt", "gte"] as const;
const TEXT = ["contains", "startsWith", "endsWith"] as const;

/** Operators whose value is a list. */
const LIST_OPERATORS: ReadonlySet<string> = new Set(["in", "notIn"]);

/**
 * The operator input for one scalar (`IntFilter`, `ISBNFilter`, ...): equality and lists for
 * all, comparisons for everything ordered, text matching for plain strings only (an identifier
 * fragment would not parse as an identifier).
 *
 * @example
 * operatorFilter(cache, scalarCodecs.Decimal.graphql).getFields().gte; // defined
 */
export function operatorFilter(cache: TypeCache, scalar: GraphQLScalarType): GraphQLInputObjectType {
  return cache.once(`${scalar.name}Filter`, (name) => {
    const operators: string[] = [...EQUALITY];
    if (scalar.name !== "Boolean") operators.push(...COMPARISON);
    if (scalar.name === "String") operators.push(...TEXT);
    return new GraphQLInputObjectType({
      name,
      description: `Conditions on a ${scalar.name} field; all given conditions must hold.`,
      fields: () =>
        Object.fromEntries(
          operators.map((op) => [
            op,
            { type: LIST_OPERATORS.has(op) ? new GraphQLList(new GraphQLNonNull(scalar)) : scalar },
          ]),
        ),
    });
  });
}

/**
 * `{Type}Filter`: one optional operator input per filterable field, one relation filter per
 * relation (`categories: { some, none, every, count }`, `user: { is, isNot }`), plus `AND`,
 * `OR`, `NOT`.
 *
 * @example
 * resourceFilter(cache, products).name; // "ProductFilter"
 */
export function resourceFilter(cache: TypeCache, resource: Resource): GraphQLInputObjectType {
  return cache.once(graphqlNames(resource).filterInput, (name) => {
    const self: GraphQLInputObjectType = new GraphQLInputObjectType({
      name,
      description: `Conditions on ${resource.plural}; every given entry must hold.`,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {};
        for (const field of resource.fields.filter((f) => f.filterable))
          fields[field.name] = { type: operatorFilter(cache, fieldScalar(resource, field)) };
        for (const relation of resource.relations)
          fields[relation.name] = {
            type: relationFilter(
              cache,
              relation,
              resourceFilter(cache, relation.target),
              operatorFilter(cache, GraphQLInt),
            ),
          };
        const list = new GraphQLList(new GraphQLNonNull(self));
        fields.AND = { type: list, description: "All of these hold." };
        fields.OR = { type: list, description: "At least one of these holds." };
        fields.NOT = { type: list, description: "None of these holds." };
        return fields;
      },
    });
    return self;
  });
}

type Filter = Readonly<Record<string, unknown>>;

/** Refuses an operand the field's codec refuses, naming it by its argument path (`where.name.equals`). */
function checkOperand(resource: Resource, field: ResourceField, operand: unknown, path: string): void {
  for (const value of Array.isArray(operand) ? operand : [operand]) {
    const reason = value === null ? undefined : fieldValueProblem(resource, field, value);
    if (reason)
      throw new ApiError("BAD_USER_INPUT", `invalid ${path}: ${reason}`, {
        invalidParams: [{ name: path, reason }],
      });
  }
}

export { type FilterScope, filterScope } from "./relation-filters.ts";

/**
 * Translates a `{Type}Filter` value into a Prisma `where`. Operators map one to one; a null
 * operand is dropped except `equals`/`not` on nullable fields, where it means "is (not) null".
 * Relation filters keep to the related rows `scope.caller` may read and cross at most
 * `scope.maxRelationDepth` relations. An operand the field's codec refuses, or a filter nested
 * too deep, is `BAD_USER_INPUT` naming its path.
 *
 * @example
 * toPrismaWhere(products, { price: { gte: "200" }, OR: [{ stock: { lt: 5 } }] }, scope);
 * // { AND: [{ price: { gte: "200" } }, { OR: [{ stock: { lt: 5 } }] }] }
 */
export function toPrismaWhere(
  resource: Resource,
  filter: Filter | null | undefined,
  scope: FilterScope,
  path = "where",
  depth = 0,
): Record<string, unknown> {
  if (!filter) return {};
  const parts: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === null || value === undefined) continue;
    if (key === "AND" || key === "OR" || key === "NOT") {
      parts.push({
        [key]: (value as Filter[]).map((f, index) =>
          toPrismaWhere(resource, f, scope, `${path}.${key}.${index}`, depth),
        ),
      });
      continue;
    }
    const relation = resource.relation(key);
    if (relation) {
      const at = `${path}.${key}`;
      assertRelationDepth(scope, depth + 1, at);
      const where = relationWhere(relation, value as Filter, scope, at, (nested, nestedPath) =>
        toPrismaWhere(relation.target, nested, scope, nestedPath, depth + 1),
      );
      if (where) parts.push({ [key]: where });
      continue;
    }
    const field = resource.field(key);
    if (!field) continue;
    const ops: Record<string, unknown> = {};
    for (const [op, operand] of Object.entries(value as Filter)) {
      if (operand === undefined) continue;
      checkOperand(resource, field, operand, `${path}.${key}.${op}`);
      if (operand === null && (field.required || (op !== "equals" && op !== "not"))) continue;
      ops[op] = operand;
    }
    if (Object.keys(ops).length > 0) parts.push({ [key]: ops });
  }
  if (parts.length === 0) return {};
  return parts.length === 1 ? parts[0]! : { AND: parts };
}
