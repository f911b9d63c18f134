import type { AggregateArgs } from "./aggregate.ts";
import { compileAggregate, compileFindMany, compileFindUnique } from "./compile.ts";
import type { ListArgs } from "./select.ts";

type Row = Record<string, unknown>;

/** What runs a statement: the Prisma client or an interactive transaction's client. */
export interface RawQueries {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/**
 * A page of rows (and their count when `countWhere` is given) in one statement, shaped as
 * Prisma's `findMany` and `count` return them, decimals as exact text and instants as ISO text.
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
): Promise<{ rows: Row[]; count: number | null }> {
  const query = compileFindMany(model, args, countWhere);
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
