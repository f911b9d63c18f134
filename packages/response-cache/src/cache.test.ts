import { ANONYMOUS, userCaller } from "@tusk/auth";
import { createSchema } from "@tusk/schema";
import { type ExecutionResult, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { type CacheOperation, createResponseCache } from "./cache.ts";
import { type CacheStore, memoryStore } from "./store.ts";

const schema = createSchema();

function operation(
  source: string,
  caller: CacheOperation["caller"] = ANONYMOUS,
  variables = {},
): CacheOperation {
  return { schema, source, document: parse(source), variables, caller };
}

/** A run that answers `data` and counts how often it ran. */
function counting(data: Record<string, unknown> | undefined, errors?: ExecutionResult["errors"]) {
  const run = async (): Promise<ExecutionResult> => {
    run.calls += 1;
    return errors ? { data: data ?? null, errors } : { data: data ?? null };
  };
  run.calls = 0;
  return run;
}

const store = () => memoryStore({ maxBytes: 1 << 20, ttlMs: 60_000, recentMs: 10_000 });
const PRODUCT = "{ product(id: 1) { name } }";

describe("the response cache", () => {
  it("runs a query once and answers again from the entry until a mutation touches its tags", async () => {
    const cache = createResponseCache({ store: store() });
    const run = counting({ product: { name: "Lamp" } });
    expect(await cache.execute(operation(PRODUCT), "rest", run)).toEqual({
      data: { product: { name: "Lamp" } },
    });
    expect(await cache.execute(operation(PRODUCT), "graphql", run)).toEqual({
      data: { product: { name: "Lamp" } },
    });
    expect(run.calls).toBe(1);
    await cache.execute(
      operation('mutation { createBook(input: { isbn: "9780306406157", title: "t" }) { isbn } }'),
      "rest",
      counting({}),
    );
    await cache.execute(operation(PRODUCT), "rest", run);
    expect(run.calls).toBe(1);
    await cache.execute(
      operation('mutation { updateProduct(id: 1, input: { name: "x" }) { id } }'),
      "graphql",
      counting({}),
    );
    await cache.execute(operation(PRODUCT), "rest", run);
    expect(run.calls).toBe(2);
  });

  it("keys by variables and, for rows that belong to someone, by who asks", async () => {
    const cache = createResponseCache({ store: store() });
    const byId = "query P($id: Int!) { product(id: $id) { name } }";
    const run = counting({ product: null });
    await cache.execute(operation(byId, ANONYMOUS, { id: 1 }), "rest", run);
    await cache.execute(operation(byId, ANONYMOUS, { id: 2 }), "rest", run);
    expect(run.calls).toBe(2);
    const orders = "{ orders(first: 1) { nodes { id } } }";
    const jdoe = userCaller("jdoe", ["orders:read"]);
    const ann = userCaller("ann", ["orders:read"]);
    const runOrders = counting({ orders: { nodes: [] } });
    await cache.execute(operation(orders, jdoe), "rest", runOrders);
    await cache.execute(operation(orders, ann), "rest", runOrders);
    await cache.execute(operation(orders, jdoe), "rest", runOrders);
    expect(runOrders.calls).toBe(2);
    // A public read is shared by callers with the same scopes.
    const runProducts = counting({ product: null });
    await cache.execute(operation(PRODUCT, userCaller("jdoe", ["orders:read"])), "rest", runProducts);
    await cache.execute(operation(PRODUCT, userCaller("ann", ["orders:read"])), "rest", runProducts);
    expect(runProducts.calls).toBe(1);
  });

  it("keeps no answer with errors", async () => {
    const cache = createResponseCache({ store: store() });
    const run = counting({ product: null }, [{ message: "boom" } as never]);
    await cache.execute(operation(PRODUCT), "rest", run);
    await cache.execute(operation(PRODUCT), "rest", run);
    expect(run.calls).toBe(2);
  });

  it("keeps no answer read from a replica while its tags were recently written", async () => {
    const cache = createResponseCache({ store: store(), readsFromReplicas: true });
    await cache.execute(
      operation('mutation { updateProduct(id: 1, input: { name: "x" }) { id } }'),
      "rest",
      counting({}),
    );
    const run = counting({ product: { name: "x" } });
    await cache.execute(operation(PRODUCT), "rest", run);
    await cache.execute(operation(PRODUCT), "rest", run);
    expect(run.calls).toBe(2);
    const books = counting({ book: null });
    await cache.execute(operation('{ book(isbn: "9780306406157") { title } }'), "rest", books);
    await cache.execute(operation('{ book(isbn: "9780306406157") { title } }'), "rest", books);
    expect(books.calls).toBe(1);
  });

  it("runs every operation uncached while its store fails, and says so", async () => {
    const failing: CacheStore = {
      ...memoryStore({ maxBytes: 1 << 20, ttlMs: 60_000, recentMs: 0 }),
      read: () => Promise.reject(new Error("down")),
      bump: () => Promise.reject(new Error("down")),
    };
    const errors: unknown[] = [];
    const cache = createResponseCache({ store: failing, onStoreError: (error) => errors.push(error) });
    const run = counting({ product: null });
    expect(await cache.execute(operation(PRODUCT), "rest", run)).toEqual({ data: { product: null } });
    await cache.execute(operation(PRODUCT), "rest", run);
    await cache.execute(operation("mutation { deleteProduct(id: 1) { id } }"), "rest", counting({}));
    expect(run.calls).toBe(2);
    expect(errors).toHaveLength(3);
    expect(
      (await cache.metrics.getSingleMetricAsString("response_cache_lookups_total")).includes(
        'result="error"} 2',
      ),
    ).toBe(true);
  });
});
