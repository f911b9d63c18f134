import { ApiError, type InvalidParam } from "@tusk/errors";
import {
  foreignKeyTarget,
  type NestedCreation,
  nestedCreations,
  type Resource,
  type ResourceField,
} from "@tusk/registry";
import {
  type GraphQLInputFieldConfigMap,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
} from "graphql";
import { columnLimits } from "./columns.ts";
import { fieldScalar, fieldValueProblem } from "./field-types.ts";
import { graphqlNames } from "./names.ts";
import type { TypeCache } from "./type-cache.ts";

type Row = Record<string, unknown>;

/** Fields a create input takes: every writable and create-only field. */
export function createFields(resource: Resource): ResourceField[] {
  return resource.fields.filter((f) => f.writable !== "never");
}

/** Fields an update input takes: only those writable at any time, so identifiers never change. */
export function updateFields(resource: Resource): ResourceField[] {
  return resource.fields.filter((f) => f.writable === "always");
}

function scalarInputs(resource: Resource, fields: readonly ResourceField[], create: boolean) {
  const inputs: GraphQLInputFieldConfigMap = {};
  for (const field of fields) {
    const scalar = fieldScalar(resource, field);
    inputs[field.name] = {
      type: create && field.requiredOnCreate ? new GraphQLNonNull(scalar) : scalar,
      ...(field.description ? { description: field.description } : {}),
    };
  }
  return inputs;
}

/** The fields of an item created inside its parent's create: its create fields but the parent's keys. */
export function nestedCreateFields(nested: NestedCreation): ResourceField[] {
  return createFields(nested.child).filter((field) => !nested.foreignKeys.includes(field.name));
}

/** `Create{Parent}{Relation}Input`: one child created with its parent, which gives its foreign keys. */
function nestedInputType(cache: TypeCache, parent: Resource, nested: NestedCreation): GraphQLInputObjectType {
  return cache.once(graphqlNames(parent).nestedCreateInput(nested.relation), (name) => {
    const { child, backRelation } = nested;
    return new GraphQLInputObjectType({
      name,
      description: `One of the ${nested.relation.name} created with a new ${parent.singular}, which is its ${backRelation.name}.`,
      fields: scalarInputs(child, nestedCreateFields(nested), true),
    });
  });
}

/**
 * `Create{Type}Input` (required where the database needs a value; a list per to-many relation
 * whose items may be created with it, see `nestedCreation`) and `Update{Type}Input`
 * (everything optional).
 *
 * @example
 * inputType(cache, books, "create").getFields().isbn.type.toString(); // "ISBN!"
 * inputType(cache, orders, "create").getFields().lineItems.type.toString(); // "[CreateOrderLineItemsInput!]"
 */
export function inputType(
  cache: TypeCache,
  resource: Resource,
  mode: "create" | "update",
): GraphQLInputObjectType {
  const names = graphqlNames(resource);
  return cache.once(mode === "create" ? names.createInput : names.updateInput, (name) => {
    if (mode === "update")
      return new GraphQLInputObjectType({
        name,
        fields: scalarInputs(resource, updateFields(resource), false),
      });
    const fields = scalarInputs(resource, createFields(resource), true);
    for (const nested of nestedCreations(resource)) {
      fields[nested.relation.name] = {
        type: new GraphQLList(new GraphQLNonNull(nestedInputType(cache, resource, nested))),
        description: `${nested.child.plural} created with this ${resource.singular}, in the same transaction.`,
      };
    }
    return new GraphQLInputObjectType({ name, fields });
  });
}

function decimalProblem(value: string, precision: number, scale: number): string | undefined {
  const [whole = "", fraction = ""] = value.replace(/^-/, "").split(".");
  if (fraction.length > scale) return `has more than ${scale} decimal places`;
  if (whole.replace(/^0+/, "").length > precision - scale) return `must be less than 10^${precision - scale}`;
  return undefined;
}

/** Why a value does not fit its field, if it does not. */
function problemWith(resource: Resource, field: ResourceField, value: unknown): string | undefined {
  if (value === null) return field.required ? "cannot be null" : undefined;
  const refused = fieldValueProblem(resource, field, value);
  if (refused) return refused;
  const limits = columnLimits(resource, field);
  if (typeof value === "string" && field.type === "String" && limits.maxLength !== undefined) {
    if ([...value].length > limits.maxLength) return `must be at most ${limits.maxLength} characters`;
  }
  // Measures (quantities, prices, stock, years) are never negative; references and ids are
  // checked by their identifier rule.
  const isMeasure =
    (field.type === "Int" || field.type === "Decimal" || field.type === "Float") &&
    !field.isIdentifier &&
    !foreignKeyTarget(resource, field);
  if (isMeasure && Number(value) < 0) return "must not be negative";
  if (field.type === "Decimal" && limits.precision !== undefined && limits.scale !== undefined)
    return decimalProblem(String(value), limits.precision, limits.scale);
  if (!isMeasure && field.type === "Int" && !field.isIdentifier) {
    const target = foreignKeyTarget(resource, field);
    if (target && !target.identifier.rule.isValue(value))
      return `is not a valid ${target.identifier.rule.title}`;
  }
  return undefined;
}

/** The scalar fields of `input` as Prisma `data`, each problem pushed named `<path>.<field>`. */
function checkFields(resource: Resource, input: Row, path: string, problems: InvalidParam[]): Row {
  const data: Row = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const field = resource.field(name);
    if (!field) continue;
    const problem = problemWith(resource, field, value);
    if (problem) problems.push({ name: `${path}.${name}`, reason: problem });
    else data[name] = value;
  }
  return data;
}

function refuse(problems: readonly InvalidParam[]): never {
  const summary = problems.map((p) => `${p.name} ${p.reason}`).join("; ");
  throw new ApiError("BAD_USER_INPUT", `Invalid input: ${summary}.`, { invalidParams: [...problems] });
}

/**
 * Checks an input against the columns it will be written to (lengths, signs, decimal places),
 * all fields at once, and returns the Prisma `data`. Refusals are `BAD_USER_INPUT` naming each
 * field as `input.<field>` (`path` replaces `input`).
 *
 * @example
 * validateInput(lineItems, { quantity: -1 }); // throws: input.quantity must not be negative
 */
export function validateInput(resource: Resource, input: Row, path = "input"): Row {
  const problems: InvalidParam[] = [];
  const data = checkFields(resource, input, path, problems);
  if (problems.length > 0) refuse(problems);
  return data;
}

/** A create's data and, per nested relation, the data of each item to create with it. */
export interface CreateData {
  readonly data: Row;
  readonly nested: readonly { readonly nested: NestedCreation; readonly items: readonly Row[] }[];
}

/**
 * A create input checked as {@link validateInput} does, its nested items too, every problem at
 * once, each named by its path (`input.lineItems[2].quantity`).
 *
 * @example
 * validateCreateInput(orders, { username: "jdoe", lineItems: [{ productId: 1, quantity: -1, unitPrice: "1" }] });
 * // throws: input.lineItems[0].quantity must not be negative
 */
export function validateCreateInput(resource: Resource, input: Row, path = "input"): CreateData {
  const problems: InvalidParam[] = [];
  const data = checkFields(resource, input, path, problems);
  const nested = nestedCreations(resource).flatMap((creation) => {
    const given = input[creation.relation.name];
    if (!Array.isArray(given)) return [];
    const items = given.map((item: Row, index) =>
      checkFields(creation.child, item, `${path}.${creation.relation.name}[${index}]`, problems),
    );
    return [{ nested: creation, items }];
  });
  if (problems.length > 0) refuse(problems);
  return { data, nested };
}
