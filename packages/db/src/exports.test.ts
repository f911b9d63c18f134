/** The package's public surface is documented: every export of src/index.ts has an @example. */
import { expect, test } from "vitest";
import { readPublicSurface } from "../../../test-support/public-surface.ts";

// `Prisma` is the generated client's namespace, re-exported as is: it resolves to the
// generated module itself, which has no declaration to carry JSDoc, and a local alias
// would either resolve to that same module or lose the namespace's types
// (`Prisma.ProductWhereInput`) that the other packages use. It is the one exception.
const isGeneratedPrismaNamespace = (name: string) =>
  /generated\/prisma\/internal\/prismaNamespace"$/.test(name);

test("every export has JSDoc with an @example", () => {
  const surface = readPublicSurface(new URL("./index.ts", import.meta.url));
  expect(surface.exportCount).toBeGreaterThan(0);
  expect(surface.withoutExample.filter((name) => !isGeneratedPrismaNamespace(name))).toEqual([]);
});
