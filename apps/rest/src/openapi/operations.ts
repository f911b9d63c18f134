import { IDEMPOTENCY_KEY_HEADER, MAX_KEY_LENGTH } from "@tusk/idempotency";
import type { Resource } from "@tusk/registry";
import type { Route } from "@tusk/uri";
import type { ResourceFacts } from "../operations/index.ts";
import type { PageSize } from "../query/index.ts";
import { profileMediaType } from "../representation/negotiate.ts";
import { representedResource } from "../surface/index.ts";
import { headersOf, responseRef } from "./components.ts";
import {
  filterParameters,
  type Parameter,
  PREFER_PARAMETER,
  pageParameters,
  relationFilterParameters,
  searchParameters,
  selectParameters,
} from "./parameters.ts";
import { ref, schemaNames } from "./schemas.ts";
import type { PathTemplate } from "./templates.ts";

type Operation = Record<string, unknown>;
type Responses = Record<string, unknown>;

/** What operations need besides the template: schema facts and page sizes. */
export interface OperationInputs {
  readonly facts: (resource: Resource) => ResourceFacts;
  readonly pageSize: PageSize;
}

/** Whether the route answers with a list (a collection or a to-many relation). */
function isList(route: Route): boolean {
  return (
    route.kind === "collection" || (route.kind === "relation" && route.relation.cardinality !== "to-one")
  );
}

const json = (schema: unknown) => ({ "application/json": { schema } });

/** A resource document in each media type the app offers for it. */
function documentContent(resource: Resource, list: boolean) {
  const names = schemaNames(resource);
  return {
    "application/json": { schema: ref(names.list) },
    [profileMediaType(resource)]: { schema: ref(names.list) },
    "application/hal+json": { schema: ref(list ? names.halList : names.hal) },
  };
}

/** A collection exported whole, streamed (docs/rest.md, Exports). */
function exportContent(resource: Resource) {
  return {
    "application/x-ndjson": {
      schema: {
        type: "string",
        description: `Every ${resource.singular} matching the filters, one NARWHL-JSON item (${schemaNames(resource).item}) per line, in the order asked for; no page limit.`,
      },
    },
    "text/csv": {
      schema: {
        type: "string",
        description: `RFC 4180 with a header row: the REST member names (all, or those ?fields= keeps), then \`self\`, the item's URI; one record per ${resource.singular} matching the filters, CRLF line ends; no page limit. ?zoom= is 400.`,
      },
    },
  };
}

/** The 200 body of a GET, by route kind. */
function readContent(template: PathTemplate): Record<string, unknown> {
  const { route } = template;
  switch (route.kind) {
    case "root":
      return json(ref("Root"));
    case "openapi":
      return {
        "application/json": { schema: { type: "object" } },
        "application/openapi+json": { schema: { type: "object" } },
      };
    case "problem":
      return json(ref("ProblemType"));
    case "definition":
      return json(ref("Definition"));
    case "view":
      return json(ref(schemaNames(route.resource).summary));
    case "relation-view":
      return json(ref(schemaNames(route.relation.target).summary));
    case "collection":
      return { ...documentContent(route.resource, true), ...exportContent(route.resource) };
    case "item":
      return documentContent(route.resource, false);
    case "relation":
    case "relation-item":
      return documentContent(route.relation.target, isList(route));
  }
  const unknown: never = route;
  throw new Error(`No content for ${JSON.stringify(unknown)}`);
}

/** The query parameters a GET accepts, as the app's query parser reads them. */
function queryParameters(template: PathTemplate, inputs: OperationInputs): Parameter[] {
  const { route } = template;
  const resource = representedResource(route);
  if (!resource || route.kind === "definition") return [];
  const facts = inputs.facts(resource);
  const filters = [...filterParameters(resource, facts), ...relationFilterParameters(resource, facts)];
  if (route.kind === "view" || route.kind === "relation-view") return filters;
  if (isList(route)) {
    return [
      ...filters,
      ...pageParameters(resource, facts, inputs.pageSize),
      ...searchParameters(resource, facts, inputs.pageSize),
      ...selectParameters(resource),
    ];
  }
  return selectParameters(resource);
}

const hasIdentifiers = (template: PathTemplate) => template.params.length > 0;

