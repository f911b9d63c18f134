/**
 * graphql-codegen's configuration for the typed GraphQL example: the published SDL
 * (packages/schema/schema.graphql) and the documents beside this file make typed document nodes
 * in generated/. Run `npm run generate:graphql -w @tusk/client` after changing either.
 */
import { fileURLToPath } from "node:url";
import type { CodegenConfig } from "@graphql-codegen/cli";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Where the generated files go. */
export const GENERATED_DIR = here("./generated/");

const config: CodegenConfig = {
  schema: here("../../schema/schema.graphql"),
  documents: [here("./documents/*.graphql")],
  generates: {
    [GENERATED_DIR]: {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        // As the scalars' codecs read and write them (docs/values.md): decimals in as a string or
        // a number, out as a string; instants and identifiers as strings.
        scalars: {
          DateTime: "string",
          Decimal: { input: "string | number", output: "string" },
          ISBN: "string",
          Username: "string",
          VIN: "string",
        },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
  // Relative imports with a .js extension, as Node and this workspace's TypeScript resolve them.
  emitLegacyCommonJSImports: false,
  silent: true,
};

export default config;
