import { Prisma } from "@tusk/db";
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
import { delegate } from "./delegate.ts";
import { fieldScalar, numericFields, orderedFields } from "./field-types.ts";
import { graphqlNames } from "./names.ts";
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

function compare(a: unknown, b: unknown): number {
  if (a instanceof Prisma.Decimal) return a.comparedTo(b as Prisma.Decimal);
  if (a instanceof Date) return a.getTime() - (b as Date).getTime();
  return (a as number) - (b as number);
}

/** Aggregates rows in memory, in the shape Prisma's `aggregate` returns. */
function aggregateRows(resource: Resource, rows: readonly Row[]): RawAggregate {
  const result: RawAggregate = { _count: { _all: rows.length } };
  for (const { op } of OPS) {
    const values: Row = {};
    for (const field of fieldsFor(resource, op)) {
      const present = rows.map((r) => r[field.name]).filter((v) => v !== null && v !== undefined);
      if (present.length === 0) {
        values[field.name] = null;
      } else if (op === "_min" || op === "_max") {
        const sorted = [...present].sort(compare);
        values[field.name] = op === "_min" ? sorted[0] : sorted.at(-1);
      } else if (field.type === "Decimal") {
        const sum = present.reduce<Prisma.Decimal>(
          (acc, v) => acc.plus(v as Prisma.Decimal),
          new Prisma.Decimal(0),
        );
        values[field.name] = op === "_sum" ? sum : sum.div(present.length);
      } else {
        const sum = present.reduce<number>((acc, v) => acc + (v as number), 0);
        values[field.name] = op === "_sum" ? sum : sum / present.length;
      }
    }
    result[op] = values;
  }
  return result;
}

/**
 * Loads `{relation}Aggregate` for many parents in one query: a `groupBy` on the foreign key
 * for one-to-many relations; for many-to-many (which Prisma cannot group by), one query for
 * the measured columns of the related rows, aggregated here.
 */
async function loadRelationAggregates(
  context: TuskContext,
  resource: Resource,
  relation: ResourceRelation,
  where: Row,
  ids: readonly unknown[],
): Promise<RawAggregate[]> {
  const target = relation.target;
  const inverse = relation.inverse ? target.relation(relation.inverse) : undefined;
  if (!inverse) throw new Error(`${resource.model}.${relation.name} has no inverse relation to aggregate by`);
  const idField = resource.identifier.field.name;
  if (relation.cardinality === "to-many") {
    const foreignKey = inverse.foreignKeys[0]!;
    const groups = await delegate(context.prisma, target).groupBy({
      by: [foreignKey],
      where: { AND: [where, { [foreignKey]: { in: ids } }] },
      ...aggregateArgs(target),
    });
    const byParent = new Map(groups.map((g) => [g[foreignKey], g as RawAggregate]));
    return ids.map((id) => byParent.get(id) ?? { _count: { _all: 0 } });
  }
  const measured = new Set([...numericFields(target), ...orderedFields(target)].map((f) => f.name));
  const rows = await delegate(context.prisma, target).findMany({
    where: { AND: [where, { [inverse.name]: { some: { [idField]: { in: ids } } } }] },
    select: {
      ...Object.fromEntries([...measured].map((name) => [name, true])),
      [inverse.name]: { where: { [idField]: { in: ids } }, select: { [idField]: true } },
    },
  });
  return ids.map((id) =>
    aggregateRows(
      target,
      rows.filter((r) => (r[inverse.name] as Row[]).some((p) => p[idField] === id)),
    ),
  );
}

/**
 * The per-request loader of one relation aggregate with one filter, so `{relation}Aggregate`
 * inside a list costs one query whatever the list's length.
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
