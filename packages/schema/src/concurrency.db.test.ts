/**
 * Optimistic concurrency in mutations, under real concurrency: this matters on PostgreSQL
 * (`TUSK_TEST_DATABASE=postgres`), where writes run in parallel; PGlite serialises them.
 */
import { testDatabaseKind } from "@tusk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test/harness.ts";

const WRITERS = 100;

describe(`expected versions in mutations on ${testDatabaseKind()}`, () => {
  let h: Harness;
  beforeAll(async () => {
    // A hundred writers queue on a small pool: give them time to queue (the limit is not under test).
    h = await createHarness({ seed: false, timeouts: { connectMs: 60_000 } });
  });
  afterAll(() => h?.close());

  const createProduct = async () =>
    (await h.data(`mutation { createProduct(input: { name: "Contended", price: "1.00" }) { id updatedAt } }`))
      .createProduct as { id: number; updatedAt: string };

  it(`defect 2: of ${WRITERS} concurrent updates given the same expected version exactly one succeeds`, async () => {
    const { id, updatedAt } = await createProduct();
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) =>
        h.run(
          `mutation ($id: Int!, $v: DateTime, $stock: Int) {
            updateProduct(id: $id, expectedUpdatedAt: $v, input: { stock: $stock }) { stock updatedAt }
          }`,
          { id, v: updatedAt, stock: writer + 1 },
        ),
      ),
    );
    const won = results.filter((result) => !result.errors);
    const codes = results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code);
    expect(won).toHaveLength(1);
    expect(codes).toEqual(Array.from({ length: WRITERS - 1 }, () => "PRECONDITION_FAILED"));
    const stored = await h.data(`query ($id: Int!) { product(id: $id) { stock updatedAt } }`, { id });
    const winner = won[0]?.data as { updateProduct: { stock: number; updatedAt: string } };
    expect(stored.product).toEqual(winner.updateProduct);
    expect(winner.updateProduct.updatedAt).not.toBe(updatedAt);
  });

  it("an update or delete with a stale version is PRECONDITION_FAILED and changes nothing", async () => {
    const { id, updatedAt } = await createProduct();
    await h.data(`mutation ($id: Int!) { updateProduct(id: $id, input: { stock: 5 }) { id } }`, { id });
    for (const source of [
      `mutation ($id: Int!, $v: DateTime) { updateProduct(id: $id, expectedUpdatedAt: $v, input: { stock: 9 }) { id } }`,
      `mutation ($id: Int!, $v: DateTime) { deleteProduct(id: $id, expectedUpdatedAt: $v) { id } }`,
    ]) {
      const result = await h.run(source, { id, v: updatedAt });
      expect(result.errors?.[0]?.extensions?.code).toBe("PRECONDITION_FAILED");
      expect(result.errors?.[0]?.message).toMatch(/changed since the updatedAt given in expectedUpdatedAt/);
    }
    expect((await h.data(`query ($id: Int!) { product(id: $id) { stock } }`, { id })).product).toEqual({
      stock: 5,
    });
  });

  it("the current version writes; a missing item stays NOT_FOUND", async () => {
    const { id, updatedAt } = await createProduct();
    const updated = await h.data(
      `mutation ($id: Int!, $v: DateTime) { updateProduct(id: $id, expectedUpdatedAt: $v, input: { stock: 2 }) { stock } }`,
      { id, v: updatedAt },
    );
    expect(updated.updateProduct).toEqual({ stock: 2 });
    const missing = await h.run(
      `mutation ($v: DateTime) { updateProduct(id: 999999999, expectedUpdatedAt: $v, input: { stock: 2 }) { id } }`,
      { v: updatedAt },
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("every update moves the version forward, even two in the same millisecond", async () => {
    const { id, updatedAt } = await createProduct();
    const versions = [updatedAt];
    for (let i = 0; i < 5; i++) {
      const result = await h.data(
        `mutation ($id: Int!) { updateProduct(id: $id, input: { stock: ${i} }) { updatedAt } }`,
        {
          id,
        },
      );
      versions.push(result.updateProduct.updatedAt);
    }
    const times = versions.map((version) => Date.parse(version));
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
  });
});
