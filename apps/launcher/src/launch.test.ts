import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Launched, launch } from "./launch.ts";

describe("launch: both APIs in one process over one database", () => {
  let tusk: Launched;
  let closed = false;

  beforeAll(async () => {
    tusk = await launch({ restPort: 0, graphqlPort: 0, databaseUrl: "pglite://memory" });
  });
  afterAll(async () => {
    if (!closed) await tusk?.close();
  });

  it("seeds the empty database", () => {
    expect(tusk.seeded).toBe(true);
  });

  it("serves product 73924 with the same name through REST and GraphQL", async () => {
    const rest = await fetch(`${tusk.restUrl}/v1/products/73924`, {
      headers: { accept: "application/json" },
    });
    expect(rest.status).toBe(200);
    // NARWHL resource-specific responses: one item comes in the same shape as a list.
    const restBody = ((await rest.json()) as { products: { name: string }[] }).products[0];

    const graphql = await fetch(tusk.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ product(id: 73924) { name } }" }),
    });
    expect(graphql.status).toBe(200);
    const graphqlBody = (await graphql.json()) as { data: { product: { name: string } } };

    expect(restBody?.name).toBe("The Amazing Widget");
    expect(graphqlBody.data.product.name).toBe(restBody?.name);
  });

  it("builds REST links on the port it really listens on", async () => {
    const response = await fetch(`${tusk.restUrl}/v1/products/73924`);
    const body = (await response.json()) as { _links: { rel: string; href: string }[] };
    const self = body._links.find((link) => link.rel === "self");
    expect(self?.href).toBe(`${tusk.restUrl}/v1/products/73924`);
  });

  // Last: the other tests share this instance.
  it("close stops both servers and closes the database", async () => {
    await tusk.close();
    closed = true;
    await expect(fetch(`${tusk.restUrl}/v1`)).rejects.toThrow();
    await expect(fetch(tusk.graphqlUrl, { method: "POST" })).rejects.toThrow();
    await expect(tusk.db.prisma.product.count()).rejects.toThrow();
  });
});
