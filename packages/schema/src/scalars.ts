import type { IdentifierRule } from "@tusk/identifiers";
import type { ScalarType } from "@tusk/registry";
import { identifierCodecs, scalarCodecs } from "@tusk/scalars";
import type { GraphQLScalarType } from "graphql";

/**
 * The GraphQL scalar for an identifier rule: `Int` for numeric ids (checked positive in
 * resolvers), otherwise the kind's own normalising scalar.
 *
 * @example
 * scalarForIdentifier(isbn).name; // "ISBN"
 */
export function scalarForIdentifier(rule: IdentifierRule): GraphQLScalarType {
  return identifierCodecs[rule.kind].graphql;
}

/**
 * The GraphQL scalar for a Prisma scalar type, from its codec.
 *
 * @example
 * scalarForType("Decimal").name; // "Decimal"
 */
export function scalarForType(type: ScalarType): GraphQLScalarType {
  return scalarCodecs[type].graphql;
}
