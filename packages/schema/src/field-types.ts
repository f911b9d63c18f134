import type { Resource, ResourceField } from "@tusk/registry";
import type { GraphQLScalarType } from "graphql";
import { scalarForIdentifier, scalarForType } from "./scalars.ts";

/**
 * The to-one relation whose single foreign key is this field (`Order.username` → `user`), if any.
 *
 * @example
 * foreignKeyTarget(orders, orders.field("username")!)?.model; // "User"
 */
export function foreignKeyTarget(resource: Resource, field: ResourceField): Resource | undefined {
  return resource.relations.find(
    (r) => r.cardinality === "to-one" && r.foreignKeys.length === 1 && r.foreignKeys[0] === field.name,
  )?.target;
}

/**
 * The GraphQL scalar of a resource field: identifiers and foreign keys use the identifier
 * scalar of the resource they name, so `Order.username` normalises like `User.username`.
 *
 * @example
 * fieldScalar(books, books.field("isbn")!).name; // "ISBN"
 */
export function fieldScalar(resource: Resource, field: ResourceField): GraphQLScalarType {
  if (field.isIdentifier) return scalarForIdentifier(resource.identifier.rule);
  const target = foreignKeyTarget(resource, field);
  if (target) return scalarForIdentifier(target.identifier.rule);
  return scalarForType(field.type);
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
