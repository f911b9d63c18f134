/** The rules of docs/security.md, enforced by the schema layer inside the one planned query. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, customer } from "../../../test-support/callers.ts";
import { createHarness, type Harness } from "../test/harness.ts";

let h: Harness;
let other: { username: string; orderId: number; lineItemId: number; updatedAt: string };
const jdoe = customer("jdoe");

beforeAll(async () => {
  h = await createHarness();
  const line = await h.db.prisma.lineItem.findFirst({
    where: { order: { username: { not: "jdoe" } } },
    select: { id: true, order: { select: { id: true, username: true, updatedAt: true } } },
  });
  if (!line) throw new Error("the seed has no other customer's line item");
  other = {
    username: line.order.username,
    orderId: line.order.id,
    lineItemId: line.id,
    updatedAt: line.order.updatedAt.toISOString(),
  };
});
afterAll(() => h.close());

const DEEP = `{ orders(first: 50) { totalCount nodes { id username user { username email }
  lineItems(first: 10) { nodes { id order { username } product { name } } } } } }`;

function codes(result: Awaited<ReturnType<Harness["run"]>>) {
  return result.errors?.map((e) => e.extensions?.code);
}

describe("reads", () => {
  it("keeps a customer to their own rows at every depth, in as many SQL statements as admin", async () => {
    h.queries.length = 0;
    await h.data(DEEP, {}, ADMIN);
    const asAdmin = h.queries.length;
    h.queries.length = 0;
    const mine = await h.data(DEEP, {}, jdoe);
    expect(h.queries.length).toBe(asAdmin);
    const own = await h.db.prisma.order.count({ where: { username: "jdoe" } });
    expect(mine.orders.totalCount).toBe(own);
    for (const order of mine.orders.nodes) {
      expect(order.user).toEqual({ username: "jdoe", email: "jdoe@example.com" });
      for (const line of order.lineItems.nodes) expect(line.order.username).toBe("jdoe");
    }
  });

  it("answers null for another's item, as if it did not exist", async () => {
    const data = await h.data(
      `{ order(id: ${other.orderId}) { id } user(username: "${other.username}") { username } }`,
      {},
      jdoe,
    );
    expect(data).toEqual({ order: null, user: null });
  });

  it("hides nested rows the caller may not read instead of failing", async () => {
    const data = await h.data(
      `{ product(id: 73924) { lineItems { totalCount } lineItemsAggregate { count } } }`,
      {},
      customer("nobody"),
    );
    expect(data.product).toEqual({ lineItems: { totalCount: 0 }, lineItemsAggregate: { count: 0 } });
  });
});

describe("writes", () => {
  it("refuses a write without the collection's scope with FORBIDDEN", async () => {
    const result = await h.run(
      `mutation { addToCategoryProducts(id: 37, productId: 73924) { id } }`,
      {},
      jdoe,
    );
    expect(codes(result)).toEqual(["FORBIDDEN"]);
  });

  it("refuses creating a row that would belong to someone else with FORBIDDEN", async () => {
    const order = await h.run(
      `mutation { createOrder(input: { username: "${other.username}" }) { id } }`,
      {},
      jdoe,
    );
    expect(codes(order)).toEqual(["FORBIDDEN"]);
    const line = await h.run(
      `mutation { createLineItem(input: { orderId: ${other.orderId}, productId: 73924, quantity: 1, unitPrice: "1.00" }) { id } }`,
      {},
      jdoe,
    );
    expect(codes(line)).toEqual(["FORBIDDEN"]);
  });

  it("does not find another's row to change or delete, even with its current version", async () => {
    const update = await h.run(
      `mutation { updateOrder(id: ${other.orderId}, input: { status: "cancelled" }, expectedUpdatedAt: "${other.updatedAt}") { id } }`,
      {},
      jdoe,
    );
    expect(codes(update)).toEqual(["NOT_FOUND"]);
    const remove = await h.run(
      `mutation { deleteLineItem(orderId: ${other.orderId}, id: ${other.lineItemId}) { id } }`,
      {},
      jdoe,
    );
    expect(codes(remove)).toEqual(["NOT_FOUND"]);
    const still = await h.db.prisma.lineItem.count({ where: { id: other.lineItemId } });
    expect(still).toBe(1);
  });
});
