import type { Resource } from "@tusk/registry";
import type { UriBuilder } from "@tusk/uri";
import { type Permission, permittedMethods } from "../surface/index.ts";
import type { HyperLink, RestEmbed, RestItem } from "./model.ts";

type GraphqlRecord = Readonly<Record<string, unknown>>;

/**
 * Links of one resource: `self` (always the canonical URI), `edit` with each
 * write the route table lets the item accept and the caller may make, `up` to the parent of a
 * nested-only resource, and one link per relation the caller may read, whose rel is the absolute
 * URI of the target's definition (NARWHL.md §4.1), so a rel dereferences to its documentation.
 * A representation never offers a method its caller may not use.
 */
export function itemLinks(
  uris: UriBuilder,
  resource: Resource,
  record: GraphqlRecord,
  may: Permission,
): HyperLink[] {
  const self = uris.item(resource, record);
  const links: HyperLink[] = [{ rel: "self", href: self, method: "GET" }];
  for (const { method } of permittedMethods({ kind: "item", resource }, may)) {
    if (method !== "GET") links.push({ rel: "edit", href: self, method });
  }
  for (const relation of resource.relations) {
    if (!may(relation.target, "read")) continue;
    if (relation === resource.parent?.relation) {
      const [foreignKey] = relation.foreignKeys;
      const parentId = foreignKey === undefined ? undefined : record[foreignKey];
      if (typeof parentId === "string" || typeof parentId === "number") {
        const href = uris.itemById(relation.target, parentId);
        links.push({
          rel: uris.relationRel(resource, relation),
          href,
          method: "GET",
          name: relation.restName,
        });
      }
      continue;
    }
    const href = uris.relation(resource, record, relation);
    links.push({ rel: uris.relationRel(resource, relation), href, method: "GET", name: relation.restName });
  }
  return links;
}

/** The snake_case members of a record, in registry order; fields left out by `?fields=` stay out. */
function itemData(resource: Resource, record: GraphqlRecord): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of resource.fields) {
    if (Object.hasOwn(record, field.name)) data[field.restName] = record[field.name];
  }
  return data;
}

/** Builds one resource of the response model, with its zoomed relations embedded, linked as `may` allows. */
export function toItem(
  uris: UriBuilder,
  resource: Resource,
  record: GraphqlRecord,
  may: Permission,
  zoom: ReadonlySet<string> = new Set(),
): RestItem {
  const embeds: RestEmbed[] = [];
  for (const relation of resource.relations) {
    if (!zoom.has(relation.name)) continue;
    const value = record[relation.name];
    const toOne = relation.cardinality === "to-one";
    const records = toOne
      ? value
        ? [value as GraphqlRecord]
        : []
      : (((value as { nodes?: GraphqlRecord[] } | null)?.nodes ?? []) as GraphqlRecord[]);
    embeds.push({
      key: relation.target.path,
      rel: uris.relationRel(resource, relation),
      toOne,
      items: records.map((target) => toItem(uris, relation.target, target, may)),
    });
  }
  return { data: itemData(resource, record), links: itemLinks(uris, resource, record, may), embeds };
}
