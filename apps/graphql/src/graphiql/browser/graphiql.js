// Runs in the browser, bundled by scripts/build-graphiql.mjs: GraphiQL on this server's
// endpoint, with the schema's docs explorer open and the documented example queries as tabs.
// The page passes its settings as JSON data (the Content-Security-Policy allows no inline script).
import { DOC_EXPLORER_PLUGIN } from "@graphiql/plugin-doc-explorer";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import "graphiql/style.css";
import "./page.css";

// Monaco's language services run in workers, bundled beside this file (never from a CDN).
const WORKERS = { json: "json.worker.js", graphql: "graphql.worker.js" };
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = WORKERS[label] ?? "editor.worker.js";
    return new Worker(new URL(file, import.meta.url), { type: "module" });
  },
};

const settings = JSON.parse(document.getElementById("graphiql-settings").textContent);
createRoot(document.getElementById("graphiql")).render(
  createElement(GraphiQL, {
    fetcher: createGraphiQLFetcher({ url: settings.endpoint }),
    defaultTabs: settings.examples.map((example) => ({ query: example })),
    visiblePlugin: DOC_EXPLORER_PLUGIN,
  }),
);
