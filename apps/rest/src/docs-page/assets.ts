import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const swaggerUi = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const own = fileURLToPath(new URL("browser/", import.meta.url));

/** The files the API reference page loads, by the name it loads them under. */
export const DOCS_ASSETS = {
  "swagger-ui-bundle.js": join(swaggerUi, "swagger-ui-bundle.js"),
  "swagger-ui.css": join(swaggerUi, "swagger-ui.css"),
  "index.css": join(swaggerUi, "index.css"),
  "favicon-32x32.png": join(swaggerUi, "favicon-32x32.png"),
  "docs-page.js": join(own, "docs-page.js"),
} as const satisfies Record<string, string>;

export type DocsAsset = keyof typeof DOCS_ASSETS;

/** The file behind an asset name from a URL, or undefined for any other name. */
export function docsAssetFile(name: string): string | undefined {
  return Object.hasOwn(DOCS_ASSETS, name) ? DOCS_ASSETS[name as DocsAsset] : undefined;
}
