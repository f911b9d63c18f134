/**
 * What the client generates from the OpenAPI document the REST app serves (built here from the
 * registry and schema exactly as the app builds it): the types, by openapi-typescript, and the
 * one runtime fact openapi-fetch cannot read from types, which query parameters are sent
 * comma-separated.
 */
import { fileURLToPath } from "node:url";
import { type Registry, registry } from "@tusk/registry";
import { buildOpenApiDocument } from "@tusk/rest";
import { createUriBuilder } from "@tusk/uri";
import openapiTS, { astToString, type OpenAPI3, type SchemaObject } from "openapi-typescript";
import ts from "typescript";

const generated = (name: string) => fileURLToPath(new URL(`../src/generated/${name}`, import.meta.url));

const header = (what: string) => `/**
 * ${what}, generated from the Tusk REST API's OpenAPI document (/v1/openapi.json).
 * Do not edit: run \`npm run generate:client\`.
 */

`;

/**
 * A problem's `type` is a URI under the server's public base URL, which differs per
 * deployment: the document lists one server's URIs, so the types keep only "a URI".
 */
function widenServerUris(schema: SchemaObject): ts.TypeNode | undefined {
  if (!("format" in schema) || schema.format !== "uri" || !Array.isArray(schema.enum)) return undefined;
  return ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
}

interface Parameter {
  readonly in?: string;
  readonly name?: string;
  readonly explode?: boolean;
}

/** The query parameters whose lists are comma-separated (`explode: false`) anywhere in the document. */
function commaSeparated(document: OpenAPI3): string[] {
  const names = new Set<string>();
  for (const item of Object.values(document.paths ?? {}))
    for (const value of Object.values(item as Record<string, unknown>)) {
      const parameters = Array.isArray(value) ? value : (value as { parameters?: unknown })?.parameters;
      if (!Array.isArray(parameters)) continue;
      for (const p of parameters as Parameter[])
        if (p.in === "query" && p.explode === false && p.name) names.add(p.name);
    }
  return [...names].sort();
}

/**
 * Each generated file's path and its content, as `npm run generate:client` writes them from the
 * project's registry (or another one: the scaffolding test generates a new resource's types).
 */
export async function generateClientFiles(
  from: Registry = registry,
): Promise<{ path: string; content: string }[]> {
  const uris = createUriBuilder({ registry: from, baseUrl: "http://localhost:4000" });
  const document = buildOpenApiDocument(from, uris) as unknown as OpenAPI3;
  // Objects the document leaves open (embedded resources, HAL's `_embedded`) are readable as
  // unknown members rather than typed as empty.
  const ast = await openapiTS(document, {
    transform: widenServerUris,
    alphabetize: true,
    emptyObjectsUnknown: true,
  });
  const names = commaSeparated(document);
  return [
    {
      path: generated("openapi.ts"),
      content: header("The paths, operations and schemas") + astToString(ast),
    },
    {
      path: generated("query-style.ts"),
      content: `${header("How query parameters are written")}/** Query parameters whose lists are sent comma-separated (\`explode: false\`); others repeat. */\nexport const COMMA_SEPARATED: ReadonlySet<string> = new Set(${JSON.stringify(names)});\n`,
    },
  ];
}
