import { registry } from "@tusk/registry";
import { createUriBuilder } from "@tusk/uri";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../../src/openapi/index.ts";
import { responseValidator } from "./response-schemas.ts";

const uris = createUriBuilder({ registry, baseUrl: "http://rest.test" });
const conforms = responseValidator(buildOpenApiDocument(registry, uris));
const link = { rel: "self", href: "http://rest.test/v1/products/73924", method: "GET" };
const product = {
  id: 73924,
  name: "The Amazing Widget",
  description: null,
  price: "219.99",
  stock: 42,
  created_at: "2026-01-15T09:30:00.000Z",
  updated_at: "2026-01-15T09:30:00.000Z",
  _links: [link],
};

describe("responseValidator", () => {
  it("accepts a response that matches its documented schema", () => {
    const body = { products: [product], _links: [link] };
    expect(conforms("GET", "/v1/products/73924", 200, "application/json", body)).toEqual([]);
  });

  it("reports wrong types, missing members and undocumented members", () => {
    const wrong = { products: [{ ...product, price: 219.99, secret: 1 }], _links: [{ rel: "self" }] };
    const errors = conforms("GET", "/v1/products/73924", 200, "application/json", wrong);
    expect(errors.join("\n")).toMatch(/\/products\/0\/price must be string/);
    expect(errors.join("\n")).toMatch(/must NOT have additional properties/);
    expect(errors.join("\n")).toMatch(/\/_links\/0 must have required property 'href'/);
  });

  it("reports responses the document does not describe", () => {
    expect(conforms("GET", "/v1/products/73924", 418, "application/json", {})).toEqual([
      "GET /v1/products/{product_id} 418 application/json: not documented",
    ]);
    expect(conforms("GET", "/v1/nothing", 200, "application/json", {})).toEqual([
      "/v1/nothing: no path template",
    ]);
  });
});
