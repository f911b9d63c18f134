import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig, type ViteUserConfig } from "vitest/config";

// graphql 16 ships CommonJS (`main`) and ESM (`module`) builds with no "exports" map. Node, and
// the packages vitest leaves to Node (graphql-jit), load the CommonJS one; vite would give our
// sources the ESM one, and graphql refuses types from "another realm". Pin the one Node uses.
const graphqlMain = createRequire(import.meta.url).resolve("graphql");

// Makes the run's migrated and seeded template databases once, before any worker starts, for
// projects with `*.db.test.ts` files (see @tusk/db/testing).
const databaseTemplates = fileURLToPath(new URL("packages/db/src/testing/global-setup.ts", import.meta.url));

// Browser suites (`*.browser.test.ts`, headless Chromium) are slow, so `vitest run` leaves
// them out; `test:browser` (TUSK_TEST_BROWSER=1) runs them and nothing else.
const BROWSER_TESTS = "**/*.browser.test.ts";
const browserRun = process.env.TUSK_TEST_BROWSER === "1";

/**
 * The vitest configuration every workspace shares: one graphql build, the run's template
 * databases, and timeouts sized for suites that copy a seeded PGlite template (a second or
 * two, more on a loaded two-core machine).
 */
export function workspaceTestConfig(
  test: { testTimeout?: number; hookTimeout?: number } = {},
): ViteUserConfig {
  return defineConfig({
    resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
    test: {
      testTimeout: 60_000,
      hookTimeout: 120_000,
      globalSetup: [databaseTemplates],
      ...(browserRun
        ? { include: [BROWSER_TESTS] }
        : { exclude: [...configDefaults.exclude, BROWSER_TESTS] }),
      ...test,
    },
  });
}
