import type { ErrorCode } from "@tusk/errors";
import type { Registry, Resource, ResourceRelation, ViewName } from "@tusk/registry";
import { createPathParser } from "./parse.ts";
import { createPathMaker, type PathMaker } from "./paths.ts";
import type { IdValue, ItemAddress, ParseRouteResult } from "./route.ts";

/**
 * How to build URIs: from which registry, under which public base URL and URI version.
 *
 * @example
 * const options: UriBuilderOptions = { registry, baseUrl: "https://api.example.com" };
 */
export interface UriBuilderOptions {
  readonly registry: Registry;
  /** Public base URL, e.g. `http://localhost:4000` or `https://example.com/api`; a trailing slash is ignored. */
  readonly baseUrl: string;
  /** URI version segment (default `v1`). */
  readonly version?: string;
}

/**
 * Builds absolute NARWHL URIs for resources and parses paths or URIs back into routes.
 * Every builder method throws a TypeError when given an identifier its rule refuses, a
 * relation of another resource, or a nested-only resource where a root one is needed.
 *
 * @example
 * const uris = createUriBuilder({ registry, baseUrl: "http://localhost:4000" });
 * uris.item(registry.byModel("Product")!, { id: 73924 }); // "http://localhost:4000/v1/products/73924"
 */
export interface UriBuilder {
  readonly baseUrl: string;
  readonly version: string;
  /** `{base}/v1` */
  root(): string;
  /** `{base}/v1/openapi.json` */
  openapi(): string;
  /** `{base}/v1/problems/not_found`: the dereferenceable `type` of a problem with this code. */
  problem(code: ErrorCode): string;
  /** `{base}/v1/products`; throws for nested-only resources, which have no root collection. */
  collection(resource: Resource): string;
  /**
   * The canonical item URI from a record holding the identifier field and, for nested-only
   * resources, the parent's foreign key: `{base}/v1/orders/9/line_items/12345`.
   */
  item(resource: Resource, record: Readonly<Record<string, unknown>>): string;
  /** The canonical item URI from ids in any accepted spelling; `parentId` only for nested-only resources. */
  itemById(resource: Resource, id: IdValue, parentId?: IdValue): string;
  /** A relational collection or to-one sub-resource: `{base}/v1/categories/36/products`. */
  relation(resource: Resource, record: Readonly<Record<string, unknown>>, relation: ResourceRelation): string;
  /**
   * A relational item: `{base}/v1/categories/36/products/73924`; for a nested-only child under
   * its parent this is the child's canonical URI, `{base}/v1/orders/9/line_items/12345`.
   */
  relationItem(
    resource: Resource,
    record: Readonly<Record<string, unknown>>,
    relation: ResourceRelation,
    target: Readonly<Record<string, unknown>>,
  ): string;
  /** `{base}/v1/products/definition`; nested-only resources too: `{base}/v1/line_items/definition`. */
  definition(resource: Resource): string;
  /**
   * The `rel` of a link from an item of `resource` along `relation`: `up` for a nested-only
   * item's parent, otherwise the target's definition URI (`{base}/v1/categories/definition`).
   */
  relationRel(resource: Resource, relation: ResourceRelation): string;
  /** `{base}/v1/products/views/{name}`; throws for a view the resource does not offer, and for nested-only resources. */
  view(resource: Resource, name: ViewName): string;
  /** `{base}/v1/categories/36/products/views/{name}`: a view over a to-many relation's collection. */
  relationView(
    resource: Resource,
    record: Readonly<Record<string, unknown>>,
    relation: ResourceRelation,
    name: ViewName,
  ): string;
  /** An absolute URI for a path starting with `/{version}` (such as a route's `canonicalPath`). */
  url(path: string): string;
  /** Parses an absolute URI under `baseUrl`, or a path starting with `/{version}`; the query string is ignored. */
  parse(pathOrUrl: string): ParseRouteResult;
}

/** Reads the address of a record: its identifier and, for a nested-only resource, its parent's. */
function addressOf(resource: Resource, record: Readonly<Record<string, unknown>>): ItemAddress {
  const field = resource.identifier.field.name;
  const id = record[field];
  if (id === undefined || id === null) throw new TypeError(`${resource.model} record lacks its ${field}`);
  const nesting = resource.parent;
  if (!nesting) return { resource, id: id as IdValue };
  const [foreignKey] = nesting.relation.foreignKeys;
  const parentId = foreignKey === undefined ? undefined : record[foreignKey];
  if (parentId === undefined || parentId === null)
    throw new TypeError(
      `${resource.model} record lacks ${foreignKey ?? "the foreign key"} of its ${nesting.relation.name}`,
    );
  return { resource, id: id as IdValue, parent: { resource: nesting.resource, id: parentId as IdValue } };
}

