import { ERROR_CODES } from "@tusk/errors";
import { RESERVED_WORDS } from "@tusk/identifiers";
import type { UriBuilder } from "@tusk/uri";
import { PRIVATE_CACHE, PUBLIC_CACHE, REDIRECT_CACHE, REPRESENTATION_VARY } from "../http/cache.ts";
import { MAX_URL_BYTES } from "../http/url-length.ts";
import type { JsonSchema } from "./schemas.ts";
import { ref } from "./schemas.ts";

/** Schemas every resource shares: links, definitions, the API root (problem details: {@link problemSchemas}). */
export const SHARED_SCHEMAS: Record<string, JsonSchema> = {
  Link: {
    type: "object",
    description:
      "A NARWHL-JSON link. `rel` is a registered relation name (self, up, next, related, ...) or the absolute URI of the target's definition; `method` is a method the target accepts.",
    properties: {
      rel: { type: "string" },
      href: { type: "string", format: "uri" },
      method: { type: "string", enum: ["GET", "POST", "PUT", "PATCH", "DELETE"] },
      name: {
        type: "string",
        description:
          "the relation's short name (its zoom value), or on a definition's `related` links the view's name",
      },
    },
    required: ["rel", "href", "method"],
  },
  ListMeta: {
    type: "object",
    description:
      "A list's total, present when the request asked for one (`?count=` or `Prefer: count=`): the items matching the filter on all pages.",
    properties: {
      count: { type: "integer", minimum: 0 },
      count_method: {
        type: "string",
        enum: ["exact", "estimated"],
        description:
          "`exact`: counted in the page's own statement. `estimated`: PostgreSQL's planner estimate, asked for, or answering an exact count that passed the server's limit (COUNT_EXACT_LIMIT).",
      },
    },
    required: ["count", "count_method"],
    additionalProperties: false,
  },
  HalLink: {
    type: "object",
    properties: { href: { type: "string", format: "uri" }, name: { type: "string" } },
    required: ["href"],
  },
  HalLinks: {
    type: "object",
    description: "HAL links keyed by rel; a rel with several links is an array.",
    additionalProperties: {
      oneOf: [ref("HalLink"), { type: "array", items: ref("HalLink") }],
    },
  },
  InvalidParam: {
    type: "object",
    properties: { name: { type: "string" }, reason: { type: "string" } },
    required: ["name", "reason"],
  },
  Definition: {
    type: "object",
    description:
      "A resource's definition (NARWHL reserved endpoint): identifier rule, fields with their filter operators, relations and zoom rels, query parameters, views.",
    properties: {
      resource: { type: "string" },
      title: { type: "string" },
      media_types: { type: "array", items: { type: "string" } },
      identifier: { type: "object" },
      fields: { type: "array", items: { type: "object" } },
      relations: { type: "array", items: { type: "object" } },
      query_parameters: { type: "object" },
      views: { type: "array", items: { type: "string" } },
      scopes: {
        type: "object",
        description:
          "Per route (`collection`, `item`) and method, the scope a bearer token needs, or null for none (reading a public resource).",
        additionalProperties: { type: "object", additionalProperties: { type: ["string", "null"] } },
      },
      reserved_words: { type: "array", items: { type: "string", enum: [...RESERVED_WORDS] } },
      _links: { type: "array", items: ref("Link") },
    },
    required: ["resource", "fields", "relations", "_links"],
  },
  Root: {
    type: "object",
    description: "The API root: every collection and definition, so a client discovers the API from one URI.",
    properties: {
      resources: { type: "array", items: { type: "object" } },
      _links: { type: "array", items: ref("Link") },
    },
    required: ["resources", "_links"],
  },
};

/**
 * Problem details and problem types. A problem's `type` is one of the app's problem type URIs
 * (one per error code, each a path of this document), or `about:blank` for a request the
 * server could not read as HTTP at all.
 */
export function problemSchemas(uris: UriBuilder): Record<string, JsonSchema> {
  const types = ERROR_CODES.map((code) => uris.problem(code));
  return {
    Problem: {
      type: "object",
      description: "RFC 9457 problem details; `status` always equals the HTTP status.",
      properties: {
        type: {
          type: "string",
          format: "uri",
          enum: [...types, "about:blank"],
          description: "The problem type: GET it for what the code means.",
        },
        title: { type: "string" },
        status: { type: "integer", minimum: 400, maximum: 599 },
        detail: { type: "string" },
        instance: { type: "string", format: "uri-reference" },
        invalid_params: {
          type: "array",
          items: ref("InvalidParam"),
          description: "Each query parameter, path segment or body member at fault, with why.",
        },
        available: {
          type: "array",
          items: { type: "string" },
          description: "On 406: the media types this URI offers.",
        },
      },
      required: ["type", "title", "status"],
    },
    ProblemType: {
      type: "object",
      description: "What a problem type means: its error code, title, HTTP status and what to do.",
      properties: {
        type: { type: "string", format: "uri", enum: types },
        code: { type: "string", enum: [...ERROR_CODES] },
        title: { type: "string" },
        status: { type: "integer", minimum: 400, maximum: 599 },
        description: { type: "string" },
        _links: { type: "array", items: ref("Link") },
      },
      required: ["type", "code", "title", "status", "description", "_links"],
    },
  };
}

