import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../client.ts";
import { createTestDatabase, testDatabaseKind } from "../testing/index.ts";
import { DEFAULT_MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from "./index.ts";

const tempDirs: string[] = [];
function copyOfMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), "tusk-migrations-"));
  tempDirs.push(dir);
  cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

interface Recorded {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  finished_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

const recorded = (db: Database) =>
  db.sql.query<Recorded>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);

describe(`migrate on ${testDatabaseKind()}`, () => {
  let db: Database;
  beforeEach(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterEach(() => db?.close());
  afterAll(() => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });

  it("applies every migration in order, then none", async () => {
    const names = readMigrations().map((m) => m.name);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(await migrate(db)).toEqual({ applied: names });
    expect(await migrate(db)).toEqual({ applied: [] });
    const tables = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'line_items'`,
    );
    expect(tables[0]?.n).toBe(1);
  });

  it("records each migration the way Prisma does", async () => {
    await migrate(db);
    const rows = await recorded(db);
    expect(rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
    for (const row of rows) {
      const file = readFileSync(join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
  });

  it("refuses to run when an applied migration's file changed, naming it", async () => {
    const dir = copyOfMigrations();
    await migrate(db, { migrationsDir: dir });
    const [first] = readMigrations(dir);
    writeFileSync(join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited afterwards\n`);
    const refusal = migrate(db, { migrationsDir: dir });
    await expect(refusal).rejects.toBeInstanceOf(MigrationError);
    await expect(refusal).rejects.toMatchObject({ migration: first!.name, reason: "checksum-mismatch" });
    await expect(refusal).rejects.toThrow(`Migration ${first!.name} was modified after it was applied`);
  });

  it("rolls back a failing migration, records it, and refuses to continue until it is resolved", async () => {
    const dir = copyOfMigrations();
    const broken = "29990101000000_broken";
    mkdirSync(join(dir, broken));
    writeFileSync(
      join(dir, broken, "migration.sql"),
      `CREATE TABLE "half_done" (id int);\nSELECT no_such_function();\n`,
    );
    await expect(migrate(db, { migrationsDir: dir })).rejects.toMatchObject({
      migration: broken,
      reason: "failed",
    });
    const halfDone = await db.sql.query(
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`,
    );
    expect(halfDone).toEqual([]);
    const failed = (await recorded(db)).find((r) => r.migration_name === broken);
    expect(failed?.finished_at).toBeNull();
    expect(failed?.logs).toMatch(/no_such_function/);

    await expect(migrate(db, { migrationsDir: dir })).rejects.toMatchObject({
      migration: broken,
      reason: "failed-earlier",
    });
    // Resolving it as rolled back (what `prisma migrate resolve --rolled-back` does) lets it run again.
    writeFileSync(join(dir, broken, "migration.sql"), `CREATE TABLE "half_done" (id int);\n`);
    await db.sql.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, [
      broken,
    ]);
    expect(await migrate(db, { migrationsDir: dir })).toEqual({ applied: [broken] });
  });

  it("applies migrations once when two migrate calls start together", async () => {
    // On PostgreSQL the second call comes from a separate client (its own pool),
    // as a second process would; PGlite has one connection per database.
    const other = db.location.kind === "postgres" ? await openDatabase({ url: db.location.url }) : db;
    try {
      const results = await Promise.all([migrate(db), migrate(other)]);
      const applied = results.flatMap((r) => r.applied);
      expect(applied.sort()).toEqual(readMigrations().map((m) => m.name));
      expect((await recorded(db)).length).toBe(applied.length);
    } finally {
      if (other !== db) await other.close();
    }
  });
});
