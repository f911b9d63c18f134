import { foreignKeyTarget, type Resource, type ResourceField } from "@tusk/registry";
import { fieldCodec } from "@tusk/scalars";
import { type GraphQLScalarType, isSpecifiedScalarType } from "graphql";

/**
 * The GraphQL scalar of a resource field: identifiers and foreign keys use the identifier
 * scalar of the resource they name, so `Order.username` normalises like `User.username`.
 *
 * @example
 * fieldScalar(books, books.field("isbn")!).name; // "ISBN"
 */
export function fieldScalar(resource: Resource, field: ResourceField): GraphQLScalarType {
  return fieldCodec(resource, field).graphql;
}

/**
 * Why a value GraphQL let through for a field is refused by the field's codec, if it is. A
 * custom scalar already parsed with the codec; GraphQL's own scalars (`String`, `Int`, ...)
 * cannot be replaced, so what the codec refuses beyond them (a NUL in a `String`) is refused
 * here, keeping GraphQL's verdict equal to REST's.
 *
 * @example
 * fieldValueProblem(categories, categories.field("name")!, "a\u0000b"); // "must not contain the NUL character (U+0000)"
 */
export function fieldValueProblem(
  resource: Resource,
  field: ResourceField,
  value: unknown,
): string | undefined {
  const codec = fieldCodec(resource, field);
  if (!isSpecifiedScalarType(codec.graphql)) return undefined;
  const read = codec.fromJson(value);
  return read.ok ? undefined : read.reason;
}

/**
 * Fields aggregated by sum and avg: numbers that are measures, not identifiers or references.
 *
 * @example
 * numericFields(products).map((f) => f.name); // ["price", "stock"]
 */
export function numericFields(resource: Resource): ResourceField[] {
  return resource.fields.filter(
    (f) =>
      (f.type === "Int" || f.type === "Float" || f.type === "Decimal") &&
      !f.isIdentifier &&
      !foreignKeyTarget(resource, f),
  );
}

/**
 * Fields aggregated by min and max: the numeric ones plus dates.
 *
 * @example
 * orderedFields(orders).map((f) => f.name); // ["placedAt", "createdAt", "updatedAt"]
 */
export function orderedFields(resource: Resource): ResourceField[] {
  return resource.fields.filter((f) => numericFields(resource).includes(f) || f.type === "DateTime");
}
