import { RESERVED_WORDS } from "@tusk/identifiers";
import type { Resource } from "@tusk/registry";
import type { Route } from "@tusk/uri";
import type { Request, Response } from "express";
import { sendRepresentation } from "../http/send.ts";
import { EMBED_LIMIT, type OperationCatalog } from "../operations/index.ts";
import { relationFilterSyntax } from "../query/index.ts";
import { JSON_ONLY, negotiate, profileMediaType } from "../representation/negotiate.ts";
import {
  allowedMethods,
  type RouteOf,
  representedResource,
  type Subject,
  scopeOf,
} from "../surface/index.ts";
import type { RestContext } from "./context.ts";

/** The resource's collection (root resources only) and items, as the route table knows them. */
function routesOf(resource: Resource): [string, Subject][] {
  const item: [string, Subject] = ["item", { kind: "item", resource }];
  return resource.parent ? [item] : [["collection", { kind: "collection", resource }], item];
}

/** The methods of the resource's collection and items, from the route table. */
function methodsOf(resource: Resource): Record<string, string[]> {
  return Object.fromEntries(routesOf(resource).map(([name, route]) => [name, allowedMethods(route)]));
}

/** The scope each of those methods needs (`null`: none, as for reading a public resource). */
function scopesOf(resource: Resource): Record<string, Record<string, string | null>> {
  return Object.fromEntries(
    routesOf(resource).map(([name, route]) => [
      name,
      Object.fromEntries(allowedMethods(route).map((method) => [method, scopeOf(route, method) ?? null])),
    ]),
  );
}

/**
 * The definition of a resource (NARWHL reserved endpoint): what a client may
 * request and what comes back, all derived from the registry and the schema.
 */
function buildDefinition(context: RestContext, catalog: OperationCatalog, resource: Resource) {
  const { uris } = context;
  const facts = catalog.factsOf(resource);
  const rule = resource.identifier.rule;
  const sortable = resource.fields
    .filter((field) => facts.sortFields.has(field.name))
    .map((field) => field.restName);
  return {
    resource: resource.path,
    title: resource.model,
    description: resource.description ?? null,
    media_types: ["application/json", profileMediaType(resource), "application/hal+json"],
    methods: methodsOf(resource),
    scopes: scopesOf(resource),
    nested_under: resource.parent ? resource.parent.resource.path : null,
    identifier: {
      name: resource.identifier.field.restName,
      title: rule.title,
      description: rule.description,
      pattern: rule.pattern,
      example: rule.example,
      server_assigned: resource.identifier.serverAssigned,
    },
    fields: resource.fields.map((field) => ({
      name: field.restName,
      type: field.type,
      required: field.required,
      required_on_create: field.requiredOnCreate,
      writable: field.writable,
      unique: field.unique,
      filter_operators: [...(facts.filters.get(field.name)?.keys() ?? [])],
      sortable: facts.sortFields.has(field.name),
      ...(field.description ? { description: field.description } : {}),
    })),
    relations: resource.relations.map((relation) => ({
      name: relation.restName,
      rel: uris.relationRel(resource, relation),
      target: relation.target.path,
      cardinality: relation.cardinality,
      zoom: relation.restName,
      membership_writable: relation.membershipWritable,
    })),
    query_parameters: {
      filters:
        "{field}={value} for equality, or {field}={operator}({value}); list operators take comma-separated values; repeated parameters combine with AND",
      relation_filters: {
        syntax:
          "{relation}.{field}={value} or {relation}.{field}={operator}({value}): at least one related row matches; {relation}.none.{field}: none does; {relation}.every.{field}: all do; {relation}.count={operator}({n}): how many related rows there are",
        relations: relationFilterSyntax(resource, facts),
      },
      sort: { syntax: "sort=-price,name (a leading - sorts descending)", fields: sortable },
      ...(facts.searchable
        ? {
            q: {
              syntax:
                'q=red widget: full-text search, read as a web search (words, "phrases", or, -word); best match first unless sort is given',
              fields: resource.search.map((field) => field.restName),
              max_length: context.pageSize.maxSearchLength,
            },
          }
        : {}),
      fields: "fields=name,price keeps only those members; self and the identifier are always kept",
      zoom: {
        syntax: `zoom=rel[,rel] embeds related resources under _embeds (lists: the first ${EMBED_LIMIT})`,
        rels: resource.relations.map((relation) => relation.restName),
      },
      limit: { default: context.pageSize.default, max: context.pageSize.max },
      cursor: "opaque; follow the next and prev links",
      unknown: "any other parameter is refused with 400",
    },
    views: resource.parent ? [] : [...resource.views],
    reserved_words: [...RESERVED_WORDS],
    _links: [
      { rel: "self", href: uris.definition(resource), method: "GET" },
      ...(resource.parent ? [] : [{ rel: "collection", href: uris.collection(resource), method: "GET" }]),
      // One link per view of the root collection; a nested-only resource's views are only under its
      // parent's items, which a definition cannot name.
      ...(resource.parent ? [] : resource.views).map((name) => ({
        rel: "related",
        href: uris.view(resource, name),
        method: "GET",
        name,
      })),
      { rel: "service-desc", href: uris.openapi(), method: "GET" },
    ],
  };
}

/** `GET /v1/products/definition` (also `/v1/products/73924/definition`). */
export async function getDefinition(
  context: RestContext,
  req: Request,
  res: Response,
  { resource }: RouteOf<"definition">,
) {
  const offer = negotiate(req.get("accept"), JSON_ONLY);
  const catalog = await context.catalog();
  sendRepresentation(req, res, {
    contentType: offer.type,
    body: buildDefinition(context, catalog, resource),
    links: [{ href: context.uris.openapi(), rel: "service-desc", type: "application/openapi+json" }],
  });
}

/** OPTIONS: `Allow`, and the definition of the route's resource (never cached). */
export async function optionsResponse(
  context: RestContext,
  req: Request,
  res: Response,
  route: Route,
  allowed: readonly string[],
) {
  res.setHeader("Allow", allowed.join(", "));
  const resource = representedResource(route);
  if (!resource) {
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Content-Length", "0");
    res.status(200).end();
    return;
  }
  const catalog = await context.catalog();
  sendRepresentation(req, res, {
    contentType: "application/json",
    body: buildDefinition(context, catalog, resource),
    cacheControl: "no-store",
    links: [{ href: context.uris.definition(resource), rel: "service" }],
  });
}
