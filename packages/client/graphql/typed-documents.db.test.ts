/**
 * Typed documents run end to end: against the schema in this process, and over HTTP against the
 * GraphQL API, with results and variables checked by the generated types.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDatabase, FIXTURE } from "@tusk/db/testing";
import { createGraphqlApp, type GraphqlApp } from "@tusk/graphql";
import { registry } from "@tusk/registry";
import { createContext, createSchema } from "@tusk/schema";
import { createUriBuilder } from "@tusk/uri";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bearer, testAuthenticator } from "../../../test-support/callers.ts";
import {
  CategoryProductsDocument,
  CreateBookDocument,
  OrderWithLineItemDocument,
} from "./generated/graphql.ts";
import { executeTyped, requestTyped } from "./request.ts";

type Db = Awaited<ReturnType<typeof createTestDatabase>>;
const BASE = "http://localhost:4000";

let db: Db;
const schema = createSchema();
const context = () =>
  createContext({ prisma: db.prisma, uris: createUriBuilder({ registry, baseUrl: BASE }), caller: ADMIN });

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
});
afterAll(() => db.close());

describe("in process", () => {
  it("reads an order's line item with its product, typed", async () => {
    const { data, errors } = await executeTyped(
      schema,
      OrderWithLineItemDocument,
      { orderId: FIXTURE.orderId, lineItemId: FIXTURE.lineItemIds[0] },
      context(),
    );
    expect(errors).toBeUndefined();
    const lineItem = data?.order?.lineItem;
    expect(lineItem?.product.name).toBe("The Amazing Widget");
    expect(lineItem?.unitPrice).toBe("219.99");
    expect(lineItem?.uri).toBe(`${BASE}/v1/orders/9/line_items/12345`);
    // @ts-expect-error the document selects no `placedAt`: the result type is the document's
    expect(data?.order?.placedAt).toBeUndefined();
  });

  it("pages a filtered relation, typed", async () => {
    const { data, errors } = await executeTyped(
      schema,
      CategoryProductsDocument,
      {
        categoryId: FIXTURE.categoryId,
        where: { id: { in: [73924, 73925] }, price: { gte: "10" } },
        first: 1,
      },
      context(),
    );
    expect(errors).toBeUndefined();
    const products = data?.category?.products;
    expect(products?.nodes.map((node) => [node.id, node.price])).toEqual([[73924, "219.99"]]);
    expect(products?.totalCount).toBe(2);
    expect(products?.pageInfo.hasNextPage).toBe(true);
  });

  it("refuses variables of the wrong type, at compile time and at run time", async () => {
    const { errors } = await executeTyped(
      schema,
      OrderWithLineItemDocument,
      // @ts-expect-error orderId is an Int, not a string
      { orderId: "nine", lineItemId: 12345 },
      context(),
    );
    expect(errors?.[0]?.message).toMatch(/\$orderId/);
  });
});

describe("over HTTP", () => {
  let graphqlApp: GraphqlApp;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    graphqlApp = await createGraphqlApp({ db, baseUrl: BASE, authenticator: testAuthenticator() });
    server = createServer(graphqlApp.app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await graphqlApp.stop();
  });

  it("creates a book with a token, typed", async () => {
    const token = (await bearer(ADMIN)).slice("Bearer ".length);
    const input = { isbn: "0-19-852663-6", title: "Widget Physics", author: "A. Author", price: "12.5" };
    const { data, errors } = await requestTyped(url, CreateBookDocument, { input }, { token });
    expect(errors).toBeUndefined();
    expect(data?.createBook).toEqual({
      isbn: "9780198526636",
      price: "12.50",
      uri: `${BASE}/v1/books/9780198526636`,
    });
    // @ts-expect-error the mutation selects no `title`
    expect(data?.createBook.title).toBeUndefined();
  });
});
