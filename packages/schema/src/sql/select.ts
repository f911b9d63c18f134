import { sql } from "kysely";
import { type AggregateArgs, aggregateSql } from "./aggregate.ts";
import { cursorSql, type OrderByEntry, orderKeys, orderSql } from "./order.ts";
import { type Aliases, all, jsonObject, relationSource, type Sql } from "./sources.ts";
import { type Table, tableOf } from "./tables.ts";
import { value } from "./values.ts";
import { whereSql } from "./where.ts";

type Args = Readonly<Record<string, unknown>>;

/**
 * Prisma-shaped arguments of one list (root or relation): `where`, `orderBy`, `take` (negative
 * for a backward page), `cursor` + `skip`, and the nested `select`.
 */
export interface ListArgs {
  readonly where?: Args;
  readonly orderBy?: readonly OrderByEntry[];
  readonly take?: number;
  readonly skip?: number;
  readonly cursor?: Args;
  readonly select: Args;
}

function count(table: Table, alias: string, relation: string, args: unknown, aliases: Aliases): Sql {
  const path = table.relation(relation);
  const inner = aliases.next();
  const { from, link } = relationSource(path, inner, alias);
  const where = args === true ? undefined : (args as { where?: Args }).where;
  const condition = whereSql(tableOf(path.target), inner, where, aliases);
  return sql`(SELECT count(*) FROM ${from} WHERE ${all([link, condition])})`;
}

/**
 * `json_build_object(...)` of one row aliased `alias` with what a Prisma `select` asks for:
 * scalars, to-one relations as objects, to-many relations as arrays (with their own
 * where/orderBy/take/cursor), `_count` of relations, and `_aggregates` over relations.
 *
 * @example
 * objectSql(tableOf("Product"), "t0", { id: true, categories: { select: { name: true }, take: 3 } }, aliases);
 */
export function objectSql(table: Table, alias: string, select: Args, aliases: Aliases): Sql {
  const members: [string, Sql][] = [];
  for (const [key, wanted] of Object.entries(select)) {
    if (wanted === undefined || wanted === false) continue;
    let member: Sql;
    if (key === "_aggregates") {
      member = jsonObject(
        Object.entries(wanted as Args).map(
          ([name, args]) => [name, aggregateSql(table, alias, args as AggregateArgs, aliases)] as const,
        ),
      );
    } else if (key === "_count") {
      const counts = (wanted as { select: Args }).select;
      member = jsonObject(
        Object.entries(counts).map(
          ([name, args]) => [name, count(table, alias, name, args, aliases)] as const,
        ),
      );
    } else if (!table.hasRelation(key)) {
      member = value(alias, table.column(key));
    } else {
      const path = table.relation(key);
      const inner = aliases.next();
      const { from, link } = relationSource(path, inner, alias);
      const args = wanted as ListArgs;
      member = path.list
        ? listSql(tableOf(path.target), inner, from, link, args, aliases)
        : sql`(SELECT ${objectSql(tableOf(path.target), inner, args.select, aliases)} FROM ${from} WHERE ${link})`;
    }
    members.push([key, member]);
  }
  return jsonObject(members);
}

/**
 * One page of rows as a JSON array, in the requested order (a backward page is read backwards
 * from its cursor, then put back in order), `[]` when empty. `link` ties the rows to a parent row.
 *
 * @example
 * listSql(tableOf("Product"), "t0", sql`"products" AS "t0"`, TRUE, { take: 11, orderBy: [{ id: "asc" }], select: { id: true } }, aliases);
 */
export function listSql(
  table: Table,
  alias: string,
  from: Sql,
  link: Sql,
  args: ListArgs,
  aliases: Aliases,
): Sql {
  const take = args.take;
  const backward = take !== undefined && take < 0;
  const keys = orderKeys(table, args.orderBy, backward);
  const conditions = [link, whereSql(table, alias, args.where, aliases)];
  if (args.cursor) conditions.push(cursorSql(table, alias, keys, args.cursor, aliases));
  const page = aliases.next();
  const sortColumns = backward
    ? sql`, ${sql.join(keys.map((k, i) => sql`${k.value(alias)} AS ${sql.id(`k${i}`)}`))}`
    : sql``;
  const order = keys.length > 0 ? sql` ORDER BY ${orderSql(alias, keys)}` : sql``;
  const limit = take !== undefined ? sql` LIMIT ${Math.abs(take)}` : sql``;
  const offset = args.skip ? sql` OFFSET ${args.skip}` : sql``;
  const rows = sql`SELECT ${objectSql(table, alias, args.select, aliases)} AS "j"${sortColumns} FROM ${from} WHERE ${all(conditions)}${order}${limit}${offset}`;
  // A backward page is re-sorted into the requested order; a forward one keeps its subquery's order.
  const inOrder = backward
    ? sql` ORDER BY ${sql.join(keys.map((k, i) => sql`${sql.id(page, `k${i}`)} ${k.desc ? sql`ASC` : sql`DESC`}`))}`
    : sql``;
  return sql`(SELECT coalesce(json_agg(${sql.id(page, "j")}${inOrder}), '[]'::json) FROM (${rows}) AS ${sql.id(page)})`;
}
