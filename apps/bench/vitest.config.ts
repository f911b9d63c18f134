import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports" map: Vite would give our sources its ESM build while Node loads
    // its CommonJS build for graphql-jit, and graphql refuses types from "another realm". Point
    // every `import "graphql"` at the one build Node itself uses, as tsx and node do at run time.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    // A fresh seeded PGlite database per suite takes a few seconds on a cold template.
    hookTimeout: 60_000,
    testTimeout: 20_000,
  },
});
