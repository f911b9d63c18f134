import { sql } from "kysely";
import type { Sql } from "./sources.ts";
import type { Column } from "./tables.ts";

/**
 * A column as the rows Prisma returns carry it, in JSON: decimals and big integers as exact
 * text (`"12.50"`, never a float), instants as ISO 8601 UTC with milliseconds, like
 * `Date.toISOString()`. `expression` (an aggregate of the column) is printed the same way.
 */
export function value(alias: string, column: Column, expression?: Sql): Sql {
  const ref = expression ?? sql.id(alias, column.name);
  switch (column.type) {
    case "Decimal":
    case "BigInt":
      return sql`${ref}::text`;
    case "DateTime":
      return sql`to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    default:
      return ref;
  }
}
