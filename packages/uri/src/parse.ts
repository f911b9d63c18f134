import type { Registry, Resource, ViewName } from "@tusk/registry";
import { type PathMaker, PROBLEMS } from "./paths.ts";
import type { IdValue, ItemAddress, ParseRouteResult, Route, RouteError } from "./route.ts";
import { decodeSegment } from "./segment.ts";

/** A route before `canonical` is decided by comparing `canonicalPath` with the path given. */
type Draft = Route extends infer R ? (R extends Route ? Omit<R, "canonical"> : never) : never;

const VERSION_SEGMENT = /^v\d+$/;
const DEFINITION = "definition";
const VIEWS = "views";

const notFound = (message: string): ParseRouteResult => ({
  ok: false,
  reason: { code: "not-found", message },
});

type IdResult = { ok: true; value: IdValue } | { ok: false; reason: RouteError };

/** Parses one identifier segment with its resource's rule, after decoding it exactly once. */
function parseId(resource: Resource, raw: string, position: number): IdResult {
  const { rule } = resource.identifier;
  const decoded = decodeSegment(raw);
  const parsed = decoded === undefined ? undefined : rule.parse(decoded);
  if (parsed?.ok) return { ok: true, value: parsed.value };
  const error = parsed?.error ?? {
    kind: rule.kind,
    code: "bad-format",
    message: "has malformed percent-encoding",
  };
  const message = `"${raw}" is not a valid ${rule.title} for ${resource.path}: ${error.message}`;
  return { ok: false, reason: { code: "bad-identifier", message, resource, segment: raw, position, error } };
}

type ViewResult = { ok: true; name: ViewName } | { ok: false; result: ParseRouteResult };

/**
 * The view after `views`: exactly one segment that decodes to a view the resource offers over
 * its collections, so an unknown view is not found here rather than by whoever serves it.
 */
function viewOf(resource: Resource, segments: readonly string[]): ViewResult {
  const [raw, ...rest] = segments;
  if (raw === undefined || rest.length > 0)
    return { ok: false, result: notFound("a view path is .../views/{name}") };
  const decoded = decodeSegment(raw);
  const name = resource.views.find((view) => view === decoded);
  if (name === undefined) {
    const offered = resource.views.join(", ") || "none";
    return { ok: false, result: notFound(`${resource.path} offer no view "${raw}" (views: ${offered})`) };
  }
  return { ok: true, name };
}

/**
 * Creates the parser for paths relative to the base URL (`/v1/...`, query string removed).
 * Every route's `canonicalPath` comes from the same {@link PathMaker} the builder uses.
 */
