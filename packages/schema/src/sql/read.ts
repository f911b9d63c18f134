import type { AggregateArgs } from "./aggregate.ts";
import { compileAggregate, compileCountEstimate, compileFindMany, compileFindUnique } from "./compile.ts";
import type { ListArgs } from "./select.ts";

type Row = Record<string, unknown>;

/** What runs a statement: the Prisma client or an interactive transaction's client. */
export interface RawQueries {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/**
 * A page of rows (and their count when `countWhere` is given, up to `countLimit + 1` when
 * `countLimit` is) in one statement, shaped as Prisma's `findMany` and `count` return them,
 * decimals as exact text and instants as ISO text.
 *
 * @example
 * await findManyRows(prisma, "Product", { where: {}, orderBy: [{ id: "asc" }], take: 11, select: { id: true } }, {});
 * // { rows: [{ id: 1 }, ...], count: 10000 }
 */
export async function findManyRows(
  prisma: RawQueries,
  model: string,
  args: ListArgs,
  countWhere?: Readonly<Row>,
  countLimit?: number,
): Promise<{ rows: Row[]; count: number | null }> {
  const query = compileFindMany(model, args, countWhere, countLimit);
  const [result] = await prisma.$queryRawUnsafe<{ data: string }[]>(query.sql, ...query.parameters);
  return JSON.parse(result!.data) as { rows: Row[]; count: number | null };
}

/**
 * One row by a unique `where`, or null, in one statement, shaped as Prisma's `findUnique` returns it.
 *
 * @example
 * await findUniqueRow(prisma, "Product", { where: { id: 73924 }, select: { id: true, name: true } });
 */
export async function findUniqueRow(
  prisma: RawQueries,
  model: string,
  args: { where: Readonly<Row>; select: Readonly<Row> },
): Promise<Row | null> {
  const query = compileFindUnique(model, args);
  const [result] = await prisma.$queryRawUnsafe<{ data: string }[]>(query.sql, ...query.parameters);
  return result ? (JSON.parse(result.data) as Row) : null;
}

/**
 * A Prisma `aggregate` over a model's rows in one statement, with the digits relation
 * aggregates have (decimals as exact text, instants as ISO text).
 *
 * @example
 * await aggregateRows(prisma, "Product", { where: {}, _count: { _all: true } }); // { _count: { _all: 10000 } }
 */
export async function aggregateRows(
  prisma: RawQueries,
  model: string,
  args: Omit<AggregateArgs, "relation">,
): Promise<Row> {
  const query = compileAggregate(model, args);
  const [result] = await prisma.$queryRawUnsafe<{ data: string }[]>(query.sql, ...query.parameters);
  return JSON.parse(result!.data) as Row;
}

/**
 * PostgreSQL's planner estimate of the number of rows matching `where`: one `EXPLAIN`, no rows
 * read. It is as good as the table's statistics (`ANALYZE`, autovacuum).
 *
 * @example
 * await estimateCount(prisma, "Product", { price: { gte: "200" } }); // 14_873
 */
export async function estimateCount(
  prisma: RawQueries,
  model: string,
  where: Readonly<Row>,
): Promise<number> {
  const query = compileCountEstimate(model, where);
  const [result] = await prisma.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(query.sql, ...query.parameters);
  const raw = result?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan: { "Plan Rows": number } }];
  return Math.round(plan[0].Plan["Plan Rows"]);
}
