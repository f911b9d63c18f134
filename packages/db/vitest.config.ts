import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Database tests start PGlite (WASM) or create PostgreSQL databases; on a
    // busy two-core machine that takes seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
