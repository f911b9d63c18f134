import type { Request, RequestHandler, Response } from "express";
import { graphiqlAssetFile, readExampleQueries } from "./assets.ts";
import { renderGraphiqlPage } from "./page.ts";

/** Where the bundle's files are served. */
export const GRAPHIQL_ASSETS_PATH = "/graphiql/assets/";

/**
 * Only files the app serves: scripts, workers, styles and fonts from this origin, operations
 * sent to this origin. Monaco, GraphiQL's editor, sets its styles from script, hence
 * 'unsafe-inline' for styles (never for scripts); GraphiQL's fonts are bundled as data URLs.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** A browser opening the endpoint: prefers HTML and sends no operation. */
function isBrowserVisit(req: Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (new URLSearchParams(req.url.split("?")[1] ?? "").has("query")) return false;
  return req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
}

/**
 * GraphiQL, from the installed packages bundled by `npm run generate`: served at the endpoint
 * to a browser (`GET` with `Accept: text/html` and no `query`); every other request goes on to
 * Apollo, whose CSRF protection stays on. Mount it before the endpoint.
 *
 * @example
 * app.use(graphiql({ endpoint: "/graphql" }));
 * app.use("/graphql", express.json(), expressMiddleware(server));
 */
export function graphiql(options: { readonly endpoint: string }): RequestHandler {
  const html = renderGraphiqlPage({
    endpoint: options.endpoint,
    examples: readExampleQueries(),
    assetPath: (name) => `${GRAPHIQL_ASSETS_PATH}${name}`,
  });
  const sendPage = (res: Response) => {
    res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("Vary", "Accept");
    res.type("html").send(html);
  };
  return (req, res, next) => {
    if (req.path.startsWith(GRAPHIQL_ASSETS_PATH) && (req.method === "GET" || req.method === "HEAD")) {
      const file = graphiqlAssetFile(req.path.slice(GRAPHIQL_ASSETS_PATH.length));
      if (file) return res.sendFile(file, { headers: { "Cache-Control": "no-cache" } });
      return next();
    }
    if (req.path === options.endpoint && isBrowserVisit(req)) return sendPage(res);
    next();
  };
}
