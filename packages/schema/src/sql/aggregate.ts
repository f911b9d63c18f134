import { sql } from "kysely";
import { type Aliases, all, jsonObject, relationSource, type Sql } from "./sources.ts";
import { type Column, type Table, tableOf } from "./tables.ts";
import { value } from "./values.ts";
import { whereSql } from "./where.ts";

type Fields = Readonly<Record<string, boolean>>;

/**
 * An aggregate over a relation's rows in Prisma's `aggregate` arguments: which relation, which
 * rows, and `_count`/`_sum`/`_avg`/`_min`/`_max` of which fields.
 */
export interface AggregateArgs {
  readonly relation: string;
  readonly where?: Readonly<Record<string, unknown>>;
  readonly _count?: { readonly _all?: boolean };
  readonly _sum?: Fields;
  readonly _avg?: Fields;
  readonly _min?: Fields;
  readonly _max?: Fields;
}

const FUNCTIONS = { _sum: "sum", _avg: "avg", _min: "min", _max: "max" } as const;

/**
 * One aggregate of a column as Prisma's `aggregate` returns it: decimals exact (an average
 * without trailing zeros, as a Decimal prints), an integer average as a float, instants as ISO text.
 */
function measure(op: keyof typeof FUNCTIONS, alias: string, column: Column): Sql {
  const ref = sql.id(alias, column.name);
  if (op === "_avg")
    return column.type === "Decimal" ? sql`trim_scale(avg(${ref}))::text` : sql`avg(${ref})::float8`;
  const applied = sql`${sql.raw(FUNCTIONS[op])}(${ref})`;
  // min/max/sum keep the column's type, so print them as its values are printed.
  return column.type === "Decimal" || column.type === "BigInt" || column.type === "DateTime"
    ? value(alias, column, applied)
    : applied;
}

/** The JSON object `{ _count: { _all }, _sum: {...}, ... }` over the rows aliased `alias`. */
function measures(target: Table, alias: string, args: Omit<AggregateArgs, "relation">): Sql {
  const parts: [string, Sql][] = [];
  if (args._count?._all) parts.push(["_count", sql`json_build_object('_all', count(*))`]);
  for (const op of Object.keys(FUNCTIONS) as (keyof typeof FUNCTIONS)[]) {
    const fields = Object.keys(args[op] ?? {});
    if (fields.length === 0) continue;
    parts.push([op, jsonObject(fields.map((f) => [f, measure(op, alias, target.column(f))] as const))]);
  }
  return jsonObject(parts);
}

/**
 * `{ _count: { _all }, _sum: {...}, ... }` over the rows of a relation of the row aliased
 * `parent`, as one JSON object computed in a subquery.
 *
 * @example
 * aggregateSql(tableOf("Category"), "t0", { relation: "products", _count: { _all: true }, _sum: { price: true } }, aliases);
 */
export function aggregateSql(table: Table, parent: string, args: AggregateArgs, aliases: Aliases): Sql {
  const path = table.relation(args.relation);
  const target = tableOf(path.target);
  const alias = aliases.next();
  const { from, link } = relationSource(path, alias, parent);
  const where = all([link, whereSql(target, alias, args.where, aliases)]);
  return sql`(SELECT ${measures(target, alias, args)} FROM ${from} WHERE ${where})`;
}

/**
 * The same object over the rows of `table` matching `args.where`: a root aggregate, as a
 * whole statement whose one row's `data` is the object.
 *
 * @example
 * rootAggregateSql(tableOf("Product"), { where: { price: { gte: "200" } }, _count: { _all: true } }, aliases);
 */
export function rootAggregateSql(table: Table, args: Omit<AggregateArgs, "relation">, aliases: Aliases): Sql {
  const alias = aliases.next();
  const where = all([whereSql(table, alias, args.where, aliases)]);
  return sql`SELECT ${measures(table, alias, args)}::text AS "data" FROM ${sql.table(table.name)} AS ${sql.id(alias)} WHERE ${where}`;
}
