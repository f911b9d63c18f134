// `npm run migrate`: applies pending migrations to the database named by
// DATABASE_URL (PGlite in .data/pglite when unset).
import { openDatabase } from "../client.ts";
import { MigrationError } from "./errors.ts";
import { migrate } from "./runner.ts";

const db = await openDatabase();
try {
  const { applied } = await migrate(db);
  console.log(applied.length ? `Applied ${applied.join(", ")}.` : "No pending migrations.");
} catch (error) {
  if (!(error instanceof MigrationError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await db.close();
}
