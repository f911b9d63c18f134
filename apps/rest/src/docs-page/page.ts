import type { DocsAsset } from "./assets.ts";

export interface DocsPageOptions {
  /** Absolute URL of the OpenAPI document the page renders. */
  readonly openapiUrl: string;
  /** The URL path of an asset (`/docs/assets/<name>`). */
  readonly assetPath: (name: DocsAsset) => string;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/**
 * The HTML of the API reference page: Swagger UI's own files and the script
 * that starts it, all served by the app; the document's URL travels in a data
 * attribute because the Content-Security-Policy allows no inline script.
 */
export function renderDocsPage(options: DocsPageOptions): string {
  const asset = (name: DocsAsset) => escapeHtml(options.assetPath(name));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference</title>
<link rel="icon" type="image/png" href="${asset("favicon-32x32.png")}">
<link rel="stylesheet" href="${asset("swagger-ui.css")}">
<link rel="stylesheet" href="${asset("index.css")}">
</head>
<body>
<main id="api-reference" data-openapi="${escapeHtml(options.openapiUrl)}"></main>
<script src="${asset("swagger-ui-bundle.js")}"></script>
<script src="${asset("docs-page.js")}"></script>
</body>
</html>
`;
}
