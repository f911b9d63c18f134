import { type Caller, isAdmin, ownedBy } from "@tusk/auth";
import { ApiError } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import { delegate } from "./delegate.ts";

type Row = Record<string, unknown>;

function refusal(resource: Resource): ApiError {
  return new ApiError("FORBIDDEN", `Only admin may create ${resource.path} that belong to someone else.`, {
    challenge: { error: "insufficient_scope", scope: "admin" },
  });
}

/**
 * Refuses (403) a non-admin creating a row of an owned resource that would not be theirs: a user
 * row of another name, an order for another user, a line item in another user's order. The owner
 * is read from the new row's foreign key, directly when it holds the username, else by looking
 * the owning row up within the caller's own rows, in the write's transaction.
 *
 * @example
 * await assertCreatesOwn(tx, jdoe, orders, { username: "ann", status: "pending" }); // throws FORBIDDEN
 */
export async function assertCreatesOwn(
  tx: object,
  caller: Caller,
  resource: Resource,
  data: Row,
): Promise<void> {
  const owner = resource.access.owner;
  if (owner === undefined || isAdmin(caller)) return;
  if (caller.kind === "anonymous") throw refusal(resource);
  if (owner.kind === "self") {
    if (data[resource.identifier.field.name] !== caller.username) throw refusal(resource);
    return;
  }
  const { relation } = owner;
  const [foreignKey] = relation.foreignKeys;
  const value = foreignKey === undefined ? undefined : data[foreignKey];
  // Without the key the create fails on its own, naming the missing field.
  if (value === undefined) return;
  const target = relation.target;
  if (target.access.owner?.kind === "self") {
    if (value !== caller.username) throw refusal(resource);
    return;
  }
  const where = { AND: [{ [target.identifier.field.name]: value }, ownedBy(target, caller.username)] };
  if ((await delegate(tx, target).count({ where })) === 0) throw refusal(resource);
}
