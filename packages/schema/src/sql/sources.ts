import { type RawBuilder, sql } from "kysely";
import { type RelationPath, tableOf } from "./tables.ts";

/** A fragment of SQL with its values bound as parameters. */
export type Sql = RawBuilder<unknown>;

/** Hands out table aliases unique within one statement (`t0`, `t1`, ...). */
export class Aliases {
  #next = 0;
  next(): string {
    return `t${this.#next++}`;
  }
}

/**
 * Where a relation's target rows come from and how they link to the parent row: the target
 * table under `alias` (joined to Prisma's implicit many-to-many table when there is one) and
 * the condition tying it to the parent aliased `parent`.
 *
 * @example
 * relationSource(tableOf("Order").relation("lineItems"), "t1", "t0");
 * // from: "line_items" AS "t1", link: "t1"."order_id" = "t0"."id"
 */
export function relationSource(path: RelationPath, alias: string, parent: string): { from: Sql; link: Sql } {
  const target = sql`${sql.table(tableOf(path.target).name)} AS ${sql.id(alias)}`;
  if (!path.through) {
    const link = sql.join(
      path.pairs.map(([mine, theirs]) => sql`${sql.id(alias, mine)} = ${sql.id(parent, theirs)}`),
      sql` AND `,
    );
    return { from: target, link };
  }
  const join = `${alias}j`;
  const [joinColumn, targetColumn] = path.through.target;
  const from = sql`${target} JOIN ${sql.table(path.through.table)} AS ${sql.id(join)} ON ${sql.id(join, joinColumn)} = ${sql.id(alias, targetColumn)}`;
  const link = sql.join(
    path.pairs.map(([mine, theirs]) => sql`${sql.id(join, mine)} = ${sql.id(parent, theirs)}`),
    sql` AND `,
  );
  return { from, link };
}

/** The condition that always holds; left out of conjunctions so the SQL stays readable. */
export const TRUE: Sql = sql`true`;

/** Conditions joined by AND; {@link TRUE} when there are none. */
export function all(conditions: readonly Sql[]): Sql {
  const kept = conditions.filter((c) => c !== TRUE);
  if (kept.length === 0) return TRUE;
  return kept.length === 1 ? kept[0]! : sql`(${sql.join(kept, sql` AND `)})`;
}

/** PostgreSQL passes at most 100 arguments to a function: 50 key/value pairs per call. */
const PAIRS_PER_CALL = 50;

/**
 * A JSON object of `[key, value]` members, `json_build_object(...)`; past 50 members, objects of
 * 50 merged as `jsonb` (whose key order differs, which a JavaScript reader does not see).
 *
 * @example
 * jsonObject([["id", sql.id("t0", "id")]]); // json_build_object('id', "t0"."id")
 */
export function jsonObject(members: readonly (readonly [string, Sql])[]): Sql {
  const call = (part: readonly (readonly [string, Sql])[]) =>
    sql`json_build_object(${sql.join(part.map(([key, value]) => sql`${sql.lit(key)}, ${value}`))})`;
  if (members.length <= PAIRS_PER_CALL) return call(members);
  const parts: Sql[] = [];
  for (let i = 0; i < members.length; i += PAIRS_PER_CALL)
    parts.push(sql`${call(members.slice(i, i + PAIRS_PER_CALL))}::jsonb`);
  return sql`(${sql.join(parts, sql` || `)})::json`;
}
