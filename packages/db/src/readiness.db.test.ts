import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client.ts";
import { DEFAULT_MIGRATIONS_DIR, readMigrations } from "./migrate/index.ts";
import { readinessCheck } from "./readiness.ts";
import { createTestDatabase, testDatabaseKind } from "./testing/index.ts";

describe(`readinessCheck on ${testDatabaseKind()}`, () => {
  let migrated: Database;
  let empty: Database;
  beforeAll(async () => {
    migrated = await createTestDatabase();
    empty = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await migrated?.close();
    await empty?.close();
  });

  it("is ready when every migration is applied", async () => {
    expect(await readinessCheck(migrated)()).toEqual({ ready: true });
  });

  it("is not ready before migrating", async () => {
    const count = readMigrations(DEFAULT_MIGRATIONS_DIR).length;
    expect(await readinessCheck(empty)()).toEqual({
      ready: false,
      reason: `${count} migrations not applied`,
    });
  });

  it("is not ready when the code expects a migration the database lacks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tusk-migrations-"));
    for (const file of readMigrations(DEFAULT_MIGRATIONS_DIR)) {
      mkdirSync(join(dir, file.name));
      writeFileSync(join(dir, file.name, "migration.sql"), file.sql);
    }
    mkdirSync(join(dir, "29990101000000_later"));
    writeFileSync(join(dir, "29990101000000_later", "migration.sql"), "SELECT 1;");
    expect(await readinessCheck(migrated, { migrationsDir: dir })()).toEqual({
      ready: false,
      reason: "1 migration not applied",
    });
  });
});
