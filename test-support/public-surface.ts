/**
 * Reads a package's public surface (the exports of its src/index.ts) with the TypeScript
 * compiler and lists the exports whose JSDoc has no @example, so every shared package can
 * keep the rule "every export is documented with an example" with one line of test.
 */
import ts from "typescript";

export interface PublicSurface {
  readonly exportCount: number;
  /** Exports without an @example in their JSDoc. */
  readonly withoutExample: readonly string[];
}

export function readPublicSurface(indexUrl: URL): PublicSurface {
  const index = indexUrl.pathname;
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
  if (!moduleSymbol) throw new Error(`cannot read ${index}`);
  const exports = checker.getExportsOfModule(moduleSymbol);
  const withoutExample = exports
    .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
    .filter((symbol) => !symbol.getJsDocTags(checker).some((tag) => tag.name === "example"))
    .map((symbol) => symbol.getName());
  return { exportCount: exports.length, withoutExample };
}
