import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Where `npm run generate` (scripts/build-graphiql.mjs) writes the GraphiQL bundle. */
const BUNDLE_DIR = fileURLToPath(new URL("../../generated/graphiql/", import.meta.url));

/** The bundle's files a browser loads, by name: the page, Monaco's workers and its icon font. */
export const GRAPHIQL_ASSETS = [
  "graphiql.js",
  "graphiql.css",
  "editor.worker.js",
  "json.worker.js",
  "graphql.worker.js",
  "codicon.ttf",
] as const;

export type GraphiqlAsset = (typeof GRAPHIQL_ASSETS)[number];

/** The file behind an asset name from a URL, or undefined for any other name. */
export function graphiqlAssetFile(name: string): string | undefined {
  return (GRAPHIQL_ASSETS as readonly string[]).includes(name) ? `${BUNDLE_DIR}${name}` : undefined;
}

/** The example queries the page opens as tabs (docs/graphql.md's, extracted by the build). */
export function readExampleQueries(): string[] {
  const file = `${BUNDLE_DIR}examples.json`;
  if (!existsSync(file)) {
    throw new Error(`GraphiQL is not built: ${file} is missing. Run \`npm run generate\`.`);
  }
  return JSON.parse(readFileSync(file, "utf8")) as string[];
}
