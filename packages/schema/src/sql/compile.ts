import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from "kysely";
import { type AggregateArgs, rootAggregateSql } from "./aggregate.ts";
import { type ListArgs, listSql, objectSql } from "./select.ts";
import { Aliases, all, TRUE } from "./sources.ts";
import { tableOf } from "./tables.ts";
import { whereSql } from "./where.ts";

type Args = Readonly<Record<string, unknown>>;

// Kysely only compiles here (quoting identifiers, numbering parameters); Prisma's client runs
// the statement, so reads share its connections and transactions on both databases.
const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * One statement answering a Prisma `findMany` (and, given `countWhere`, the `count` beside it)
 * whose only row's `data` is the JSON text `{"rows": [...], "count": n}`. Given `countLimit`,
 * the count stops at `countLimit + 1` rows, so its cost is bounded and a count above the limit
 * shows as `countLimit + 1`.
 *
 * @example
 * compileFindMany("Product", { where: {}, orderBy: [{ id: "asc" }], take: 11, select: { id: true } }).sql;
 */
export function compileFindMany(
  model: string,
  args: ListArgs,
  countWhere?: Args,
  countLimit?: number,
): CompiledQuery {
  const table = tableOf(model);
  const aliases = new Aliases();
  const alias = aliases.next();
  const from = sql`${sql.table(table.name)} AS ${sql.id(alias)}`;
  const rows = listSql(table, alias, from, TRUE, args, aliases);
  let total = sql`NULL`;
  if (countWhere) {
    const counted = aliases.next();
    const matching = sql`${sql.table(table.name)} AS ${sql.id(counted)} WHERE ${whereSql(table, counted, countWhere, aliases)}`;
    total =
      countLimit === undefined
        ? sql`(SELECT count(*) FROM ${matching})`
        : sql`(SELECT count(*) FROM (SELECT 1 FROM ${matching} LIMIT ${countLimit + 1}) AS ${sql.id(`${counted}c`)})`;
  }
  return sql`SELECT json_build_object('rows', ${rows}, 'count', ${total})::text AS "data"`.compile(compiler);
}

/**
 * One statement answering a Prisma `findUnique`: no row, or one whose `data` is the row's JSON text.
 *
 * @example
 * compileFindUnique("Product", { where: { id: 73924 }, select: { id: true, name: true } }).sql;
 * // SELECT json_build_object('id', "t0"."id", 'name', "t0"."name")::text AS "data" FROM "products" AS "t0" WHERE ...
 */
export function compileFindUnique(model: string, args: { where: Args; select: Args }): CompiledQuery {
  const table = tableOf(model);
  const aliases = new Aliases();
  const alias = aliases.next();
  const object = objectSql(table, alias, args.select, aliases);
  const where = all([whereSql(table, alias, args.where, aliases)]);
  return sql`SELECT ${object}::text AS "data" FROM ${sql.table(table.name)} AS ${sql.id(alias)} WHERE ${where}`.compile(
    compiler,
  );
}

/**
 * One statement answering a Prisma `aggregate` (`_count`, `_sum`, `_avg`, `_min`, `_max` over
 * the rows matching `where`), whose only row's `data` is the JSON text of the result, with the
 * digits a relation aggregate has.
 *
 * @example
 * compileAggregate("Product", { where: {}, _count: { _all: true }, _sum: { price: true } }).sql;
 */
export function compileAggregate(model: string, args: Omit<AggregateArgs, "relation">): CompiledQuery {
  return rootAggregateSql(tableOf(model), args, new Aliases()).compile(compiler);
}

/**
 * PostgreSQL's plan of the rows matching `where`, `EXPLAIN (FORMAT JSON)`: its top node's
 * `Plan Rows` is the planner's estimate of their number, read without counting them.
 *
 * @example
 * compileCountEstimate("Product", { price: { gte: "200" } }).sql;
 * // EXPLAIN (FORMAT JSON) SELECT 1 FROM "products" AS "t0" WHERE "t0"."price" >= $1
 */
export function compileCountEstimate(model: string, where: Args): CompiledQuery {
  const table = tableOf(model);
  const aliases = new Aliases();
  const alias = aliases.next();
  return sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${sql.table(table.name)} AS ${sql.id(alias)} WHERE ${whereSql(table, alias, where, aliases)}`.compile(
    compiler,
  );
}
