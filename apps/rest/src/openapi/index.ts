import type { AnonymousAccess } from "@tusk/auth";
import type { Registry, Resource } from "@tusk/registry";
import { createSchema } from "@tusk/schema";
import type { UriBuilder } from "@tusk/uri";
import type { GraphQLSchema } from "graphql";
import { type ResourceFacts, readResourceFacts } from "../operations/schema-facts.ts";
import { type PageSize, pageSizeOf } from "../query/index.ts";
import { HEADERS, problemSchemas, RESPONSES, SHARED_SCHEMAS } from "./components.ts";
import { relationFilterComponents } from "./parameters.ts";
import { buildPaths } from "./paths.ts";
import { type JsonSchema, resourceSchemas } from "./schemas.ts";
import { operationSecurity, securitySchemes } from "./security.ts";

export { type PathTemplate, pathTemplates, templateMethods } from "./templates.ts";

/** Options beyond the registry and URIs; the defaults are the app's own. */
export interface OpenApiOptions {
  /** The schema the filters, sort fields and aggregates are read from (default: built from the registry). */
  readonly schema?: GraphQLSchema;
  readonly pageSize?: PageSize;
  /** What requests without a token may do (`AUTH_ANONYMOUS`, default `read`): the security of public reads. */
  readonly anonymous?: AnonymousAccess;
}

/** An OpenAPI 3.1 document, as plain JSON. */
export type OpenApiDocument = Record<string, unknown> & { openapi: "3.1.1"; paths: Record<string, unknown> };

/**
 * The OpenAPI 3.1 document of the REST API, derived from the registry and the
 * GraphQL schema's facts (the same `readResourceFacts` the query parser uses):
 * every path the URI parser routes, every method with its 405, every filter
 * operator, every representation and problem response, and the bearer scheme with
 * the scope each operation needs.
 *
 * @example
 * const doc = buildOpenApiDocument(registry, createUriBuilder({ registry, baseUrl: "http://localhost:4000" }));
 * Object.keys(doc.paths); // ["/v1", "/v1/books", ...]
 */
export function buildOpenApiDocument(
  registry: Registry,
  uris: UriBuilder,
  options: OpenApiOptions = {},
): OpenApiDocument {
  const schema = options.schema ?? createSchema({ registry });
  const factsCache = new Map<Resource, ResourceFacts>();
  const facts = (resource: Resource) => {
    let found = factsCache.get(resource);
    if (!found) {
      found = readResourceFacts(schema, resource);
      factsCache.set(resource, found);
    }
    return found;
  };
  const pageSize = options.pageSize ?? pageSizeOf();
  const schemas: Record<string, JsonSchema> = { ...SHARED_SCHEMAS, ...problemSchemas(uris) };
  for (const resource of registry.resources)
    Object.assign(schemas, resourceSchemas(resource, facts(resource)));
  const anonymous = options.anonymous ?? "read";
  const { paths } = buildPaths(registry, uris, { facts, pageSize, anonymous });
  return {
    openapi: "3.1.1",
    info: {
      title: "Tusk REST API",
      version: uris.version,
      summary: "NARWHL REST API over the Tusk resource graph; every request runs a GraphQL operation.",
      description:
        "Resources, relations, identifiers and filters are derived from one registry. Representations: NARWHL-JSON (default, also as each resource's profile media type) and HAL. Every error is RFC 9457 problem+json whose `type` is a URI under /v1/problems describing its code. Methods a path does not support answer 405 with Allow; non-canonical URIs answer 301 (308 for methods other than GET and HEAD).",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: uris.baseUrl, description: "This server" }],
    // Operations that need no scope; each operation states its own.
    security: operationSecurity(undefined, anonymous),
    tags: [
      {
        name: "api",
        description: "Discovery: the API root, this document, and the problem types errors name.",
      },
      ...registry.resources.map((resource) => ({
        name: resource.path,
        description: resource.description ?? `${resource.model} resources and their relations.`,
      })),
    ],
    paths,
    components: {
      schemas,
      headers: HEADERS,
      parameters: relationFilterComponents(registry.resources, facts),
      responses: RESPONSES,
      securitySchemes: securitySchemes(registry),
    },
  };
}
