import {
  type Database,
  type DatabaseLocation,
  type DatabaseOptions,
  databaseUnavailableReason,
  describeDatabase,
  migrate,
  openDatabase,
  resolveDatabaseLocation,
} from "@tusk/db";
import { StartupError } from "@tusk/server";

/**
 * Opens and migrates the database at `url`. A database that cannot be opened (a PostgreSQL
 * server that does not answer, a PGlite directory that cannot be created or read) is a
 * {@link StartupError} naming the database and `DATABASE_URL`; a failing migration is thrown as
 * it is (the migration, not the setting, is wrong).
 *
 * @example
 * const db = await openMigratedDatabase("pglite://memory", {});
 */
export async function openMigratedDatabase(
  url: string | undefined,
  options: Omit<DatabaseOptions, "url">,
): Promise<Database> {
  let location: DatabaseLocation;
  try {
    location = resolveDatabaseLocation(url);
  } catch (error) {
    // DATABASE_URL itself is malformed: its own message names the forms accepted.
    throw new StartupError(messageOf(error), { cause: error });
  }
  let db: Database | undefined;
  try {
    db = await openDatabase({ ...options, url });
    await migrate(db);
    return db;
  } catch (error) {
    await db?.close().catch(() => {});
    const reason = databaseUnavailableReason(error) ?? (db ? undefined : messageOf(error));
    if (reason === undefined) throw error;
    throw new StartupError(
      `Cannot open the database (${describeDatabase(location)}): ${reason}. Set DATABASE_URL to a database Tusk can reach (see docs/configuration.md).`,
      { cause: error },
    );
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
