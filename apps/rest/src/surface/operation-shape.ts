import type { Resource, ResourceRelation } from "@tusk/registry";

type OnResource =
  | "item"
  | "collection"
  | "aggregate"
  | "create"
  | "update"
  | "delete"
  | "create-many"
  | "update-many"
  | "delete-many";
type OnRelation = "relation" | "relation-item" | "relation-aggregate" | "add" | "remove";

/**
 * Every kind of GraphQL operation the REST app runs, per resource (and relation), one union
 * member per kind so a `switch` narrows it. The route table says which one serves each route
 * and method; `operations/` builds one document per shape.
 */
export type OperationShape =
  | { [K in OnResource]: { readonly kind: K; readonly resource: Resource } }[OnResource]
  | {
      [K in OnRelation]: {
        readonly kind: K;
        readonly resource: Resource;
        readonly relation: ResourceRelation;
      };
    }[OnRelation];
