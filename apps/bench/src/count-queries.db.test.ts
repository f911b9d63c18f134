import type { Database } from "@tusk/db";
import { createTestDatabase, testDatabaseKind } from "@tusk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchCases } from "./cases.ts";
import { countQueries } from "./count-queries.ts";
import { deepAfterId } from "./database.ts";

// The baseline speaks PostgreSQL's protocol through `pg`: this suite runs with `npm run test:postgres`.
describe.skipIf(testDatabaseKind() !== "postgres")("every bench case on a seeded PostgreSQL database", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: true });
  });
  afterAll(() => db?.close());

  it("answers with the data asked for, in one SQL statement per read (SOFA's routes select every field: not counted)", async () => {
    if (db.location.kind !== "postgres") throw new Error("expected PostgreSQL");
    const cases = benchCases({ deepAfterId: await deepAfterId(db) }).filter((c) => c.subject !== "sofa");
    const counts = await countQueries(db.location.url, cases);
    const table = cases.map((c) => `${c.subject} ${c.scenario}: ${counts.get(c)}`);
    expect(table).toEqual([
      "raw one product: 1",
      "hand one product: 1",
      "rest one product: 1",
      "graphql one product: 1",
      "raw 50 products + categories: 1",
      "hand 50 products + categories: 2",
      "rest 50 products + categories: 1",
      "graphql 50 products + categories: 1",
      "raw relation list: 1",
      "hand relation list: 1",
      "rest relation list: 1",
      "graphql relation list: 1",
      "raw filter + sort: 1",
      "hand filter + sort: 1",
      "rest filter + sort: 1",
      "graphql filter + sort: 1",
      "raw zoom: 1",
      "rest zoom: 1",
      "graphql zoom: 1",
      "rest summary view: 1",
      "graphql summary view: 1",
      "rest conditional GET (304): 1",
      "rest create: 2",
      "graphql create: 2",
      "hand first page: 1",
      "rest first page: 1",
      "graphql first page: 1",
      // Keyset: the cursor's row is found in the same statement, however deep the page.
      "hand deep page: 1",
      "rest deep page: 1",
      "graphql deep page: 1",
    ]);
  }, 60_000);
});
