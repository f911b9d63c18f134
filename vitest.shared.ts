import { createRequire } from "node:module";
import { defineConfig, type ViteUserConfig } from "vitest/config";

// graphql 16 ships CommonJS (`main`) and ESM (`module`) builds with no "exports" map. Node, and
// the packages vitest leaves to Node (graphql-jit), load the CommonJS one; vite would give our
// sources the ESM one, and graphql refuses types from "another realm". Pin the one Node uses.
const graphqlMain = createRequire(import.meta.url).resolve("graphql");

/**
 * The vitest configuration every workspace shares: one graphql build, and timeouts sized for
 * suites that copy a seeded PGlite template (a few seconds when the template is cold, more on
 * a loaded two-core machine).
 */
export function workspaceTestConfig(
  test: { testTimeout?: number; hookTimeout?: number } = {},
): ViteUserConfig {
  return defineConfig({
    resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
    test: { testTimeout: 60_000, hookTimeout: 120_000, ...test },
  });
}
