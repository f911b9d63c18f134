/** The package's public surface is documented: every export of src/index.ts has an @example. */
import { expect, test } from "vitest";
import { readPublicSurface } from "../../../test-support/public-surface.ts";

test("every export has JSDoc with an @example", () => {
  const surface = readPublicSurface(new URL("./index.ts", import.meta.url));
  expect(surface.exportCount).toBeGreaterThan(0);
  expect(surface.withoutExample).toEqual([]);
});
