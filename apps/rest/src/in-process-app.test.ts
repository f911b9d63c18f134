import request from "supertest";
import { describe, expect, it } from "vitest";
import { createInProcessRestApp } from "./in-process-app.ts";

// No query reaches the database in these tests: they are answered before execution.
const db = { prisma: {} as never };
const baseUrl = "http://rest.test";

describe("createInProcessRestApp", () => {
  it("fails at start, naming the operations, when the schema refuses them", () => {
    expect(() => createInProcessRestApp({ db, baseUrl, limits: { maxDepth: 2 } })).toThrow(
      /REST operations do not fit the GraphQL schema:[\s\S]*item:Product: /,
    );
  });

  it("takes the page sizes of lists from the schema's limits", async () => {
    const { app } = createInProcessRestApp({ db, baseUrl, limits: { defaultPageSize: 5, maxPageSize: 7 } });
    const response = await request(app).get("/v1/products?limit=8");
    expect(response.status).toBe(400);
    expect(response.body.invalid_params).toEqual([
      { name: "limit", reason: "must be an integer from 1 to 7" },
    ]);
    const openapi = await request(app).get("/v1/openapi.json");
    expect(JSON.stringify(openapi.body)).toMatch(/"maximum":7/);
  });
});
