import { ApiError, type InvalidParam } from "@tusk/errors";
import { foreignKeyTarget, type Resource, type ResourceField } from "@tusk/registry";
import { type GraphQLInputFieldConfigMap, GraphQLInputObjectType, GraphQLNonNull } from "graphql";
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

/**
 * `Create{Type}Input` (required where the database needs a value) and `Update{Type}Input`
 * (everything optional).
 *
 * @example
 * inputType(cache, books, "create").getFields().isbn.type.toString(); // "ISBN!"
 */
export function inputType(
  cache: TypeCache,
  resource: Resource,
  mode: "create" | "update",
): GraphQLInputObjectType {
  const names = graphqlNames(resource);
  return cache.once(mode === "create" ? names.createInput : names.updateInput, (name) => {
    const fields: GraphQLInputFieldConfigMap = {};
    for (const field of mode === "create" ? createFields(resource) : updateFields(resource)) {
      const scalar = fieldScalar(resource, field);
      fields[field.name] = {
        type: mode === "create" && field.requiredOnCreate ? new GraphQLNonNull(scalar) : scalar,
        ...(field.description ? { description: field.description } : {}),
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

/**
 * Checks an input against the columns it will be written to (lengths, signs, decimal places),
 * all fields at once, and returns the Prisma `data`. Refusals are `BAD_USER_INPUT` naming each
 * field as `input.<field>`.
 *
 * @example
 * validateInput(lineItems, { quantity: -1 }); // throws: input.quantity must not be negative
 */
export function validateInput(resource: Resource, input: Row): Row {
  const data: Row = {};
  const problems: InvalidParam[] = [];
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const field = resource.field(name);
    if (!field) continue;
    const problem = problemWith(resource, field, value);
    if (problem) problems.push({ name: `input.${name}`, reason: problem });
    else data[name] = value;
  }
  if (problems.length > 0) {
    const summary = problems.map((p) => `${p.name} ${p.reason}`).join("; ");
    throw new ApiError("BAD_USER_INPUT", `Invalid input: ${summary}.`, { invalidParams: problems });
  }
  return data;
}
