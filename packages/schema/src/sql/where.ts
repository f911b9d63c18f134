import { sql } from "kysely";
import { SEARCH_WHERE, searchSql } from "./search.ts";
import { type Aliases, all, relationSource, type Sql, TRUE } from "./sources.ts";
import { type Column, type Table, tableOf } from "./tables.ts";

type Where = Readonly<Record<string, unknown>>;

/** `LIKE` treats `%`, `_` and `\` specially; a text operand means itself. */
function likeText(value: unknown): string {
  return String(value).replace(/[\\%_]/g, "\\$&");
}

function isOperators(value: unknown): value is Where {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}

function list(values: unknown, ref: Sql, negate: boolean): Sql {
  const items = values as readonly unknown[];
  if (items.length === 0) return negate ? TRUE : sql`false`;
  const bound = sql.join(items.map((v) => sql`${v}`));
  return negate ? sql`${ref} NOT IN (${bound})` : sql`${ref} IN (${bound})`;
}

/** One operator of a scalar filter (`{ gte: 200 }`), as Prisma reads it. */
function operator(ref: Sql, op: string, operand: unknown): Sql {
  switch (op) {
    case "equals":
      return operand === null ? sql`${ref} IS NULL` : sql`${ref} = ${operand}`;
    case "not":
      return operand === null ? sql`${ref} IS NOT NULL` : sql`${ref} <> ${operand}`;
    case "in":
      return list(operand, ref, false);
    case "notIn":
      return list(operand, ref, true);
    case "lt":
      return sql`${ref} < ${operand}`;
    case "lte":
      return sql`${ref} <= ${operand}`;
    case "gt":
      return sql`${ref} > ${operand}`;
    case "gte":
      return sql`${ref} >= ${operand}`;
    case "contains":
      return sql`${ref} LIKE ${`%${likeText(operand)}%`}`;
    case "startsWith":
      return sql`${ref} LIKE ${`${likeText(operand)}%`}`;
    case "endsWith":
      return sql`${ref} LIKE ${`%${likeText(operand)}`}`;
    default:
      throw new Error(`The SQL compiler has no filter operator ${op}`);
  }
}

function scalar(alias: string, column: Column, value: unknown): Sql {
  const ref = sql.id(alias, column.name);
  if (!isOperators(value)) return operator(ref, "equals", value);
  return all(
    Object.entries(value)
      .filter(([, operand]) => operand !== undefined)
      .map(([op, operand]) => operator(ref, op, operand)),
  );
}

/**
 * `{ relation: { is | isNot | some | none | every: where } }` as EXISTS over the related rows;
 * `_count: { where, value: { gte: 2 } }` (beyond Prisma) compares how many related rows match
 * `where` as a correlated count.
 */
function relation(table: Table, alias: string, name: string, value: Where, aliases: Aliases): Sql {
  const path = table.relation(name);
  const target = tableOf(path.target);
  const subquery = (select: Sql, where: Where | undefined, negateWhere = false) => {
    const inner = aliases.next();
    const { from, link } = relationSource(path, inner, alias);
    const condition = whereSql(target, inner, where, aliases);
    return sql`(SELECT ${select} FROM ${from} WHERE ${all([link, negateWhere ? sql`NOT (${condition})` : condition])})`;
  };
  const exists = (where: Where | undefined, negateWhere = false) =>
    sql`EXISTS ${subquery(sql`1`, where, negateWhere)}`;
  const count = ({ where, value: operators }: Where) => {
    const counted = subquery(sql`count(*)`, where as Where | undefined);
    return all(Object.entries(operators as Where).map(([op, operand]) => operator(counted, op, operand)));
  };
  const filters =
    isOperators(value) && !path.list && !("is" in value || "isNot" in value) ? { is: value } : value;
  return all(
    Object.entries(filters)
      .filter(([, where]) => where !== undefined)
      .map(([op, where]) => {
        const nested = where as Where;
        if (op === "is" || op === "some") return exists(nested);
        if (op === "isNot" || op === "none") return sql`NOT ${exists(nested)}`;
        if (op === "every") return sql`NOT ${exists(nested, true)}`;
        if (op === "_count") return count(nested);
        throw new Error(`The SQL compiler has no relation filter ${op}`);
      }),
  );
}

/**
 * A Prisma `where` (the subset the schema produces: scalar operators, AND/OR/NOT, relation
 * filters, full-text search) as a SQL condition on the row aliased `alias`, every operand a bound parameter.
 *
 * @example
 * whereSql(tableOf("Product"), "t0", { price: { gte: "200" } }, new Aliases());
 * // ("t0"."price" >= $1)
 */
export function whereSql(table: Table, alias: string, where: Where | undefined, aliases: Aliases): Sql {
  const parts: Sql[] = [];
  for (const [key, value] of Object.entries(where ?? {})) {
    if (value === undefined) continue;
    if (key === "AND" || key === "OR" || key === "NOT") {
      const items = (Array.isArray(value) ? value : [value]) as Where[];
      const each = items.map((item) => whereSql(table, alias, item, aliases));
      if (key === "AND") parts.push(all(each));
      else if (key === "OR") parts.push(each.length === 0 ? sql`false` : sql`(${sql.join(each, sql` OR `)})`);
      else parts.push(all(each.map((condition) => sql`NOT (${condition})`)));
    } else if (key === SEARCH_WHERE) {
      parts.push(searchSql(alias, value as string));
    } else if (table.hasRelation(key)) {
      parts.push(relation(table, alias, key, value as Where, aliases));
    } else {
      parts.push(scalar(alias, table.column(key), value));
    }
  }
  return all(parts);
}
