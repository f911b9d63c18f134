import type { Registry, Resource } from "@tusk/registry";
import { encodeSegment, type Route, type UriBuilder } from "@tusk/uri";
import { allowedMethods, registrySubjects, type Subject } from "../surface/index.ts";
import { idParamName } from "./parameters.ts";

/** One path segment: a literal name, or an identifier of a resource. */
type Segment = { literal: string } | { param: string; resource: Resource };

/** One OpenAPI path: its template, its identifier parameters, and the route the app parses it as. */
export interface PathTemplate {
  /** `/v1/products/{product_id}/categories` */
  readonly path: string;
  readonly params: readonly { name: string; resource: Resource }[];
  /** What `uris.parse` makes of the template filled with each rule's example. */
  readonly route: Route;
  /** The resource whose tag the path is listed under. */
  readonly tag: string;
}

const lit = (literal: string): Segment => ({ literal });
const id = (resource: Resource): Segment => ({ param: idParamName(resource), resource });

function itemSegments(resource: Resource): Segment[] {
  const nesting = resource.parent;
  if (!nesting) return [lit(resource.path), id(resource)];
  return [...itemSegments(nesting.resource), lit(nesting.collection.path), id(resource)];
}

/** The segments of a fixed URI below the root, as the URI builder spells it. */
const literalsOf = (uris: UriBuilder, uri: string) =>
  uri
    .slice(uris.root().length + 1)
    .split("/")
    .map(lit);

/** The path shapes of one route of the registry (a definition also has its item form). */
function shapesOf(subject: Subject, uris: UriBuilder): Segment[][] {
  switch (subject.kind) {
    case "root":
      return [[]];
    case "openapi":
      return [literalsOf(uris, uris.openapi())];
    case "problem":
      return [literalsOf(uris, uris.problem(subject.code))];
    case "definition":
      return [
        [lit(subject.resource.path), lit("definition")],
        [...itemSegments(subject.resource), lit("definition")],
      ];
    case "collection":
      return [[lit(subject.resource.path)]];
    case "view":
      return [[lit(subject.resource.path), lit("views"), lit(subject.name)]];
    case "item":
      return [itemSegments(subject.resource)];
    case "relation":
      return [[...itemSegments(subject.resource), lit(subject.relation.path)]];
    case "relation-item":
      return [[...itemSegments(subject.resource), lit(subject.relation.path), id(subject.relation.target)]];
    case "relation-view":
      return [
        [...itemSegments(subject.resource), lit(subject.relation.path), lit("views"), lit(subject.name)],
      ];
  }
  const unknown: never = subject;
  throw new Error(`No path shape for ${JSON.stringify(unknown)}`);
}

/** Parameter names are unique within a path: a repeated resource's second id is `target_…`. */
function uniqueParams(segments: Segment[]): Segment[] {
  const seen = new Set<string>();
  return segments.map((segment) => {
    if (!("param" in segment)) return segment;
    const name = seen.has(segment.param) ? `target_${segment.param}` : segment.param;
    seen.add(name);
    return { ...segment, param: name };
  });
}

function render(version: string, segments: readonly Segment[], fill: (s: Segment) => string): string {
  return `/${[version, ...segments.map(fill)].join("/")}`;
}

const asParam = (segment: Segment) => ("literal" in segment ? segment.literal : `{${segment.param}}`);

const example = (segment: Segment) =>
  "literal" in segment ? segment.literal : encodeSegment(segment.resource.identifier.rule.example);

/**
 * Every canonical path template the app serves, derived from the registry and
 * confirmed by the app's own parser (`uris.parse`), so the document cannot
 * list a path the app does not route. Sorted by path.
 */
export function pathTemplates(registry: Registry, uris: UriBuilder): PathTemplate[] {
  const templates = new Map<string, PathTemplate>();
  for (const subject of registrySubjects(registry)) {
    const tag = "resource" in subject ? subject.resource.path : "api";
    for (const shape of shapesOf(subject, uris)) {
      const segments = uniqueParams(shape);
      const path = render(uris.version, segments, asParam);
      if (templates.has(path)) continue;
      const parsed = uris.parse(render(uris.version, segments, example));
      if (!parsed.ok || !parsed.route.canonical) continue;
      const params = segments.flatMap((s) => ("param" in s ? [{ name: s.param, resource: s.resource }] : []));
      templates.set(path, { path, params, route: parsed.route, tag });
    }
  }
  return [...templates.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The path template of a parsed route, as the OpenAPI document lists it
 * (`/v1/products/{product_id}`): the bounded label of a request in logs and
 * metrics. A route reached through a former or non-canonical path has its
 * canonical template.
 */
export function routeTemplate(uris: UriBuilder, route: Route): string {
  const [collectionForm, itemForm] = shapesOf(route, uris);
  const shape = route.kind === "definition" && route.item ? itemForm : collectionForm;
  return render(uris.version, uniqueParams(shape ?? []), asParam);
}

/**
 * The same templates under each former path name of their first segment
 * (`/v1/items/{product_id}` for `/v1/products/{product_id}`): they answer only
 * with redirects.
 */
export function formerTemplates(registry: Registry, uris: UriBuilder, current: readonly PathTemplate[]) {
  const prefix = `/${uris.version}/`;
  const former: { path: string; template: PathTemplate }[] = [];
  for (const template of current) {
    const [first = "", ...rest] = template.path.slice(prefix.length).split("/");
    for (const name of registry.byPath(first)?.formerPaths ?? []) {
      former.push({ path: `${prefix}${[name, ...rest].join("/")}`, template });
    }
  }
  return former;
}

/** The methods a template's path supports, from the route table. */
export function templateMethods(template: PathTemplate): string[] {
  return allowedMethods(template.route);
}
