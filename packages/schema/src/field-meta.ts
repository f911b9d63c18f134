import type { Resource, ResourceField, ResourceRelation } from "@tusk/registry";
import type { GraphQLField } from "graphql";

/**
 * What a field of a resource type means to the query planner. Stored in the field's
 * `extensions`, so the planner reads the schema itself instead of a second list.
 */
export type FieldMeta =
  | { readonly kind: "scalar"; readonly field: ResourceField }
  | { readonly kind: "uri" }
  | { readonly kind: "to-one"; readonly relation: ResourceRelation }
  | { readonly kind: "connection"; readonly relation: ResourceRelation }
  | { readonly kind: "nested-item"; readonly relation: ResourceRelation; readonly child: Resource }
  | { readonly kind: "relation-aggregate"; readonly relation: ResourceRelation };

/**
 * The field's meaning, if it is one the planner knows.
 *
 * @example
 * fieldMeta(productType.getFields().categories)?.kind; // "connection"
 */
export function fieldMeta(field: GraphQLField<unknown, unknown> | undefined): FieldMeta | undefined {
  return field?.extensions.tusk as FieldMeta | undefined;
}

/**
 * The `extensions` entry that carries a field's meaning.
 *
 * @example
 * new GraphQLObjectType({ name: "Product", fields: { uri: { type: GraphQLString, extensions: withMeta({ kind: "uri" }) } } });
 */
export function withMeta(meta: FieldMeta): { tusk: FieldMeta } {
  return { tusk: meta };
}
