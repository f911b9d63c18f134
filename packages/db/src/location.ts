import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the database lives: embedded PGlite (a directory or memory) or a PostgreSQL server.
 *
 * @example
 * const inMemory: DatabaseLocation = { kind: "pglite", dataDir: "memory" };
 * const server: DatabaseLocation = { kind: "postgres", url: "postgresql://127.0.0.1/tusk" };
 */
export type DatabaseLocation =
  | { readonly kind: "pglite"; readonly dataDir: string | "memory" }
  | { readonly kind: "postgres"; readonly url: string };

const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * The PGlite data directory used when DATABASE_URL is unset.
 *
 * @example
 * DEFAULT_PGLITE_DIR; // "<project>/.data/pglite"
 * resolveDatabaseLocation(undefined); // { kind: "pglite", dataDir: DEFAULT_PGLITE_DIR }
 */
export const DEFAULT_PGLITE_DIR = resolve(projectRoot, ".data/pglite");

/**
 * Thrown for a DATABASE_URL that names no supported database.
 *
 * @example
 * resolveDatabaseLocation("mysql://127.0.0.1/tusk"); // throws DatabaseUrlError
 */
export class DatabaseUrlError extends Error {
  constructor(value: string) {
    super(
      `DATABASE_URL="${value}" is not a supported database location. Use a postgresql:// or postgres:// URL ` +
        `for PostgreSQL, pglite://memory for an in-memory PGlite database, pglite:///abs/dir or file:./dir ` +
        `(or a plain directory path) for PGlite on disk, or leave it unset for ${DEFAULT_PGLITE_DIR}.`,
    );
    this.name = "DatabaseUrlError";
  }
}

/**
 * Reads a DATABASE_URL-style string into a database location.
 *
 * @example
 * resolveDatabaseLocation(undefined);               // { kind: "pglite", dataDir: "<project>/.data/pglite" }
 * resolveDatabaseLocation("pglite://memory");       // { kind: "pglite", dataDir: "memory" }
 * resolveDatabaseLocation("postgresql://127.0.0.1/test"); // { kind: "postgres", url: ... }
 */
export function resolveDatabaseLocation(value: string | undefined): DatabaseLocation {
  const url = value?.trim();
  if (!url) return { kind: "pglite", dataDir: DEFAULT_PGLITE_DIR };
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: "postgres", url };
  if (/^(pglite:\/\/)?memory:?$/i.test(url) || url === "pglite://")
    return { kind: "pglite", dataDir: "memory" };
  const pathMatch = /^(?:pglite:\/\/|file:)(.+)$/i.exec(url);
  const path = pathMatch ? pathMatch[1]! : /^[a-z][a-z0-9+.-]*:/i.test(url) ? undefined : url;
  if (!path) throw new DatabaseUrlError(url);
  return { kind: "pglite", dataDir: isAbsolute(path) ? path : resolve(process.cwd(), path) };
}

/**
 * A database location in words for people (the start banner, start errors): never the
 * password of a PostgreSQL URL.
 *
 * @example
 * describeDatabase({ kind: "pglite", dataDir: "memory" }); // "PGlite in memory"
 * describeDatabase(resolveDatabaseLocation("postgresql://app:secret@db:5432/tusk")); // "PostgreSQL at db:5432/tusk"
 */
export function describeDatabase(location: DatabaseLocation): string {
  switch (location.kind) {
    case "pglite":
      return location.dataDir === "memory" ? "PGlite in memory" : `PGlite in ${location.dataDir}`;
    case "postgres": {
      const url = URL.canParse(location.url) ? new URL(location.url) : undefined;
      return url ? `PostgreSQL at ${url.hostname}:${url.port || "5432"}${url.pathname}` : "PostgreSQL";
    }
  }
  const unknown: never = location;
  throw new Error(`No description for ${JSON.stringify(unknown)}`);
}
