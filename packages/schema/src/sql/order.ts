import { sql } from "kysely";
import { RELEVANCE_ORDER, type Relevance, rankSql } from "./search.ts";
import { type Aliases, all, type Sql } from "./sources.ts";
import type { Table } from "./tables.ts";
import { whereSql } from "./where.ts";

/**
 * One entry of a Prisma `orderBy`: a field and its direction, or the search rank
 * (`{ _relevance: { search, sort } }`).
 */
export type OrderByEntry = Readonly<Record<string, "asc" | "desc" | Relevance>>;

/**
 * One sort key: the value it sorts by on a row (a column, or the computed search rank), whether
 * that value can be null (PostgreSQL's default null placement, as Prisma leaves it), and its
 * direction.
 */
export interface OrderKey {
  value(alias: string): Sql;
  readonly required: boolean;
  readonly desc: boolean;
}

/**
 * The sort keys of a Prisma `orderBy` list (`[{ price: "desc" }, { id: "asc" }]`), reversed for
 * a backward page (negative `take`), as Prisma reads the page from the cursor backwards.
 *
 * @example
 * orderKeys(tableOf("Product"), [{ price: "desc" }, { id: "asc" }], false);
 */
export function orderKeys(
  table: Table,
  orderBy: readonly OrderByEntry[] | undefined,
  reverse: boolean,
): OrderKey[] {
  return (orderBy ?? []).flatMap((entry) =>
    Object.entries(entry).map(([field, direction]): OrderKey => {
      if (field === RELEVANCE_ORDER && typeof direction === "object") {
        const { search, sort } = direction;
        return {
          value: (alias) => rankSql(alias, search),
          required: true,
          desc: (sort === "desc") !== reverse,
        };
      }
      const column = table.column(field);
      return {
        value: (alias) => sql.id(alias, column.name),
        required: column.required,
        desc: (direction === "desc") !== reverse,
      };
    }),
  );
}

/** `ORDER BY` items for the keys on the row aliased `alias`. */
export function orderSql(alias: string, keys: readonly OrderKey[]): Sql {
  return sql.join(keys.map((k) => sql`${k.value(alias)} ${k.desc ? sql`DESC` : sql`ASC`}`));
}

/**
 * Rows strictly after the cursor's value in one key's order. Ascending puts nulls last and
 * descending puts them first (PostgreSQL's defaults), so a null is after every value going up.
 */
function after(ref: Sql, key: OrderKey, value: Sql): Sql {
  const beyond = key.desc ? sql`${ref} < ${value}` : sql`${ref} > ${value}`;
  if (key.required) return beyond;
  return key.desc
    ? sql`(${beyond} OR (${value} IS NULL AND ${ref} IS NOT NULL))`
    : sql`(${beyond} OR (${ref} IS NULL AND ${value} IS NOT NULL))`;
}

function same(ref: Sql, key: OrderKey, value: Sql): Sql {
  return key.required ? sql`${ref} = ${value}` : sql`${ref} IS NOT DISTINCT FROM ${value}`;
}

/** At or after the cursor's value in one key's order (non-null keys only). */
function from(ref: Sql, key: OrderKey, value: Sql): Sql {
  return key.desc ? sql`${ref} <= ${value}` : sql`${ref} >= ${value}`;
}

/**
 * Prisma's `cursor`: the rows from the cursor row on, in the page's order, as a keyset
 * condition against the cursor row's own sort values (read by a subquery, so a cursor row that
 * no longer exists yields no rows, as with Prisma; a computed key, the search rank, is computed
 * on the cursor row the same way). Prisma's `skip` then drops the cursor row.
 * The first key, when it cannot be null, also bounds the range on its own, so an index on it
 * starts the scan at the cursor instead of filtering every row before it.
 *
 * @example
 * cursorSql(tableOf("Product"), "t0", keys, { id: 73924 }, aliases);
 * // ("t0"."price" <= (SELECT ...) AND ("t0"."price" < (SELECT ...) OR ("t0"."price" = (SELECT ...) AND "t0"."id" >= (SELECT ...))))
 */
export function cursorSql(
  table: Table,
  alias: string,
  keys: readonly OrderKey[],
  cursor: Readonly<Record<string, unknown>>,
  aliases: Aliases,
): Sql {
  const at = (key: OrderKey) => {
    const row = aliases.next();
    return sql`(SELECT ${key.value(row)} FROM ${sql.table(table.name)} AS ${sql.id(row)} WHERE ${whereSql(table, row, cursor, aliases)})`;
  };
  const values = keys.map(at);
  const ref = (key: OrderKey) => key.value(alias);
  const branches = keys.map((key, i) => {
    const earlier = keys.slice(0, i).map((k, j) => same(ref(k), k, values[j]!));
    const value = values[i]!;
    if (i < keys.length - 1) return all([...earlier, after(ref(key), key, value)]);
    const here = key.required
      ? from(ref(key), key, value)
      : sql`(${after(ref(key), key, value)} OR ${same(ref(key), key, value)})`;
    return all([...earlier, here]);
  });
  if (branches.length === 1) return branches[0]!;
  const first = keys[0]!;
  const either = sql`(${sql.join(branches, sql` OR `)})`;
  return first.required ? all([from(ref(first), first, values[0]!), either]) : either;
}
