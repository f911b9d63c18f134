import type { GraphiqlAsset } from "./assets.ts";

export interface GraphiqlPageOptions {
  /** The GraphQL endpoint the page sends operations to. */
  readonly endpoint: string;
  /** The queries opened as tabs. */
  readonly examples: readonly string[];
  /** The URL path of an asset. */
  readonly assetPath: (name: GraphiqlAsset) => string;
}

/**
 * The HTML of the GraphiQL page. Its settings travel as a JSON data block (not run as script,
 * so the Content-Security-Policy can refuse inline scripts), with `<` escaped so no text in
 * them can close the block.
 */
export function renderGraphiqlPage(options: GraphiqlPageOptions): string {
  const settings = JSON.stringify({ endpoint: options.endpoint, examples: options.examples }).replace(
    /</g,
    "\\u003c",
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${options.assetPath("graphiql.css")}">
</head>
<body>
<div id="graphiql"></div>
<script type="application/json" id="graphiql-settings">${settings}</script>
<script type="module" src="${options.assetPath("graphiql.js")}"></script>
</body>
</html>
`;
}
