import { setRoute } from "@tusk/telemetry";
import type { UriBuilder } from "@tusk/uri";
import type { Request, RequestHandler, Response } from "express";
import Negotiator from "negotiator";
import { routeTemplate } from "../openapi/templates.ts";
import { docsAssetFile } from "./assets.ts";
import { renderDocsPage } from "./page.ts";

/** Where the page lives, below the public base URL (the API root serves it too). */
export const DOCS_PATH = "/docs";

/**
 * Only files the app serves: scripts, styles, images and fonts from this
 * origin, requests ("try it") to this origin and to the API's public origin.
 */
function contentSecurityPolicy(apiOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A browser prefers HTML; API clients (no `Accept`, wildcards, JSON types) get JSON as before. */
function prefersHtml(req: Request): boolean {
  // The substring test keeps the negotiation off the path of API requests.
  if (!req.get("accept")?.includes("text/html")) return false;
  return new Negotiator(req).mediaType(["application/json", "text/html"]) === "text/html";
}

/**
 * The interactive API reference (Swagger UI over the app's OpenAPI document),
 * served from installed packages with no CDN: at `/docs`, and at the API root
 * for a client that asks for `text/html`. Mount it before the dispatcher.
 *
 * @example
 * app.use(docsPage(uris));
 * // GET /docs, or GET /v1 with Accept: text/html: the page
 */
export function docsPage(uris: UriBuilder): RequestHandler {
  const base = new URL(uris.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const html = renderDocsPage({
    openapiUrl: uris.openapi(),
    assetPath: (name) => `${basePath}${DOCS_PATH}/assets/${name}`,
  });
  const policy = contentSecurityPolicy(base.origin);
  const sendPage = (res: Response) => {
    res.setHeader("Content-Security-Policy", policy);
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("Vary", "Accept");
    res.type("html").send(html);
  };

  const assetsPath = `${DOCS_PATH}/assets/`;
  // A plain middleware, not an express.Router: a router answers OPTIONS itself for every path
  // it has a route for, which would take OPTIONS away from the API.
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (req.path === DOCS_PATH) {
      setRoute(DOCS_PATH);
      return sendPage(res);
    }
    if (req.path.startsWith(assetsPath)) {
      const file = docsAssetFile(req.path.slice(assetsPath.length));
      if (!file) return next();
      setRoute(`${assetsPath}{asset}`);
      return res.sendFile(file, { headers: { "Cache-Control": "no-cache" } });
    }
    if (!prefersHtml(req)) return next();
    const parsed = uris.parse(req.path);
    if (!parsed.ok || parsed.route.kind !== "root" || !parsed.route.canonical) return next();
    setRoute(routeTemplate(uris, parsed.route));
    sendPage(res);
  };
}
