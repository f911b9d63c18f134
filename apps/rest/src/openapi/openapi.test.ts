import { createConfig, lintFromString } from "@redocly/openapi-core";
import { scopeCatalog, userCaller } from "@tusk/auth";
import { ERROR_CODES, ERROR_TITLE, HTTP_STATUS } from "@tusk/errors";
import { registry } from "@tusk/registry";
import { scalarCodecs } from "@tusk/scalars";
import { createSchema } from "@tusk/schema";
import { createUriBuilder } from "@tusk/uri";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { matchTemplate } from "../../test/openapi-match.ts";
import { createRestApp } from "../app.ts";
import type { GraphqlExecutor } from "../executor/index.ts";
import { readResourceFacts } from "../operations/schema-facts.ts";
import { scopeOf } from "../surface/index.ts";
import { buildOpenApiDocument, pathTemplates, templateMethods } from "./index.ts";

const BASE = "http://rest.test";
const uris = createUriBuilder({ registry, baseUrl: BASE });
const schema = createSchema({ registry });
const doc = buildOpenApiDocument(registry, uris, { schema });

// biome-ignore lint/suspicious/noExplicitAny: the test walks an untyped JSON document
type Json = Record<string, any>;
const paths = doc.paths as Record<string, Json>;
const components = doc.components as Json;
const op = (path: string, method: string): Json => {
  const found = paths[path]?.[method];
  if (!found) throw new Error(`no ${method} ${path}`);
  return found;
};
/** The same JSON with every object's keys sorted, so the snapshot changes only when content does. */
const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortedKeys)
    : value !== null && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([key, inner]) => [key, sortedKeys(inner)]),
        )
      : value;
/** An executor for requests that run no operation (the root, this document, problem types). */
const unusedExecutor: GraphqlExecutor = {
  run: () => Promise.reject(new Error("not used")),
  schema: () => Promise.resolve(schema),
};
const deref = (value: Json): Json =>
  typeof value.$ref === "string" ? components.responses[value.$ref.split("/").at(-1) as string] : value;