const header = (description: string, schema: JsonSchema = { type: "string" }) => ({ description, schema });

/** Response headers, referenced from every response that carries them. */
export const HEADERS = {
  ETag: header(
    "Strong validator: a hash of the body bytes; the tag of a compressed body ends in its coding (`-gzip`, `-br`).",
  ),
  Link: header(
    'RFC 8288 links: rel="service" (the definition), rel="service-desc" (this document), rel="canonical" on relational URIs, first/prev/next on lists.',
  ),
  Location: header("The canonical URI of the created resource, or of the redirect target."),
  "Content-Location": header("The canonical URI of the representation, when served at another URI."),
  Vary: header(
    `\`${REPRESENTATION_VARY}\`: the representation depends on the media type asked for and on who asks; lists also on \`Prefer\` (a total).`,
  ),
  "Preference-Applied": header(
    "RFC 7240: on a list asked for its total with `Prefer: count=…`, how the total in `_meta` was counted: `count=exact`, or `count=estimated` (asked for, or an exact count past the server's limit); on a filtered PATCH or DELETE, `max-affected=N`, the limit the request was held to.",
  ),
  "Cache-Control": header(
    `Explicit caching: \`${PUBLIC_CACHE}\` for reads without a token, \`${PRIVATE_CACHE}\` with one (and for the answers to writes), \`${REDIRECT_CACHE}\` for permanent redirects.`,
  ),
  Allow: header("The methods this URI supports that the caller may use (a CORS preflight: all of them)."),
  "Accept-Patch": header("The patch formats PATCH accepts."),
  "Accept-Post": header("The media types POST accepts."),
  "Idempotent-Replayed": header(
    "`true` when this is the kept answer of an earlier request with the same `Idempotency-Key`, sent again without writing anything.",
  ),
  "Retry-After": header("Seconds to wait before retrying."),
  "WWW-Authenticate": header(
    'RFC 6750 challenge: `Bearer realm="tusk"`, with `error` (`invalid_request`, `invalid_token`, `insufficient_scope`), `error_description` and, on 403, the `scope` that would be enough.',
  ),
};

/** Response headers by reference (component names are the header names). */
export const headersOf = (names: readonly (keyof typeof HEADERS)[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));

const problem = (description: string, headerNames: (keyof typeof HEADERS)[] = []) => ({
  description,
  ...(headerNames.length > 0 ? { headers: headersOf(headerNames) } : {}),
  content: { "application/problem+json": { schema: ref("Problem") } },
});

/** Every reusable response: errors as problem+json, redirects, 304. */
export const RESPONSES = {
  BadRequest: problem(
    "Malformed request: an unknown query parameter, field, operator or relation, a bad value, an identifier its rule refuses, or malformed JSON. `invalid_params` names each.",
  ),
  NotFound: problem("No resource at this URI (or not a member of this relation)."),
  UriTooLong: problem(`The URL is longer than ${MAX_URL_BYTES} bytes.`),
  Unauthorized: problem(
    "No token where this operation needs one, or a token that is refused (malformed, expired, wrong signature, issuer or audience).",
    ["WWW-Authenticate"],
  ),
  Forbidden: problem(
    "The token is valid but lacks the scope this operation needs (`insufficient_scope`), or a write on a row the caller does not own.",
    ["WWW-Authenticate"],
  ),
  MethodNotAllowed: problem("The method is not supported at this URI; Allow lists those that are.", [
    "Allow",
  ]),
  NotAcceptable: problem("No offered media type is acceptable; `available` lists them.", ["Vary"]),
  Conflict: problem(
    "A unique field clashes with another resource (`invalid_params` names it), or a request with the same `Idempotency-Key` is still being answered (retry after `Retry-After`).",
    ["Retry-After"],
  ),
  PreconditionFailed: problem("If-Match does not match the current ETag (or If-None-Match does)."),
  ContentTooLarge: problem(
    "The request body is larger than 100 kB, or a JSON array holds more items than the bulk limit (BULK_WRITE_LIMIT).",
  ),
  UnsupportedMediaType: problem("The request body's Content-Type is not accepted.", [
    "Accept-Patch",
    "Accept-Post",
  ]),
  Unprocessable: problem(
    "Well-formed but invalid fields (`invalid_params` lists each, by path: `line_items[2].quantity`, `[3].price`), a filtered write matching more rows than `Prefer: max-affected` allows, or an `Idempotency-Key` already used for a different request.",
  ),
  MovedPermanently: {
    description:
      "A non-canonical spelling of this URI (an identifier in another accepted form, a former path name): Location is the canonical URI, query string kept.",
    headers: headersOf(["Location", "Cache-Control"]),
  },
  PermanentRedirect: {
    description: "As 301, for methods other than GET and HEAD (the method must not change).",
    headers: headersOf(["Location", "Cache-Control"]),
  },
  NotModified: {
    description: "If-None-Match matched: no body, the same validators.",
    headers: headersOf(["ETag", "Vary", "Cache-Control"]),
  },
} as const;

export const responseRef = (name: keyof typeof RESPONSES) => ({ $ref: `#/components/responses/${name}` });
