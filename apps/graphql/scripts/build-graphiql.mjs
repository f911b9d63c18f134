#!/usr/bin/env node
// Bundles GraphiQL for the GraphQL app to serve (part of `npm run generate`). GraphiQL 5 ships
// only ES modules meant for a bundler, and its editor (Monaco) runs language services in web
// workers; esbuild turns them into a few files in generated/graphiql, so the page loads
// nothing from a CDN. The example tabs are the query examples of docs/graphql.md.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const app = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(app, "generated", "graphiql");

/**
 * Every ```graphql block of the guide that is a query (mutations would change the demo data)
 * and is not shown failing (the ```json block after it has no `errors`).
 */
function exampleQueries(markdown) {
  return [...markdown.matchAll(/```graphql\n([\s\S]*?)```\s*(?:```json\n([\s\S]*?)```)?/g)]
    .filter(([, source, result]) => !/^\s*mutation\b/.test(source) && !JSON.parse(result ?? "{}").errors)
    .map(([, source]) => source);
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  absWorkingDir: app,
  entryPoints: {
    graphiql: "src/graphiql/browser/graphiql.js",
    "editor.worker": "monaco-editor/esm/vs/editor/editor.worker.js",
    "json.worker": "monaco-editor/esm/vs/language/json/json.worker.js",
    "graphql.worker": "monaco-graphql/esm/graphql.worker.js",
  },
  outdir,
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2022",
  loader: { ".ttf": "file" },
  assetNames: "[name]",
  define: { "process.env.NODE_ENV": '"production"' },
  legalComments: "none",
  logLevel: "warning",
});
const guide = readFileSync(join(app, "..", "..", "docs", "graphql.md"), "utf8");
writeFileSync(join(outdir, "examples.json"), `${JSON.stringify(exampleQueries(guide), null, 2)}\n`);
