import { ERROR_CODES, type ErrorCode } from "@tusk/errors";
import type { Resource, ResourceRelation, ViewName } from "@tusk/registry";
import type { IdValue, ItemAddress } from "./route.ts";
import { encodeSegment } from "./segment.ts";

/**
 * Converts an identifier value (a record's field, or a caller's argument in any accepted
 * spelling) into the canonical string of the resource's rule. Throws a TypeError when the rule
 * refuses it, so a URI is never built from an invalid identifier.
 */
export function canonicalId(resource: Resource, value: unknown): string {
  const { rule, field } = resource.identifier;
  if (rule.isValue(value)) return rule.format(value);
  if (typeof value === "string") {
    const parsed = rule.parse(value);
    if (parsed.ok) return parsed.canonical;
    throw new TypeError(`${resource.model}.${field.name} "${value}" is not valid: ${parsed.error.message}`);
  }
  throw new TypeError(`${resource.model}.${field.name} must be a ${rule.title}, got ${String(value)}`);
}

/**
 * Paths (starting with `/{version}`) for every kind of route. Both the builder and the parser
 * produce paths only through these functions, so what one builds the other reads back.
 */
export interface PathMaker {
  root(): string;
  openapi(): string;
  /** `/v1/problems/{code}`, the code in lower case: the `type` of a problem with that code. */
  problem(code: ErrorCode): string;
  /** The code a `problems` segment names, if any. */
  problemCode(segment: string): ErrorCode | undefined;
  /** The collection position `/v1/{path}`, whether or not it is served (definitions need it). */
  resourcePath(resource: Resource): string;
  item(address: ItemAddress): string;
  relation(address: ItemAddress, relation: ResourceRelation): string;
  relationItem(address: ItemAddress, relation: ResourceRelation, targetId: IdValue): string;
  /** `/v1/{path}/definition`, or `/v1/{path}/{id}/definition` when an item is given. */
  definition(resource: Resource, item?: ItemAddress): string;
  /** `/v1/{path}/views/{name}`: a view over a root collection. */
  view(resource: Resource, name: ViewName): string;
  /** `/v1/{path}/{id}/{relation}/views/{name}`: a view over a to-many relation's collection. */
  relationView(address: ItemAddress, relation: ResourceRelation, name: ViewName): string;
}

/** The segment under the root that problem types live below (a reserved word, so no resource takes it). */
export const PROBLEMS = "problems";

// Lower case like every other path segment: `NOT_FOUND` is `not_found`.
const problemSegment = (code: ErrorCode) => code.toLowerCase();

/** Creates the {@link PathMaker} for one URI version. */
export function createPathMaker(version: string): PathMaker {
  const root = `/${encodeSegment(version)}`;
  const resourcePath = (resource: Resource) => `${root}/${resource.path}`;
  const idSegment = (resource: Resource, id: IdValue) => encodeSegment(canonicalId(resource, id));
  // Every view URI is encoded here, and only for a view the resource offers.
  const viewSegment = (resource: Resource, name: ViewName) => {
    if (!resource.views.includes(name)) throw new TypeError(`${resource.path} offer no view "${name}"`);
    return encodeSegment(name);
  };

  function item(address: ItemAddress): string {
    const { resource, id, parent } = address;
    const nesting = resource.parent;
    if (!nesting) {
      if (parent) throw new TypeError(`${resource.model} is not nested; it takes no parent id`);
      return `${resourcePath(resource)}/${idSegment(resource, id)}`;
    }
    if (!parent) throw new TypeError(`${resource.model} lives under ${nesting.resource.model}; give its id`);
    if (parent.resource !== nesting.resource)
      throw new TypeError(
        `${resource.model} lives under ${nesting.resource.model}, not ${parent.resource.model}`,
      );
    const up = item({ resource: nesting.resource, id: parent.id });
    return `${up}/${nesting.collection.path}/${idSegment(resource, id)}`;
  }

  function relation(address: ItemAddress, rel: ResourceRelation): string {
    if (address.resource.relation(rel.name) !== rel)
      throw new TypeError(`${rel.name} is not a relation of ${address.resource.model}`);
    return `${item(address)}/${rel.path}`;
  }

  return {
    root: () => root,
    openapi: () => `${root}/openapi.json`,
    problem: (code) => `${root}/${PROBLEMS}/${problemSegment(code)}`,
    problemCode: (segment) => ERROR_CODES.find((code) => problemSegment(code) === segment),
    resourcePath,
    item,
    relation,
    relationItem(address, rel, targetId) {
      if (rel.cardinality === "to-one")
        throw new TypeError(`${address.resource.model}.${rel.name} is to-one; it has no items`);
      // A nested-only child under its own parent: that is the child's canonical item URI.
      if (rel.target.parent?.collection === rel)
        return item({
          resource: rel.target,
          id: targetId,
          parent: { resource: address.resource, id: address.id },
        });
      return `${relation(address, rel)}/${idSegment(rel.target, targetId)}`;
    },
    definition: (resource, address) => `${address ? item(address) : resourcePath(resource)}/definition`,
    view(resource, name) {
      if (resource.parent)
        throw new TypeError(
          `${resource.model} exists only under ${resource.parent.resource.model}; views are under it`,
        );
      return `${resourcePath(resource)}/views/${viewSegment(resource, name)}`;
    },
    relationView(address, rel, name) {
      if (rel.cardinality === "to-one")
        throw new TypeError(`${address.resource.model}.${rel.name} is to-one; it has no views`);
      return `${relation(address, rel)}/views/${viewSegment(rel.target, name)}`;
    },
  };
}
