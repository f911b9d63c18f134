/**
 * The package's public surface is documented: every export of src/index.ts carries JSDoc with
 * an @example, read from the sources by the TypeScript compiler.
 */
import ts from "typescript";
import { expect, test } from "vitest";

const index = new URL("./index.ts", import.meta.url).pathname;

test("every export has JSDoc with an @example", () => {
  const program = ts.createProgram([index], {
    allowImportingTsExtensions: true,
    noEmit: true,
    // Only the declarations matter here; leaving out lib and @types files keeps this fast.
    noLib: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(index);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error("cannot read src/index.ts");
  const exports = checker.getExportsOfModule(moduleSymbol);
  const missing = exports
    .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
    .filter((symbol) => !symbol.getJsDocTags(checker).some((tag) => tag.name === "example"))
    .map((symbol) => symbol.getName());
  expect(exports.length).toBeGreaterThan(0);
  expect(missing).toEqual([]);
});
