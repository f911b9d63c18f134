import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// graphql 16 ships CommonJS (`main`) and ESM (`module`) builds with no "exports" map. Node, and
// the packages vitest leaves to Node (graphql-jit), load the CommonJS one; vite would give our
// sources the ESM one, and graphql refuses types from "another realm". Pin the one Node uses.
const graphqlMain = createRequire(import.meta.url).resolve("graphql");

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    // Each suite copies a seeded PGlite template: a few seconds when the template is cold.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
