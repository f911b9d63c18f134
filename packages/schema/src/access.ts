import { type Caller, rowFilter, type ScopeAccess } from "@tusk/auth";
import type { Resource } from "@tusk/registry";

type Where = Record<string, unknown>;

function isEmpty(where: Readonly<Where> | undefined): boolean {
  return where === undefined || Object.keys(where).length === 0;
}

/**
 * A filter narrowed to the rows the caller may read or write (docs/security.md). Unchanged when
 * the caller may reach every row, so queries of `admin` and of public resources stay as they were.
 *
 * @example
 * withinReach({ status: { equals: "paid" } }, jdoe, orders, "read");
 * // { AND: [{ status: { equals: "paid" } }, { username: "jdoe" }] }
 */
export function withinReach(
  where: Where | undefined,
  caller: Caller,
  resource: Resource,
  access: ScopeAccess,
): Where {
  const rows = rowFilter(caller, resource, access);
  if (isEmpty(rows)) return where ?? {};
  if (isEmpty(where)) return { ...rows };
  return { AND: [where, rows] };
}

/**
 * A unique `where` (an identifier, perhaps a version) narrowed the same way; Prisma accepts
 * further conditions beside the unique ones, and a row outside them is simply not found.
 *
 * @example
 * uniqueWithinReach({ id: 9 }, jdoe, orders, "write"); // { id: 9, AND: [{ username: "jdoe" }] }
 */
export function uniqueWithinReach(
  unique: Where,
  caller: Caller,
  resource: Resource,
  access: ScopeAccess,
): Where {
  const rows = rowFilter(caller, resource, access);
  return isEmpty(rows) ? unique : { ...unique, AND: [rows] };
}