describe("the OpenAPI document", () => {
  let problems: Awaited<ReturnType<typeof lintFromString>>;
  beforeAll(async () => {
    const config = await createConfig({ extends: ["recommended"] });
    problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: "openapi.json", config });
  });

  it("#61 passes Redocly's recommended ruleset with zero errors", () => {
    expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
  });

  it("warns only about 405-only and redirect-only operations, which have no 2xx by design", () => {
    for (const problem of problems) {
      expect(["operation-2xx-response", "operation-4xx-response"]).toContain(problem.ruleId);
      const pointer = problem.location[0]?.pointer ?? "";
      const [, path, method] = /^#\/paths\/([^/]+)\/([a-z]+)\//.exec(pointer) ?? [];
      const operation = op(decodeURIComponent((path ?? "").replaceAll("~1", "/")), method ?? "");
      const codes = Object.keys(operation.responses);
      const onlyNotAllowed = codes.length === 1 && codes[0] === "405";
      expect(onlyNotAllowed || operation.deprecated === true, pointer).toBe(true);
    }
  });

  it("is the reviewed document: a sorted snapshot (update with `npx vitest run -u` after an intended change)", async () => {
    await expect(`${JSON.stringify(sortedKeys(doc), null, 2)}\n`).toMatchFileSnapshot(
      "./__snapshots__/openapi.json",
    );
  });

  it("is OpenAPI 3.1 with the public base URL as its server", () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers).toEqual([{ url: BASE, description: "This server" }]);
  });

  it("lists exactly the canonical templates the URI parser routes, each with every method", () => {
    const templates = pathTemplates(registry, uris);
    for (const template of templates) {
      const item = paths[template.path] as Json;
      for (const method of ["get", "head", "options", "post", "put", "patch", "delete"]) {
        expect(item[method]?.tags, `${method} ${template.path}`).toEqual([template.tag]);
      }
      for (const method of templateMethods(template)) {
        expect(Object.keys(item[method.toLowerCase()].responses)).not.toEqual(["405"]);
      }
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        if (!templateMethods(template).includes(method))
          expect(Object.keys(item[method.toLowerCase()].responses)).toEqual(["405"]);
      }
    }
    for (const resource of registry.rootResources) {
      expect(op(`/v1/${resource.path}`, "get").summary).toBe(`List ${resource.path}`);
      expect(op(`/v1/${resource.path}/definition`, "get").responses["200"].content).toEqual({
        "application/json": { schema: { $ref: "#/components/schemas/Definition" } },
      });
      for (const relation of resource.relations) {
        const itemPath = templates.find(
          (t) => t.route.kind === "item" && t.route.resource === resource,
        )?.path;
        expect(op(`${itemPath}/${relation.path}`, "get").summary, relation.name).toBe(
          `The ${resource.path} ${relation.restName}`,
        );
      }
    }
    expect(paths["/v1/line_items"]).toBeUndefined();
    const relationView = op("/v1/categories/{category_id}/products/views/summary", "get");
    expect(relationView.responses["200"].content["application/json"].schema.$ref).toBe(
      "#/components/schemas/ProductSummary",
    );
    expect(Object.keys(op("/v1/orders/{order_id}/line_items/views/summary", "post").responses)).toEqual([
      "405",
    ]);
    expect(op("/v1/orders/{order_id}/line_items/{line_item_id}", "get").summary).toBe("One of line_items");
    expect(
      paths["/v1/orders/{order_id}/line_items/{line_item_id}"]?.parameters.map((p: Json) => p.name),
    ).toEqual(["order_id", "line_item_id"]);
  });

  it("#12 documents former path names as redirects only", () => {
    const moved = op("/v1/items/{product_id}", "get");
    expect(moved.deprecated).toBe(true);
    expect(deref(moved.responses["301"]).headers.Location).toEqual({ $ref: "#/components/headers/Location" });
    expect(Object.keys(moved.responses)).toEqual(["301", "400"]);
    expect(Object.keys(op("/v1/sections/{category_id}", "patch").responses)).toContain("308");
  });

  it("describes path identifiers with their rule's pattern, description and example", () => {
    for (const resource of registry.resources) {
      const rule = resource.identifier.rule;
      const template = pathTemplates(registry, uris).find(
        (t) => t.route.kind === "item" && t.route.resource === resource,
      );
      const params = paths[template?.path ?? ""]?.parameters as Json[];
      const param = params.at(-1) as Json;
      expect(param).toMatchObject({ in: "path", required: true, example: rule.example });
      expect(param.schema.pattern).toBe(rule.pattern);
      expect(param.description).toContain(rule.description);
      expect(new RegExp(rule.pattern).test(rule.example)).toBe(true);
    }
  });

  it("#158 documents a filter per filterable field with every operator the schema offers, and sort, limit, cursor, fields, zoom", () => {
    for (const resource of registry.rootResources) {
      const facts = readResourceFacts(schema, resource);
      const params = op(`/v1/${resource.path}`, "get").parameters as Json[];
      const byName = new Map(params.map((param) => [param.name, param]));
      for (const [fieldName, operators] of facts.filters) {
        const restName = resource.field(fieldName)?.restName as string;
        const param = byName.get(restName);
        expect(param?.in, restName).toBe("query");
        for (const operator of operators.keys()) expect(param?.description).toContain(`\`${operator}(`);
      }
      for (const name of ["sort", "limit", "cursor", "fields", "zoom", "If-None-Match"]) {
        expect(byName.has(name), `${resource.path} ${name}`).toBe(true);
      }
      expect(byName.get("limit")?.schema).toMatchObject({ maximum: 100, default: 20 });
    }
  });

  it("#158 documents the filters across relations once per resource, as a pattern every list refers to", () => {
    for (const resource of registry.resources) {
      const name = `${resource.model}RelationFilters`;
      const component = components.parameters[name] as Json;
      expect(component, name).toMatchObject({ in: "query", style: "form", explode: true });
      const pattern = new RegExp(component.schema.propertyNames.pattern);
      const facts = readResourceFacts(schema, resource);
      for (const relation of resource.relations) {
        const offered = facts.relationFilters.get(relation.name);
        expect(offered, `${resource.path} ${relation.name}`).toBeDefined();
        const toOne = relation.cardinality === "to-one";
        for (const field of relation.target.fields.filter((f) => offered?.fields.has(f.name))) {
          const names = toOne
            ? [`${relation.restName}.${field.restName}`, `${relation.restName}.none.${field.restName}`]
            : ["", "some.", "none.", "every."].map((word) => `${relation.restName}.${word}${field.restName}`);
          for (const param of names) expect(pattern.test(param), param).toBe(true);
          expect(pattern.test(`${relation.restName}.any.${field.restName}`)).toBe(false);
          if (toOne) expect(pattern.test(`${relation.restName}.every.${field.restName}`)).toBe(false);
        }
        expect(pattern.test(`${relation.restName}.count`)).toBe(!toOne);
        expect(component.description).toContain(relation.restName);
      }
      expect(pattern.test("nothing.id")).toBe(false);
    }
    const ref = (resource: string) => ({ $ref: `#/components/parameters/${resource}RelationFilters` });
    expect(op("/v1/products", "get").parameters).toContainEqual(ref("Product"));
    expect(op("/v1/products/views/summary", "get").parameters).toContainEqual(ref("Product"));
    expect(op("/v1/categories/{category_id}/products", "get").parameters).toContainEqual(ref("Product"));
    expect(op("/v1/orders/{order_id}/line_items", "get").parameters).toContainEqual(ref("LineItem"));
    expect(op("/v1/products/{product_id}", "get").parameters).not.toContainEqual(ref("Product"));
  });

  it("has NARWHL-JSON and HAL schemas per resource, with every field under its REST name", () => {
    for (const resource of registry.resources) {
      const item = components.schemas[resource.model];
      expect(Object.keys(item.properties)).toEqual([
        ...resource.fields.map((field) => field.restName),
        "_links",
        "_embeds",
      ]);
      expect(item.properties._links.items).toEqual({ $ref: "#/components/schemas/Link" });
      expect(components.schemas[`${resource.model}List`].required).toEqual([resource.path, "_links"]);
      expect(components.schemas[`${resource.model}Hal`].properties._links).toEqual({
        $ref: "#/components/schemas/HalLinks",
      });
      expect(components.schemas[`${resource.model}HalList`].properties._embedded.properties).toEqual({
        [resource.path]: { type: "array", items: { $ref: `#/components/schemas/${resource.model}Hal` } },
      });
    }
    const product = components.schemas.Product.properties;
    // Field schemas are the codecs' own: what a body may hold is what the API accepts.
    expect(product.price).toEqual(scalarCodecs.Decimal.jsonSchema.output);
    expect(product.stock).toEqual(scalarCodecs.Int.jsonSchema.output);
    const create = components.schemas.ProductCreate.properties;
    expect(create.price).toEqual(scalarCodecs.Decimal.jsonSchema.input);
    expect(product.created_at).toMatchObject({ format: "date-time", readOnly: true });
    const content = op("/v1/products/{product_id}", "get").responses["200"].content;
    expect(Object.keys(content)).toEqual([
      "application/json",
      "application/vnd.tusk.product+json; version=1",
      "application/hal+json",
    ]);
  });

  it("documents writes: POST bodies, merge-patch PATCH with If-Match, DELETE, memberships", () => {
    const post = op("/v1/products", "post");
    // One item, or a JSON array of them created all or none.
    expect(post.requestBody.content["application/json"].schema).toEqual({
      oneOf: [
        { $ref: "#/components/schemas/ProductCreate" },
        { $ref: "#/components/schemas/ProductCreateMany" },
      ],
    });
    expect(components.schemas.ProductCreateMany).toMatchObject({
      type: "array",
      items: { $ref: "#/components/schemas/ProductCreate" },
    });
    expect(post.responses["201"].headers.Location).toEqual({ $ref: "#/components/headers/Location" });
    const create = components.schemas.ProductCreate;
    expect(create.properties.id).toBeUndefined(); // server-assigned
    expect(create.required).toEqual(expect.arrayContaining(["name", "price"]));
    expect(components.schemas.BookCreate.properties.isbn).toMatchObject({ type: "string" }); // client-assigned
    expect(components.schemas.BookCreate.required).toContain("isbn");
    const patch = op("/v1/products/{product_id}", "patch");
    expect(Object.keys(patch.requestBody.content)).toContain("application/merge-patch+json");
    expect(patch.parameters).toContainEqual(expect.objectContaining({ name: "If-Match", in: "header" }));
    for (const write of [post, patch, op("/v1/orders/{order_id}/line_items", "post")]) {
      expect(write.parameters).toContainEqual(
        expect.objectContaining({ name: "Idempotency-Key", in: "header", required: false }),
      );
    }
    expect(op("/v1/products/{product_id}", "delete").parameters).not.toContainEqual(
      expect.objectContaining({ name: "Idempotency-Key" }),
    );
    expect(Object.keys(patch.responses)).toEqual(
      expect.arrayContaining(["200", "400", "404", "409", "412", "413", "415", "422"]),
    );
    expect(op("/v1/products/{product_id}", "delete").responses["204"]).toEqual({ description: "Deleted." });
    expect(op("/v1/categories/{category_id}/products/{product_id}", "put").responses["204"]).toEqual({
      description: "Added to the relation (also when it already was a member).",
    });
    // An order's line items may be created with it; their order_id is the new order's.
    const nested = components.schemas.OrderCreate.properties.line_items;
    expect(nested.type).toBe("array");
    expect(nested.items.properties.order_id).toBeUndefined();
    expect(nested.items.required).toEqual(expect.arrayContaining(["product_id", "quantity", "unit_price"]));
    // Filtered PATCH and DELETE: the collection's filters, and Prefer: max-affected required.
    for (const method of ["patch", "delete"]) {
      const filtered = op("/v1/products", method);
      expect(filtered.parameters).toContainEqual(expect.objectContaining({ name: "Prefer", required: true }));
      expect(filtered.parameters).toContainEqual(expect.objectContaining({ name: "price", in: "query" }));
      expect(filtered.responses["200"].content["application/json"].schema.required).toEqual(["count"]);
      expect(Object.keys(filtered.responses)).toEqual(expect.arrayContaining(["400", "422"]));
    }
    const lineItems = op("/v1/orders/{order_id}/line_items", "post");
    expect(components.schemas.LineItemCreate.properties.order_id).toBeUndefined(); // from the URI
    expect(lineItems.responses["201"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/LineItemList",
    });
  });

  it("answers every error as problem+json with invalid_params, and documents 301, 304, 308 and 405", () => {
    const problem = components.schemas.Problem;
    expect(problem.properties.invalid_params.items.$ref).toBe("#/components/schemas/InvalidParam");
    const codes = new Set<string>();
    for (const item of Object.values(paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (method === "parameters") continue;
        for (const [code, response] of Object.entries((operation as Json).responses as Json)) {
          codes.add(code);
          if (Number(code) >= 400)
            expect(Object.keys(deref(response as Json).content)).toEqual(["application/problem+json"]);
        }
      }
    }
    for (const code of ["301", "304", "308", "400", "404", "405", "406", "409", "412", "413", "415", "422"]) {
      expect(codes.has(code), code).toBe(true);
    }
    expect(deref(op("/v1/orders/{order_id}/line_items", "delete").responses["405"]).headers.Allow).toEqual({
      $ref: "#/components/headers/Allow",
    });
  });

  it("declares a bearer JWT scheme listing every scope, the default an optional token", () => {
    const scheme = components.securitySchemes.bearer;
    expect(scheme).toMatchObject({ type: "http", scheme: "bearer", bearerFormat: "JWT" });
    for (const { name, description } of scopeCatalog(registry))
      expect(scheme.description).toContain(`| \`${name}\` | ${description} |`);
    expect(doc.security).toEqual([{}, { bearer: [] }]);
  });

  it("states on each served operation the scope it needs, with 401 and (when a scope is needed) 403", () => {
    for (const template of pathTemplates(registry, uris)) {
      for (const method of templateMethods(template)) {
        const operation = op(template.path, method.toLowerCase());
        const scope = scopeOf(template.route, method);
        const where = `${method} ${template.path}`;
        expect(operation.security, where).toEqual(scope ? [{ bearer: [scope] }] : [{}, { bearer: [] }]);
        expect(operation.responses["401"], where).toEqual({ $ref: "#/components/responses/Unauthorized" });
        expect(operation.responses["403"], where).toEqual(
          scope ? { $ref: "#/components/responses/Forbidden" } : undefined,
        );
      }
    }
    const needs = (path: string, method: string) => op(path, method).security[0].bearer?.[0];
    expect(needs("/v1/products", "get")).toBeUndefined();
    expect(needs("/v1/products", "post")).toBe("products:write");
    expect(needs("/v1/orders", "get")).toBe("orders:read");
    expect(needs("/v1/orders", "head")).toBe("orders:read");
    expect(needs("/v1/orders/views/summary", "get")).toBe("orders:read");
    expect(needs("/v1/users/{username}/orders", "get")).toBe("orders:read");
    expect(needs("/v1/orders/{order_id}/line_items", "post")).toBe("line_items:write");
    expect(needs("/v1/categories/{category_id}/products/{product_id}", "put")).toBe("categories:write");
    expect(needs("/v1/orders/definition", "get")).toBeUndefined();
    expect(needs("/v1/orders", "options")).toBeUndefined();
    expect(op("/v1/orders", "get").description).toBe(
      "Needs a bearer token with the `orders:read` scope (or `admin`).",
    );
    for (const name of ["Unauthorized", "Forbidden"])
      expect(components.responses[name].headers["WWW-Authenticate"]).toEqual({
        $ref: "#/components/headers/WWW-Authenticate",
      });
    // 405s are 405 for every caller.
    expect(op("/v1/orders/views/summary", "post").security).toBeUndefined();
  });

  it("needs a token for public reads too when anonymous callers may do nothing", () => {
    const closed = buildOpenApiDocument(registry, uris, { schema, anonymous: "none" });
    const closedPaths = closed.paths as Record<string, Json>;
    expect(closed.security).toEqual([{ bearer: [] }]);
    expect(closedPaths["/v1/products"]?.get.security).toEqual([{ bearer: [] }]);
    expect(closedPaths["/v1/orders"]?.get.security).toEqual([{ bearer: ["orders:read"] }]);
    // What describes the API stays readable without a token.
    for (const path of ["/v1", "/v1/openapi.json", "/v1/products/definition"])
      expect(closedPaths[path]?.get.security, path).toEqual([{}, { bearer: [] }]);
  });

  it("#125 #157 lists every problem type as a path, and as the values of a problem's type", async () => {
    const types = ERROR_CODES.map((code) => uris.problem(code));
    expect(components.schemas.Problem.properties.type.enum).toEqual([...types, "about:blank"]);
    const app = createRestApp({ registry, uris, executor: unusedExecutor });
    for (const code of ERROR_CODES) {
      const path = new URL(uris.problem(code)).pathname;
      expect(op(path, "get").responses["200"].content["application/json"].schema).toEqual({
        $ref: "#/components/schemas/ProblemType",
      });
      const served = await request(app).get(path);
      expect(served.status, path).toBe(200);
      expect(served.body, path).toMatchObject({ code, status: HTTP_STATUS[code], title: ERROR_TITLE[code] });
    }
    expect((await request(app).get("/v1/problems/no_such_code")).body.type).toBe(uris.problem("NOT_FOUND"));
  });

  it("matches concrete paths to exactly one template, literals before parameters", () => {
    const templates = Object.keys(paths);
    expect(matchTemplate(templates, "/v1/products/definition")).toBe("/v1/products/definition");
    expect(matchTemplate(templates, "/v1/products/73924")).toBe("/v1/products/{product_id}");
    expect(matchTemplate(templates, "/v1/users/jdoe/orders/9")).toBe(
      "/v1/users/{username}/orders/{order_id}",
    );
    expect(matchTemplate(templates, "/v1/nothing")).toBeUndefined();
  });

  it("is served with the app's anonymous access: a token for everything when anonymous callers may do nothing", async () => {
    const closed = createRestApp({
      registry,
      uris,
      executor: unusedExecutor,
      authenticator: { authenticate: async () => userCaller("root", ["admin"]) },
      anonymous: "none",
    });
    const served = await request(closed).get("/v1/openapi.json");
    expect(served.body.security).toEqual([{ bearer: [] }]);
    expect(served.body.paths["/v1/products"].get.security).toEqual([{ bearer: [] }]);
  });

  it("#61 is served at /v1/openapi.json and linked as service-desc from /v1", async () => {
    const app = createRestApp({ registry, uris, executor: unusedExecutor });
    const root = await request(app).get("/v1");
    expect(root.body._links).toContainEqual({
      rel: "service-desc",
      href: `${BASE}/v1/openapi.json`,
      method: "GET",
    });
    const served = await request(app).get("/v1/openapi.json");
    expect(served.status).toBe(200);
    expect(served.body.openapi).toBe(doc.openapi);
    expect(Object.keys(served.body.paths)).toEqual(Object.keys(paths));
  });
});
