import { assertPermitted, type Caller } from "@tusk/auth";
import { toApiError } from "@tusk/db";
import { ApiError } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import type { ModelDelegate } from "./delegate.ts";
import type { CreateData } from "./inputs.ts";
import { assertCreatesOwn } from "./ownership.ts";
import type { Select } from "./plan.ts";

type Row = Record<string, unknown>;

/**
 * Creates one row and the items of its nested relations, in the caller's transaction `tx`, as
 * one Prisma `create` (the children get the new row's key). The caller needs the write scope of
 * every child resource too, and may create only rows that are theirs (`assertCreatesOwn`, for
 * the row and each child).
 *
 * @example
 * await createRow(delegate(tx, orders), { tx, caller }, orders, validateCreateInput(orders, input), select);
 */
export async function createRow(
  model: ModelDelegate,
  on: { tx: object; caller: Caller },
  resource: Resource,
  created: CreateData,
  select: Select,
): Promise<Row> {
  const { tx, caller } = on;
  await assertCreatesOwn(tx, caller, resource, created.data);
  const data: Row = { ...created.data };
  for (const { nested, items } of created.nested) {
    assertPermitted(caller, nested.child, "write");
    for (const item of items) await assertCreatesOwn(tx, caller, nested.child, item);
    data[nested.relation.name] = { create: items };
  }
  return model.create({ data, select });
}

/**
 * A database error of one write as an {@link ApiError} whose fields are named under `path`
 * (`input[3].name`), so a refusal in a bulk write says which item it was.
 *
 * @example
 * throw errorAt(products, error, "input[3]");
 */
export function errorAt(resource: Resource, error: unknown, path: string): unknown {
  const translated = toApiError(error, {
    resource: { model: resource.model, identifier: { field: resource.identifier.field.name } },
  });
  if (!(translated instanceof ApiError) || translated.invalidParams.length === 0) return translated;
  const invalidParams = translated.invalidParams.map((p) =>
    resource.field(p.name) ? { name: `${path}.${p.name}`, reason: p.reason } : p,
  );
  return new ApiError(translated.code, translated.message, { invalidParams, cause: translated.cause });
}
