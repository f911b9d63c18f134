#!/usr/bin/env node
// Generates the Prisma client (packages/db/generated), then bundles GraphiQL. Prisma 7's CLI refuses
// to start without its native schema engine even though `generate` never runs
// it, and the engine is downloaded from a CDN that offline machines cannot
// reach. When no engine is installed we point PRISMA_SCHEMA_ENGINE_BINARY at
// an existing file, which skips the download; a real engine is used if present.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

function installedEngine() {
  try {
    const enginesDir = dirname(require.resolve("@prisma/engines/package.json"));
    const engine = readdirSync(enginesDir).find((f) => f.startsWith("schema-engine"));
    return engine ? join(enginesDir, engine) : undefined;
  } catch {
    return undefined;
  }
}

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !installedEngine()) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
const prismaCli = join(root, "node_modules", "prisma", "build", "index.js");
if (!existsSync(prismaCli)) {
  console.error("generate: the prisma CLI is not installed; run `npm install` first.");
  process.exit(1);
}
const result = spawnSync(process.execPath, [prismaCli, "generate"], { cwd: root, env, stdio: "inherit" });
if (result.status !== 0) process.exit(result.status ?? 1);

// The GraphiQL bundle the GraphQL app serves (apps/graphql/generated/graphiql).
const graphiql = spawnSync(
  process.execPath,
  [join(root, "apps", "graphql", "scripts", "build-graphiql.mjs")],
  {
    cwd: root,
    stdio: "inherit",
  },
);
process.exit(graphiql.status ?? 1);
