import { describe, expect, it } from "vitest";
import { findLink, linksOf } from "./links.ts";

const response = (link: string) => new Response("{}", { headers: { Link: link } });

describe("linksOf and findLink", () => {
  it("read the Link header, one link per relation type of a space-separated rel", () => {
    const source = {
      response: response(
        '<http://api.test/v1/products/definition>; rel="service", <http://api.test/v1/openapi.json>; rel="service-desc describedby"; type="application/openapi+json"',
      ),
    };
    expect(linksOf(source).map((link) => [link.rel, link.href])).toEqual([
      ["service", "http://api.test/v1/products/definition"],
      ["service-desc", "http://api.test/v1/openapi.json"],
      ["describedby", "http://api.test/v1/openapi.json"],
    ]);
    expect(findLink(source, "describedby")?.href).toBe("http://api.test/v1/openapi.json");
  });

  it("read a body's top-level _links and an item's own, by rel or relation name, GET only", () => {
    const item = {
      _links: [
        { rel: "edit", href: "http://api.test/v1/products/1", method: "PATCH" as const },
        {
          rel: "http://api.test/v1/categories/definition",
          href: "http://api.test/v1/products/1/categories",
          method: "GET" as const,
          name: "categories",
        },
      ],
    };
    expect(findLink(item, "edit")).toBeUndefined();
    expect(findLink(item, { name: "categories" })?.href).toBe("http://api.test/v1/products/1/categories");
    expect(
      findLink(item, { rel: "http://api.test/v1/categories/definition", name: "other" }),
    ).toBeUndefined();
    const page = {
      response: response('<http://api.test/v1/products?cursor=b>; rel="next"'),
      data: {
        products: [item],
        _links: [{ rel: "first", href: "http://api.test/v1/products", method: "GET" }],
      },
    };
    expect(linksOf(page).map((link) => link.rel)).toEqual(["next", "first"]);
    expect(findLink(page, "prev")).toBeUndefined();
  });
});
