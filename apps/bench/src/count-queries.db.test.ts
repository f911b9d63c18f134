import type { Database } from "@tusk/db";
import { createTestDatabase, testDatabaseKind } from "@tusk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchCases } from "./cases.ts";
import { countQueries } from "./count-queries.ts";

// The baseline speaks PostgreSQL's protocol through `pg`: this suite runs with `npm run test:postgres`.
describe.skipIf(testDatabaseKind() !== "postgres")("every bench case on a seeded PostgreSQL database", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: true });
  });
  afterAll(() => db?.close());

  it("answers with the data asked for, in one SQL statement per root field and relation", async () => {
    if (db.location.kind !== "postgres") throw new Error("expected PostgreSQL");
    const cases = benchCases();
    const counts = await countQueries(db.location.url, cases);
    const table = cases.map((c) => [c.subject, c.scenario, counts.get(c)]);
    expect(table).toEqual([
      ["raw", "one product", 1],
      ["raw", "50 products + categories", 1],
      ["rest", "one product", 1],
      ["rest", "50 products + categories", 2],
      ["graphql", "one product", 1],
      ["graphql", "50 products + categories", 2],
    ]);
  });
});