const conditional = (name: "If-None-Match" | "If-Match", description: string): Parameter => ({
  name,
  in: "header",
  required: false,
  description,
  schema: { type: "string" },
});

/** The `Idempotency-Key` request header of every POST and PATCH (see @tusk/idempotency). */
const idempotencyKey: Parameter = {
  name: IDEMPOTENCY_KEY_HEADER,
  in: "header",
  required: false,
  description: `A key of the client's choosing, 1 to ${MAX_KEY_LENGTH} characters (the draft's quoted form or bare printable ASCII): a retry with the same key and request gets the first answer again, marked \`Idempotent-Replayed: true\`, and writes nothing; the same key with another request is 422, one still being answered 409. Keys are per caller and kept 24 hours unless the server is configured otherwise.`,
  schema: { type: "string", minLength: 1, maxLength: MAX_KEY_LENGTH },
};

/** Errors every operation at this template can answer. */
function commonErrors(template: PathTemplate, redirect: "MovedPermanently" | "PermanentRedirect"): Responses {
  const responses: Responses = { "400": responseRef("BadRequest"), "414": responseRef("UriTooLong") };
  if (hasIdentifiers(template)) {
    responses[redirect === "MovedPermanently" ? "301" : "308"] = responseRef(redirect);
    responses["404"] = responseRef("NotFound");
  }
  return responses;
}

/** GET (and, without bodies, HEAD). */
export function readOperation(template: PathTemplate, inputs: OperationInputs, head: boolean): Operation {
  const { route } = template;
  const list = isList(route);
  const resourceHeaders = representedResource(route)
    ? (["ETag", "Link", "Vary", "Cache-Control", "Content-Location"] as const)
    : (["ETag", "Link", "Vary", "Cache-Control"] as const);
  const ok: Record<string, unknown> = {
    description: head ? "The headers a GET would send, without the body." : "The representation.",
    headers: headersOf([...resourceHeaders, ...(list ? (["Preference-Applied"] as const) : [])]),
  };
  if (!head) ok.content = readContent(template);
  return {
    parameters: [
      ...queryParameters(template, inputs),
      ...(list ? [PREFER_PARAMETER] : []),
      conditional("If-None-Match", "An ETag from an earlier response: 304 when it still matches."),
    ],
    responses: {
      "200": ok,
      "304": responseRef("NotModified"),
      ...commonErrors(template, "MovedPermanently"),
      "406": responseRef("NotAcceptable"),
    },
  };
}

function body(resource: Resource, kind: "create" | "patch", bulk = false) {
  const names = schemaNames(resource);
  const schema =
    kind === "patch"
      ? ref(names.patch)
      : bulk
        ? { oneOf: [ref(names.create), ref(names.createMany)] }
        : ref(names.create);
  const types =
    kind === "create" ? ["application/json"] : ["application/merge-patch+json", "application/json"];
  return { required: true, content: Object.fromEntries(types.map((type) => [type, { schema }])) };
}

const writeErrors = {
  "406": responseRef("NotAcceptable"),
  "409": responseRef("Conflict"),
  "413": responseRef("ContentTooLarge"),
  "415": responseRef("UnsupportedMediaType"),
  "422": responseRef("Unprocessable"),
};

/** POST on a collection (one item, or a JSON array of them), or on a parent's collection of nested-only children. */
export function createOperation(template: PathTemplate): Operation {
  const resource = representedResource(template.route) as Resource;
  const bulk = template.route.kind === "collection";
  const many = bulk
    ? ' A JSON array creates every item or none: the body lists the created items, in order, and `Link` has a rel="item" link to each (no Location).'
    : "";
  return {
    parameters: [idempotencyKey],
    requestBody: body(resource, "create", bulk),
    responses: {
      "201": {
        description: `Created: Location is the canonical URI, equal to the body's self link; items of nested lists created with it (an order's line_items) are embedded.${many}`,
        headers: headersOf(["Location", "ETag", "Link", "Idempotent-Replayed"]),
        content: documentContent(resource, bulk),
      },
      ...commonErrors(template, "PermanentRedirect"),
      ...writeErrors,
    },
  };
}

