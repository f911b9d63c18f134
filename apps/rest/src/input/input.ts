import { ApiError, type InvalidParam } from "@tusk/errors";
import { type NestedCreation, nestedCreations, type Resource, type ResourceField } from "@tusk/registry";
import { fieldCodec } from "@tusk/scalars";

type Coerced = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Reads one JSON member with its field's codec (identifiers through their rule, so ISBN-10
 * input is stored as ISBN-13), giving the canonical JSON value the GraphQL input takes.
 */
function coerceField(resource: Resource, field: ResourceField, value: unknown): Coerced {
  if (value === null)
    return field.required ? { ok: false, reason: "may not be null" } : { ok: true, value: null };
  const codec = fieldCodec(resource, field);
  const read = codec.fromJson(value);
  return read.ok ? { ok: true, value: codec.toJson(read.value) } : read;
}

/** Members of a representation that are not data; a client may send a fetched representation back. */
const REPRESENTATION_MEMBERS = new Set(["_links", "_embeds"]);

/** Whether two JSON values are the same value of a field: compared in the codec's canonical form. */
function sameValue(resource: Resource, field: ResourceField, a: unknown, b: unknown): boolean {
  const canonical = (value: unknown) => {
    const read = coerceField(resource, field, value);
    return JSON.stringify(read.ok ? read.value : value);
  };
  return canonical(a) === canonical(b);
}

function objectBody(body: unknown, prefix = ""): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    const name = prefix === "" ? "body" : prefix.slice(0, -1);
    throw new ApiError("UNPROCESSABLE", `${prefix === "" ? "The body" : name} must be a JSON object.`, {
      invalidParams: [{ name, reason: "must be a JSON object" }],
    });
  }
  return body as Record<string, unknown>;
}

function refuse(errors: InvalidParam[]): never {
  const names = errors.map((error) => error.name).join(", ");
  throw new ApiError("UNPROCESSABLE", `Invalid fields: ${names}.`, { invalidParams: errors });
}

/**
 * The body's members that name a field of the resource, with their field, in body order;
 * representation members (`_links`, `_embeds`) are skipped, members `nested` accepts are left to
 * it, and any other unknown member is reported (named under `prefix`) as it is reached, so
 * `invalid_params` keeps the body's order.
 */
function* knownMembers(
  resource: Resource,
  body: unknown,
  errors: InvalidParam[],
  prefix = "",
  nested: ReadonlySet<string> = new Set(),
) {
  const byRest = new Map(resource.fields.map((field) => [field.restName, field]));
  for (const [name, value] of Object.entries(objectBody(body, prefix))) {
    if (REPRESENTATION_MEMBERS.has(name) || nested.has(name)) continue;
    const field = byRest.get(name);
    if (field) yield { name, value, field };
    else errors.push({ name: `${prefix}${name}`, reason: "unknown field" });
  }
}

/**
 * The create input of one object: its writable members (checked by their codecs), `fixed`
 * values, and required members missing; `given` are fields an enclosing object decides (a
 * nested line item's order), refused here.
 */
function createMembers(
  resource: Resource,
  body: unknown,
  errors: InvalidParam[],
  where: { prefix: string; fixed: Readonly<Record<string, unknown>>; given?: NestedCreation },
): Record<string, unknown> {
  const { prefix, fixed, given } = where;
  const nested = given ? [] : nestedCreations(resource);
  const input: Record<string, unknown> = { ...fixed };
  const nestedNames = new Set(nested.map((n) => n.relation.restName));
  for (const { name, value, field } of knownMembers(resource, body, errors, prefix, nestedNames)) {
    const at = `${prefix}${name}`;
    if (field.writable === "never") {
      errors.push({ name: at, reason: "read-only: assigned by the server" });
      continue;
    }
    if (given?.foreignKeys.includes(field.name)) {
      errors.push({ name: at, reason: `given by the enclosing ${given.backRelation.target.singular}` });
      continue;
    }
    const coerced = coerceField(resource, field, value);
    if (!coerced.ok) errors.push({ name: at, reason: coerced.reason });
    else if (
      Object.hasOwn(fixed, field.name) &&
      !sameValue(resource, field, fixed[field.name], coerced.value)
    )
      errors.push({ name: at, reason: "is given by the URI and must match it" });
    else input[field.name] = coerced.value;
  }
  for (const creation of nested) {
    const name = creation.relation.restName;
    const items = (body as Record<string, unknown>)[name];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      errors.push({ name: `${prefix}${name}`, reason: `must be an array of ${creation.child.path}` });
      continue;
    }
    input[creation.relation.name] = items.map((item, index) =>
      createMembers(creation.child, item, errors, {
        prefix: `${prefix}${name}[${index}].`,
        fixed: {},
        given: creation,
      }),
    );
  }
  for (const field of resource.fields) {
    const at = `${prefix}${field.restName}`;
    if (given?.foreignKeys.includes(field.name)) continue;
    if (field.requiredOnCreate && !Object.hasOwn(input, field.name) && !errors.some((e) => e.name === at))
      errors.push({ name: at, reason: "required" });
  }
  return input;
}

/**
 * A create body (snake_case) as the GraphQL create input (camelCase), with the items of its
 * nested lists (`line_items` of an order) as the input's lists; problems are named by their
 * path (`line_items[2].quantity`). `fixed` holds values the URI decides (a line item's order);
 * the body may repeat them only unchanged.
 */
export function createInput(
  resource: Resource,
  body: unknown,
  fixed: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const errors: InvalidParam[] = [];
  const input = createMembers(resource, body, errors, { prefix: "", fixed });
  if (errors.length > 0) refuse(errors);
  return input;
}

/**
 * A JSON array of create bodies as the inputs of a bulk create, every item checked and every
 * problem named by its index (`[2].price`).
 */
export function createInputs(resource: Resource, body: readonly unknown[]): Record<string, unknown>[] {
  const errors: InvalidParam[] = [];
  const inputs = body.map((item, index) =>
    createMembers(resource, item, errors, { prefix: `[${index}].`, fixed: {} }),
  );
  if (errors.length > 0) refuse(errors);
  return inputs;
}

/**
 * A JSON merge patch (RFC 7396) as the GraphQL update input. Representations
 * are flat, so merging is member by member: a value sets the field, `null`
 * clears it. Identifier, create-only and read-only members are accepted only
 * unchanged (so a fetched representation can be sent back); changing one is 422.
 */
export function updateInput(resource: Resource, body: unknown, current: Readonly<Record<string, unknown>>) {
  const errors: InvalidParam[] = [];
  const input: Record<string, unknown> = {};
  for (const { name, value, field } of knownMembers(resource, body, errors)) {
    if (field.writable !== "always") {
      if (!sameValue(resource, field, value, current[field.name])) {
        const why = field.isIdentifier ? "the identifier never changes" : "cannot be changed after creation";
        errors.push({ name, reason: why });
      }
      continue;
    }
    const coerced = coerceField(resource, field, value);
    if (!coerced.ok) errors.push({ name, reason: coerced.reason });
    else input[field.name] = coerced.value;
  }
  if (errors.length > 0) refuse(errors);
  return input;
}
