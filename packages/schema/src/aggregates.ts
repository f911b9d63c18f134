import { type Resource, type ResourceField, type ResourceRelation, upperFirst } from "@tusk/registry";
import DataLoader from "dataloader";
import {
  type GraphQLFieldConfigMap,
  GraphQLFloat,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
} from "graphql";
import { columnLimits } from "./columns.ts";
import type { TuskContext } from "./context.ts";
import { fieldScalar, numericFields, orderedFields } from "./field-types.ts";
import { graphqlNames } from "./names.ts";
import { findManyRows } from "./sql/index.ts";
import type { TypeCache } from "./type-cache.ts";
import { formatDecimal } from "./values.ts";

type Row = Record<string, unknown>;
type Op = "_sum" | "_avg" | "_min" | "_max";

/** A Prisma `aggregate`/`groupBy` result: `{ _count: { _all }, _sum: {...}, ... }`. */
export type RawAggregate = { _count?: { _all?: number } } & Partial<Record<Op, Row | null>>;

const OPS: readonly { op: Op; name: "sum" | "avg" | "min" | "max" }[] = [
  { op: "_sum", name: "sum" },
  { op: "_avg", name: "avg" },
  { op: "_min", name: "min" },
  { op: "_max", name: "max" },
];

function fieldsFor(resource: Resource, op: Op): ResourceField[] {
  return op === "_sum" || op === "_avg" ? numericFields(resource) : orderedFields(resource);
}

function valueType(resource: Resource, field: ResourceField, op: Op): GraphQLOutputType {
  if (op === "_avg") return field.type === "Decimal" ? fieldScalar(resource, field) : GraphQLFloat;
  return fieldScalar(resource, field);
}

/**
 * `{Type}Aggregate`: `count`, and `sum`/`avg` of numeric fields, `min`/`max` of numeric and
 * date fields, each an object whose values are null over an empty set.
 *
 * @example
 * aggregateType(cache, products).getFields().sum; // ProductAggregateSum!
 */
export function aggregateType(cache: TypeCache, resource: Resource): GraphQLObjectType {
  const names = graphqlNames(resource);
  return cache.once(names.aggregateType, (name) => {
    const fields: GraphQLFieldConfigMap<unknown, unknown> = {
      count: { type: new GraphQLNonNull(GraphQLInt), description: "How many items match." },
    };
    for (const { op, name: opName } of OPS) {
      const measured = fieldsFor(resource, op);
      if (measured.length === 0) continue;
      const opType = new GraphQLObjectType({
        name: `${name}${upperFirst(opName)}`,
        fields: Object.fromEntries(measured.map((f) => [f.name, { type: valueType(resource, f, op) }])),
      });
      fields[opName] = { type: new GraphQLNonNull(opType) };
    }
    return new GraphQLObjectType({
      name,
      description: `Aggregates over a filtered set of ${resource.plural}, computed by the database.`,
      fields,
    });
  });
}

/**
 * Prisma aggregate arguments computing every aggregate the type offers.
 *
 * @example
 * aggregateArgs(products); // { _count: { _all: true }, _sum: { price: true, stock: true }, ... }
 */
export function aggregateArgs(resource: Resource): Row {
  const args: Row = { _count: { _all: true } };
  for (const { op } of OPS) {
    const fields = fieldsFor(resource, op);
    if (fields.length > 0) args[op] = Object.fromEntries(fields.map((f) => [f.name, true]));
  }
  return args;
}

/**
 * Shapes a Prisma aggregate result for the `{Type}Aggregate` type, printing decimals with their
 * column's scale (averages in full).
 *
 * @example
 * shapeAggregate(products, await prisma.product.aggregate({ where, ...aggregateArgs(products) }));
 */
export function shapeAggregate(resource: Resource, raw: RawAggregate): Row {
  const shaped: Row = { count: raw._count?._all ?? 0 };
  for (const { op, name } of OPS) {
    const values = raw[op] ?? {};
    shaped[name] = Object.fromEntries(
      fieldsFor(resource, op).map((f) => {
        const value = values[f.name] ?? null;
        if (f.type !== "Decimal") return [f.name, value];
        return [f.name, formatDecimal(value, op === "_avg" ? undefined : columnLimits(resource, f).scale)];
      }),
    );
  }
  return shaped;
}

/**
 * Loads `{relation}Aggregate` for many parents in one statement: each parent row with the
 * aggregate of its related rows, computed by the database as in a planned read (so every
 * relation aggregate, planned or loaded, has the same digits).
 */
async function loadRelationAggregates(
  context: TuskContext,
  resource: Resource,
  relation: ResourceRelation,
  where: Row,
  ids: readonly unknown[],
): Promise<RawAggregate[]> {
  const idField = resource.identifier.field.name;
  const { rows } = await findManyRows(context.prisma, resource.model, {
    where: { [idField]: { in: [...ids] } },
    select: {
      [idField]: true,
      _aggregates: { loaded: { relation: relation.name, where, ...aggregateArgs(relation.target) } },
    },
  });
  const byParent = new Map(
    rows.map((r) => [r[idField], (r._aggregates as Record<string, RawAggregate>).loaded]),
  );
  return ids.map((id) => byParent.get(id) ?? { _count: { _all: 0 } });
}

/**
 * The per-request loader of one relation aggregate with one filter, so `{relation}Aggregate`
 * inside a list costs one statement whatever the list's length.
 *
 * @example
 * await relationAggregateLoader(context, categories, categories.relation("products")!, {}).load(36);
 */
export function relationAggregateLoader(
  context: TuskContext,
  resource: Resource,
  relation: ResourceRelation,
  where: Row,
): DataLoader<unknown, RawAggregate> {
  const key = `aggregate:${resource.model}.${relation.name}:${JSON.stringify(where)}`;
  let loader = context.loaders.get(key) as DataLoader<unknown, RawAggregate> | undefined;
  if (!loader) {
    loader = new DataLoader<unknown, RawAggregate>((ids) =>
      loadRelationAggregates(context, resource, relation, where, ids),
    );
    context.loaders.set(key, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}