/** PATCH with a JSON merge patch. */
export function patchOperation(template: PathTemplate): Operation {
  const resource = representedResource(template.route) as Resource;
  return {
    parameters: [
      conditional("If-Match", "Apply only if the resource still has this ETag (else 412)."),
      idempotencyKey,
    ],
    requestBody: body(resource, "patch"),
    responses: {
      "200": {
        description: "The updated representation. Changing the identifier is refused (422).",
        headers: headersOf(["ETag", "Link", "Content-Location", "Idempotent-Replayed"]),
        content: documentContent(resource, false),
      },
      ...commonErrors(template, "PermanentRedirect"),
      "412": responseRef("PreconditionFailed"),
      ...writeErrors,
    },
  };
}

/** The `Prefer` request header of a filtered PATCH or DELETE: `max-affected=N` is required. */
const preferMaxAffected: Parameter = {
  name: "Prefer",
  in: "header",
  required: true,
  description:
    "`max-affected=N` (RFC 7240, as PostgREST): the most rows this may change. When more match, the answer is 422 naming `Prefer` and nothing changes; without it, 400.",
  schema: { type: "string", pattern: "max-affected=\\d+", examples: ["max-affected=10"] },
};

/** PATCH (merge patch) or DELETE of every row of a collection its filters match. */
export function filteredWriteOperation(
  template: PathTemplate,
  inputs: OperationInputs,
  method: "PATCH" | "DELETE",
): Operation {
  const resource = representedResource(template.route) as Resource;
  const changed = method === "PATCH" ? "changed" : "deleted";
  return {
    parameters: [
      ...filterParameters(resource, inputs.facts(resource)),
      preferMaxAffected,
      ...(method === "PATCH" ? [idempotencyKey] : []),
    ],
    ...(method === "PATCH" ? { requestBody: body(resource, "patch") } : {}),
    responses: {
      "200": {
        description: `How many rows were ${changed}: every one the filters match that the caller may write, in one transaction. \`Preference-Applied\` repeats the limit.`,
        headers: headersOf(["Preference-Applied", "Idempotent-Replayed", "Cache-Control"]),
        content: json({
          type: "object",
          properties: { count: { type: "integer", minimum: 0 } },
          required: ["count"],
          additionalProperties: false,
        }),
      },
      ...commonErrors(template, "PermanentRedirect"),
      ...writeErrors,
    },
  };
}

/** DELETE of an item, or of a membership; PUT of a membership. */
export function emptyOperation(template: PathTemplate, method: "DELETE" | "PUT"): Operation {
  const membership = template.route.kind === "relation-item";
  const what = membership
    ? method === "PUT"
      ? "Added to the relation (also when it already was a member)."
      : "Removed from the relation (also when it was not a member)."
    : "Deleted.";
  return {
    ...(membership
      ? {}
      : { parameters: [conditional("If-Match", "Delete only if the resource still has this ETag.")] }),
    responses: {
      "204": { description: what },
      ...commonErrors(template, "PermanentRedirect"),
      ...(membership ? {} : { "412": responseRef("PreconditionFailed") }),
    },
  };
}

/** OPTIONS: Allow, and the definition of the route's resource (not cacheable). */
export function optionsOperation(template: PathTemplate, allowed: readonly string[]): Operation {
  const resource = representedResource(template.route);
  const ok: Record<string, unknown> = {
    description: `Allow: those of ${allowed.join(", ")} the caller may use${resource ? "; the body is the resource's definition" : ""}.`,
    headers: headersOf(["Allow", "Cache-Control"]),
  };
  if (resource) ok.content = json(ref("Definition"));
  return { responses: { "200": ok, ...commonErrors(template, "PermanentRedirect") } };
}

/** A method the path does not support: 405 with Allow. */
export function notAllowedOperation(): Operation {
  return { responses: { "405": responseRef("MethodNotAllowed") } };
}

/** A former path name: every method redirects to the current path (an identifier its rule refuses is still 400). */
export function redirectOperation(template: PathTemplate, method: string): Operation {
  const safe = method === "GET" || method === "HEAD";
  return {
    deprecated: true,
    responses: {
      [safe ? "301" : "308"]: responseRef(safe ? "MovedPermanently" : "PermanentRedirect"),
      ...(hasIdentifiers(template) ? { "400": responseRef("BadRequest") } : {}),
    },
  };
}