export function createPathParser(
  registry: Registry,
  version: string,
  paths: PathMaker,
): (path: string) => ParseRouteResult {
  return function parsePath(path) {
    const done = (draft: Draft): ParseRouteResult => ({
      ok: true,
      route: { ...draft, canonical: draft.canonicalPath === path } as Route,
    });

    function itemRoutes(address: ItemAddress, segments: readonly string[], position: number, moved: object) {
      const { resource, id, parent } = address;
      const item = parent ? { id, parent } : { id };
      const [head, ...more] = segments;
      if (head === undefined)
        return done({ kind: "item", ...address, canonicalPath: paths.item(address), ...moved });
      if (head === DEFINITION) {
        if (more.length > 0) return notFound("nothing is served below a definition");
        const canonicalPath = paths.definition(resource, address);
        const canonicalResourceUri = paths.definition(resource);
        return done({ kind: "definition", resource, item, canonicalPath, canonicalResourceUri, ...moved });
      }
      if (head === VIEWS) return notFound("views are over collections; items have none");
      const relation = resource.relations.find((r) => r.path === head);
      if (!relation) return notFound(`${resource.path} have no relation named "${head}"`);
      const [targetRaw, ...rest] = more;
      if (targetRaw === undefined)
        return done({
          kind: "relation",
          ...address,
          relation,
          canonicalPath: paths.relation(address, relation),
          ...moved,
        });
      if (relation.cardinality === "to-one")
        return notFound(`${relation.path} is a single resource, not a list`);
      // `views` is a reserved word no identifier can take, so it always starts a view here.
      if (targetRaw === VIEWS) {
        const view = viewOf(relation.target, rest);
        if (!view.ok) return view.result;
        return done({
          kind: "relation-view",
          ...address,
          relation,
          name: view.name,
          canonicalPath: paths.relationView(address, relation, view.name),
          collectionPath: paths.relation(address, relation),
          ...moved,
        });
      }
      const target = parseId(relation.target, targetRaw, position + 1);
      if (!target.ok) return target;
      if (relation.target.parent?.collection === relation) {
        if (parent) return notFound("resources are nested one level deep at most");
        const child = { resource: relation.target, id: target.value, parent: { resource, id } };
        return itemRoutes(child, rest, position + 2, moved);
      }
      if (rest.length > 0) return notFound("nothing is served below a relational item");
      const targetId = target.value;
      const canonicalPath = paths.relationItem(address, relation, targetId);
      // The representation's own URI, when it has one without a parent (see NARWHL: rel="canonical").
      const canonicalResourceUri = relation.target.parent
        ? {}
        : { canonicalResourceUri: paths.item({ resource: relation.target, id: targetId }) };
      return done({
        kind: "relation-item",
        ...address,
        relation,
        targetId,
        canonicalPath,
        ...canonicalResourceUri,
        ...moved,
      });
    }

    const [first, ...segments] = path.split("/").slice(1);
    if (first !== paths.root().slice(1)) {
      if (first !== undefined && VERSION_SEGMENT.test(first)) {
        const message = `version ${first} is not served; this API is ${version}`;
        return { ok: false, reason: { code: "wrong-version", message, version: first, expected: version } };
      }
      return notFound(`paths start with /${version}`);
    }
    if (segments.includes("")) return notFound("empty segment or trailing slash");
    const [name, ...tail] = segments;
    if (name === undefined) return done({ kind: "root", canonicalPath: paths.root() });
    if (name === "openapi.json" && tail.length === 0)
      return done({ kind: "openapi", canonicalPath: paths.openapi() });
    if (name === PROBLEMS) {
      const [segment, ...rest] = tail;
      const code = segment === undefined || rest.length > 0 ? undefined : paths.problemCode(segment);
      if (code === undefined) return notFound("a problem type is /problems/{code}, one of the error codes");
      return done({ kind: "problem", code, canonicalPath: paths.problem(code) });
    }

    const current = registry.byPath(name);
    const resource = current ?? registry.byFormerPath(name);
    if (!resource) return notFound(`no resource is named "${name}"`);
    const moved = current ? {} : { movedFrom: name };
    const nestedOnly = resource.parent
      ? `${resource.path} exist only under ${resource.parent.resource.path}: ${paths.resourcePath(resource.parent.resource)}/{id}/${resource.parent.collection.path}`
      : undefined;

    const [second, ...after] = tail;
    if (second === undefined) {
      if (nestedOnly) return notFound(nestedOnly);
      return done({ kind: "collection", resource, canonicalPath: paths.resourcePath(resource), ...moved });
    }
    if (second === DEFINITION) {
      if (after.length > 0) return notFound("nothing is served below a definition");
      return done({ kind: "definition", resource, canonicalPath: paths.definition(resource), ...moved });
    }
    if (nestedOnly) return notFound(nestedOnly);
    if (second === VIEWS) {
      const view = viewOf(resource, after);
      if (!view.ok) return view.result;
      const canonicalPath = paths.view(resource, view.name);
      const collectionPath = paths.resourcePath(resource);
      return done({ kind: "view", resource, name: view.name, canonicalPath, collectionPath, ...moved });
    }
    const id = parseId(resource, second, 1);
    if (!id.ok) return id;
    return itemRoutes({ resource, id: id.value }, after, 2, moved);
  };
}
