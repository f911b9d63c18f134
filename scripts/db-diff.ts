// `npm run db:diff -- --name <name> [--from <schema file>] [--print]`
//
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// turns the previous schema into prisma/schema.prisma, computed offline by
// Prisma 6's WASM schema engine. The previous schema defaults to the one in
// the last commit (`git show HEAD:prisma/schema.prisma`): the drift test keeps
// every commit's migrations equal to its schema.prisma, so that file is the
// schema the existing migrations produce. (Prisma's own `--from-migrations`
// needs to introspect a shadow database, which its WASM engine cannot do here.)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_MIGRATIONS_DIR, diffSchemas } from "@tusk/db";

const root = resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    name: { type: "string" },
    from: { type: "string" },
    to: { type: "string", default: join(root, "prisma", "schema.prisma") },
    print: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`db:diff: ${message}`);
  process.exit(1);
}

if (!values.print && !/^[a-z0-9_]+$/.test(values.name ?? "")) {
  fail("give the migration a name of lowercase letters, digits and underscores: --name add_product_sku");
}
const from = values.from
  ? readFileSync(values.from, "utf8")
  : execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8" });
const sql = await diffSchemas({ from, to: readFileSync(values.to, "utf8") });

if (!sql) {
  console.log("No schema changes: nothing to write.");
} else if (values.print) {
  console.log(sql);
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = join(DEFAULT_MIGRATIONS_DIR, `${stamp}_${values.name}`);
  if (existsSync(dir)) fail(`${dir} already exists`);
  mkdirSync(dir);
  writeFileSync(join(dir, "migration.sql"), `${sql}\n`);
  console.log(`Wrote ${join(dir, "migration.sql")}. Review it, then apply it with \`npm run migrate\`.`);
}
