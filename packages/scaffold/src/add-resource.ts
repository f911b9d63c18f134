import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { diffSchemas } from "@tusk/db";
import { addModel } from "./model.ts";
import { addRegistryEntry } from "./registry-entry.ts";
import type { ResourceSpec } from "./spec.ts";
import { renderTestFile, testFilePath } from "./test-file.ts";

/**
 * Where the command writes, under a project root (the repository's, or a copy's in tests).
 *
 * @example
 * projectFiles("/work/tusk").resources; // "/work/tusk/packages/registry/src/resources.ts"
 */
export function projectFiles(root: string) {
  return {
    schema: join(root, "prisma", "schema.prisma"),
    migrations: join(root, "prisma", "migrations"),
    resources: join(root, "packages", "registry", "src", "resources.ts"),
  };
}

/**
 * Prisma's diff knows nothing of triggers: the guard that keeps identifiers unchanged (migration
 * `20261121000100_identifier_guards`) is appended for the new table, as for every resource table.
 */
function identifierGuard(spec: ResourceSpec): string {
  return `-- CreateTrigger\nCREATE TRIGGER "${spec.path}_identifier_guard" BEFORE UPDATE ON "${spec.path}"\n  FOR EACH ROW EXECUTE FUNCTION "tusk_forbid_identifier_update"('id');\n`;
}

/**
 * What the command did and what is left.
 *
 * @example
 * const { written, nextSteps }: AddResourceResult = await addResource(root, spec);
 */
export interface AddResourceResult {
  /** The files written, relative to the root. */
  readonly written: readonly string[];
  /** What is left to do by hand, in order. */
  readonly nextSteps: readonly string[];
}

/**
 * Adds a resource: its model to prisma/schema.prisma, its entry to the registry definition, a
 * migration (`prisma/migrations/<timestamp>_add_<path>`) with the SQL Prisma's differ makes from
 * the schema before and after plus the identifier guard, and a test taking one item through both
 * APIs. Nothing is written if any step before the writing fails.
 *
 * @example
 * const { nextSteps } = await addResource(process.cwd(), parseSpec(["Manufacturer", "--public"]));
 */
export async function addResource(
  root: string,
  spec: ResourceSpec,
  options: { readonly now?: Date } = {},
): Promise<AddResourceResult> {
  const files = projectFiles(root);
  const before = readFileSync(files.schema, "utf8");
  const schema = addModel(before, spec);
  const resources = addRegistryEntry(readFileSync(files.resources, "utf8"), spec);
  const sql = await diffSchemas({ from: before, to: schema });
  const stamp = (options.now ?? new Date()).toISOString().replace(/\D/g, "").slice(0, 14);
  const migrationDir = join(files.migrations, `${stamp}_add_${spec.path}`);
  if (existsSync(migrationDir)) throw new Error(`${migrationDir} already exists`);
  const test = join(root, testFilePath(spec.path));
  if (existsSync(test)) throw new Error(`${test} already exists`);

  writeFileSync(files.schema, schema);
  writeFileSync(files.resources, resources);
  mkdirSync(migrationDir);
  const migration = join(migrationDir, "migration.sql");
  writeFileSync(migration, `${sql}\n\n${identifierGuard(spec)}`);
  mkdirSync(dirname(test), { recursive: true });
  writeFileSync(test, renderTestFile(spec));
  const written = [files.schema, files.resources, migration, test].map((file) => relative(root, file));
  return {
    written,
    nextSteps: [
      `Review the model ${spec.model} in prisma/schema.prisma: @unique fields, and relations (the other side of each on its model too; then redo the migration with \`npm run db:diff -- --name add_${spec.path}\`).`,
      `Review its entry in packages/registry/src/resources.ts: narrow filterable, sortable and writable; add owner or private if rows belong to users.`,
      "npm run generate   # the Prisma client and the registry's data model",
      `Review ${relative(root, migration)}; \`npm run migrate\` applies it (the apps do on start).`,
      `Seed a few ${spec.path} for the demo data and the consistency suite: the table's columns in packages/db/src/seed/tables.ts, fixed rows in fixtures.ts, generated rows in generate.ts (the seed's tests say what is missing).`,
      `Run and extend ${relative(root, test)}: it takes one ${spec.model} through both APIs.`,
      "(cd packages/registry && npx vitest run -u src/summary.test.ts)   # the registry summary",
      "npx vitest run -u packages/schema/src/schema.test.ts apps/rest/src/openapi/openapi.test.ts   # published SDL, OpenAPI snapshot",
      "npm run generate:client   # the REST client's types and the typed GraphQL example",
      "npm test",
    ],
  };
}
