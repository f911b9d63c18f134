import { foreignKeyTarget, type Resource, type ResourceField } from "@tusk/registry";
import type { ValueCodec } from "./codec.ts";
import { scalarCodecs } from "./codecs.ts";
import { identifierCodecs } from "./identifier.ts";

/**
 * The codec of a resource field: identifiers and foreign keys use the codec of the identifier
 * kind they hold (so `Order.username` reads like `User.username`), every other field its
 * scalar type's. Both APIs choose a field's codec here.
 *
 * @example
 * fieldCodec(books, books.field("isbn")!).fromText("0-306-40615-2"); // { ok: true, value: "9780306406157" }
 * fieldCodec(products, products.field("price")!) === scalarCodecs.Decimal; // true
 */
export function fieldCodec(resource: Resource, field: ResourceField): ValueCodec {
  if (field.isIdentifier) return identifierCodecs[resource.identifier.rule.kind];
  const target = foreignKeyTarget(resource, field);
  if (target) return identifierCodecs[target.identifier.rule.kind];
  return scalarCodecs[field.type];
}