function normaliseBase(baseUrl: string): { base: string; url: URL } {
  if (!URL.canParse(baseUrl)) throw new TypeError(`baseUrl "${baseUrl}" is not an absolute URL`);
  const url = new URL(baseUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new TypeError(`baseUrl "${baseUrl}" must be an http or https URL`);
  if (url.search || url.hash || /[?#]/.test(baseUrl))
    throw new TypeError(`baseUrl "${baseUrl}" must not have a query or fragment`);
  // Normalised as URL parsing does (lowercase scheme and host, no default port), so the URIs
  // handed out compare equal to what clients send back.
  return { base: `${url.origin}${url.pathname.replace(/\/+$/, "")}`, url };
}

/** The path below the base of an absolute URL (URL parsing normalises host case and default ports), if it is ours. */
function pathBelowBase(input: string, baseUrl: URL): string | undefined {
  const url = new URL(input);
  const basePath = baseUrl.pathname.replace(/\/+$/, "");
  if (url.origin !== baseUrl.origin || !url.pathname.startsWith(`${basePath}/`)) return undefined;
  return url.pathname.slice(basePath.length);
}

/**
 * Creates the URI builder for one registry and public base URL.
 *
 * @example
 * const uris = createUriBuilder({ registry, baseUrl: "http://localhost:4000" });
 * const categories = registry.byModel("Category")!;
 * uris.relationItem(categories, { id: 36 }, categories.relation("products")!, { id: 73924 });
 * // "http://localhost:4000/v1/categories/36/products/73924"
 * uris.parse("/v1/items/73924"); // { ok: true, route: { kind: "item", canonicalPath: "/v1/products/73924", movedFrom: "items", ... } }
 */
export function createUriBuilder(options: UriBuilderOptions): UriBuilder {
  const version = options.version ?? "v1";
  if (!/^[A-Za-z0-9._~-]+$/.test(version)) throw new TypeError(`version "${version}" is not a path segment`);
  const { base, url: baseUrl } = normaliseBase(options.baseUrl);
  const paths: PathMaker = createPathMaker(version);
  const parsePath = createPathParser(options.registry, version, paths);
  const absolute = (path: string) => `${base}${path}`;

  return {
    baseUrl: base,
    version,
    root: () => absolute(paths.root()),
    openapi: () => absolute(paths.openapi()),
    problem: (code) => absolute(paths.problem(code)),
    collection(resource) {
      if (resource.parent)
        throw new TypeError(
          `${resource.model} exists only under ${resource.parent.resource.model}; it has no root collection`,
        );
      return absolute(paths.resourcePath(resource));
    },
    item: (resource, record) => absolute(paths.item(addressOf(resource, record))),
    itemById(resource, id, parentId) {
      const parent =
        resource.parent && parentId !== undefined
          ? { resource: resource.parent.resource, id: parentId }
          : undefined;
      if (!resource.parent && parentId !== undefined)
        throw new TypeError(`${resource.model} is not nested; it takes no parent id`);
      return absolute(paths.item(parent ? { resource, id, parent } : { resource, id }));
    },
    relation: (resource, record, relation) => absolute(paths.relation(addressOf(resource, record), relation)),
    relationItem(resource, record, relation, target) {
      const targetField = relation.target.identifier.field.name;
      const targetId = target[targetField];
      if (targetId === undefined || targetId === null)
        throw new TypeError(`${relation.target.model} record lacks its ${targetField}`);
      return absolute(paths.relationItem(addressOf(resource, record), relation, targetId as IdValue));
    },
    definition: (resource) => absolute(paths.definition(resource)),
    relationRel: (resource, relation) =>
      relation === resource.parent?.relation ? "up" : absolute(paths.definition(relation.target)),
    view: (resource, name) => absolute(paths.view(resource, name)),
    relationView: (resource, record, relation, name) =>
      absolute(paths.relationView(addressOf(resource, record), relation, name)),
    url(path) {
      if (!path.startsWith(`${paths.root()}/`) && path !== paths.root())
        throw new TypeError(`"${path}" is not a path under ${paths.root()}`);
      return absolute(path);
    },
    parse(pathOrUrl) {
      const input = pathOrUrl.replace(/[?#].*$/s, "");
      if (input.startsWith("/") && !input.startsWith("//")) return parsePath(input);
      if (!URL.canParse(input))
        return { ok: false, reason: { code: "not-found", message: "neither a path nor an absolute URL" } };
      const path = pathBelowBase(input, baseUrl);
      if (path === undefined) {
        const message = `${input} is not under ${base}`;
        return { ok: false, reason: { code: "foreign-base", message, baseUrl: base } };
      }
      return parsePath(path);
    },
  };
}
