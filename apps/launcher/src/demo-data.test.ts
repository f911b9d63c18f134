import { type Database, migrate, openDatabase } from "@tusk/db";
import { registry } from "@tusk/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isEmpty, seedIfEmpty } from "./demo-data.ts";

describe("seedIfEmpty", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ url: "pglite://memory" });
    await migrate(db);
  });
  afterAll(() => db?.close());

  it("seeds an empty database once, and leaves a developer's changes alone after that", async () => {
    expect(await isEmpty(db, registry)).toBe(true);
    expect(await seedIfEmpty(db, registry)).toBe(true);
    expect(await db.prisma.product.findUnique({ where: { id: 73924 } })).not.toBeNull();

    // A deleted demo row stays deleted on the next start.
    await db.prisma.vehicle.deleteMany({});
    expect(await seedIfEmpty(db, registry)).toBe(false);
    expect(await db.prisma.vehicle.count()).toBe(0);
  });
});
