import { execFile } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(new URL("../../../../", import.meta.url)));
const ROOT_MODULES = join(ROOT, "node_modules");

/**
 * prisma/schema.prisma at the project root.
 *
 * @example
 * const schema = readFileSync(SCHEMA_PATH, "utf8");
 */
export const SCHEMA_PATH = join(ROOT, "prisma", "schema.prisma");

/**
 * Rewrites a Prisma 7 schema into the 6.x syntax Prisma 6's CLI reads: the
 * datasource names its URL, one `prisma-client-js` generator with the
 * client engine, and no other generators (ours run node scripts the differ
 * has no use for).
 *
 * @example
 * toPrisma6Schema('datasource db {\n  provider = "postgresql"\n}'); // adds url = env("DATABASE_URL")
 */
export function toPrisma6Schema(schema: string): string {
  const withoutGenerators = schema.replace(/^generator\s+\w+\s*\{[^}]*\}\s*/gm, "");
  const datasource = withoutGenerators.replace(
    /^datasource\s+(\w+)\s*\{[^}]*\}/m,
    (_, name: string) =>
      `datasource ${name} {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}`,
  );
  return `generator client {\n  provider   = "prisma-client-js"\n  engineType = "client"\n}\n\n${datasource}`;
}

const CONFIG = `import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  earlyAccess: true,
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
`;

// What the temporary project needs from the root node_modules: Prisma 6's
// CLI under its own name, and the PostgreSQL driver adapter with its deps.
function linkModules(dir: string): void {
  const modules = join(dir, "node_modules");
  mkdirSync(join(modules, "@prisma"), { recursive: true });
  symlinkSync(join(ROOT_MODULES, "prisma6"), join(modules, "prisma"), "dir");
  for (const name of ["adapter-pg", "driver-adapter-utils", "debug"]) {
    symlinkSync(join(ROOT_MODULES, "@prisma", name), join(modules, "@prisma", name), "dir");
  }
  for (const name of readdirSync(ROOT_MODULES).filter(
    (n) => n === "pg" || n.startsWith("pg-") || n.startsWith("postgres-"),
  )) {
    symlinkSync(join(ROOT_MODULES, name), join(modules, name), "dir");
  }
}

/**
 * The two schemas diffSchemas() compares.
 *
 * @example
 * const options: DiffOptions = { to: readFileSync(SCHEMA_PATH, "utf8") }; // from an empty database
 */
export interface DiffOptions {
  /** The schema the SQL starts from; omitted means an empty database. */
  readonly from?: string;
  /** The schema the SQL arrives at (text of a Prisma 7 schema). */
  readonly to: string;
  /**
   * A PostgreSQL URL for the driver adapter, which the CLI insists on opening
   * although diffing two schemas reads no database. Default: a throwaway
   * PGlite served on a Unix socket in a temporary directory, so no server is needed.
   */
  readonly databaseUrl?: string;
}

/**
 * The SQL that turns the `from` schema (or an empty database) into `to`,
 * computed offline by Prisma 6's WASM schema engine (`prisma migrate diff
 * --script`). Empty when they describe the same database.
 *
 * @example
 * const sql = await diffSchemas({ to: readFileSync(SCHEMA_PATH, "utf8") }); // CREATE TABLE ...
 */
export async function diffSchemas(options: DiffOptions): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "tusk-diff-"));
  let throwaway: { pglite: PGlite; server: PGLiteSocketServer } | undefined;
  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const pglite = new PGlite();
      // libpq's convention: the socket is <dir>/.s.PGSQL.<port>, and host= names the directory.
      const server = new PGLiteSocketServer({ db: pglite, path: join(dir, ".s.PGSQL.5432") });
      throwaway = { pglite, server };
      await server.start();
      databaseUrl = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`;
    }
    linkModules(dir);
    writeFileSync(join(dir, "prisma.config.ts"), CONFIG);
    writeFileSync(join(dir, "schema.prisma"), toPrisma6Schema(options.to));
    const from = options.from === undefined ? ["--from-empty"] : ["--from-schema-datamodel", "from.prisma"];
    if (options.from !== undefined) writeFileSync(join(dir, "from.prisma"), toPrisma6Schema(options.from));
    const cli = join(dir, "node_modules", "prisma", "build", "index.js");
    const args = [cli, "migrate", "diff", ...from, "--to-schema-datamodel", "schema.prisma", "--script"];
    const { stdout } = await run(process.execPath, args, {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        // Point the native engines at an existing file so the CLI neither
        // downloads them nor complains: the WASM engine does the work.
        PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
        PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
    });
    // The CLI announces the config file it loaded on stdout; the rest is SQL.
    return stdout
      .replace(/^Loaded Prisma config[^\n]*\n/, "")
      .replace(/^-- This is an empty migration\.\s*$/m, "")
      .trim();
  } finally {
    await throwaway?.server.stop();
    await throwaway?.pglite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads a schema file, for callers holding a path. */
export const readSchema = (path: string = SCHEMA_PATH) => readFileSync(path, "utf8");
