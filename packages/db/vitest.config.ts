import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Database tests start PGlite (WASM) or create PostgreSQL databases; on a
    // busy two-core machine that takes seconds, not milliseconds.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
