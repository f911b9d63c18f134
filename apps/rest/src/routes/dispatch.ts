import { ApiError } from "@tusk/errors";
import { setRoute } from "@tusk/telemetry";
import type { ParseRouteResult, Route, RouteKind } from "@tusk/uri";
import type { NextFunction, Request, Response } from "express";
import { REDIRECT_CACHE } from "../http/cache.ts";
import { answerPreflight, corsHeaders } from "../http/cors.ts";
import { searchParams } from "../http/search-params.ts";
import { sendEmpty } from "../http/send.ts";
import { routeTemplate } from "../openapi/templates.ts";
import { refuseQueryParameters } from "../query/index.ts";
import {
  allowedMethods,
  isTableMethod,
  type RouteOf,
  servedMethods,
  type TableMethod,
} from "../surface/index.ts";
import { permissionOf, type RestContext } from "./context.ts";
import { optionsResponse } from "./definition.ts";
import { HANDLERS, type Handler } from "./handlers.ts";

/** A path that names no route: 400 for an identifier its rule refuses, else 404. */
function notRouted(result: Extract<ParseRouteResult, { ok: false }>): Error {
  const { reason } = result;
  if (reason.code === "bad-identifier") {
    const name = reason.resource.identifier.field.restName;
    const title = reason.resource.identifier.rule.title;
    return new ApiError("BAD_USER_INPUT", `Not a valid ${title}: ${reason.error.message}.`, {
      invalidParams: [{ name, reason: reason.error.message }],
    });
  }
  return new ApiError("NOT_FOUND", "No resource at this URI.");
}

type Bound = (context: RestContext, req: Request, res: Response) => Promise<void>;

function bind<K extends RouteKind>(
  row: { readonly [M in TableMethod]?: Handler<K> },
  route: RouteOf<K>,
  method: TableMethod,
): Bound | undefined {
  const handler = row[method];
  return handler && ((context, req, res) => handler(context, req, res, route));
}

/** The handler of a route and method; undefined only for a method the table does not list there. */
function handlerFor(route: Route, method: TableMethod): Bound | undefined {
  switch (route.kind) {
    case "root":
      return bind<"root">(HANDLERS.root, route, method);
    case "openapi":
      return bind<"openapi">(HANDLERS.openapi, route, method);
    case "problem":
      return bind<"problem">(HANDLERS.problem, route, method);
    case "definition":
      return bind<"definition">(HANDLERS.definition, route, method);
    case "view":
      return bind<"view">(HANDLERS.view, route, method);
    case "collection":
      return bind<"collection">(HANDLERS.collection, route, method);
    case "item":
      return bind<"item">(HANDLERS.item, route, method);
    case "relation":
      return bind<"relation">(HANDLERS.relation, route, method);
    case "relation-item":
      return bind<"relation-item">(HANDLERS["relation-item"], route, method);
    case "relation-view":
      return bind<"relation-view">(HANDLERS["relation-view"], route, method);
  }
  const unknown: never = route;
  throw new Error(`No handlers for ${JSON.stringify(unknown)}`);
}

async function handle(context: RestContext, req: Request, res: Response, route: Route): Promise<void> {
  const method = req.method === "HEAD" ? "GET" : req.method;
  // Writes take no query parameters (but the filters of a filtered PATCH or DELETE); one is a
  // mistake, refused as GET refuses unknown ones.
  const filtered = servedMethods(route).some((served) => served.method === method && served.filtered);
  if (method !== "GET" && !filtered) refuseQueryParameters(searchParams(req));
  const handler = isTableMethod(method) ? handlerFor(route, method) : undefined;
  if (!handler) throw new Error(`No handler for ${route.kind} ${method}`);
  return handler(context, req, res);
}

/** Non-canonical paths answer 301 (GET/HEAD) or 308 at the canonical URI, query string kept. */
function redirected(
  context: RestContext,
  req: Request,
  res: Response,
  canonical: boolean,
  path: string,
): boolean {
  if (canonical) return false;
  const search = req.originalUrl.includes("?") ? req.originalUrl.slice(req.originalUrl.indexOf("?")) : "";
  const status = req.method === "GET" || req.method === "HEAD" ? 301 : 308;
  sendEmpty(res, status, { Location: `${context.uris.url(path)}${search}`, "Cache-Control": REDIRECT_CACHE });
  return true;
}

/**
 * CORS preflight, OPTIONS and 405: true when the request has been answered (or refused). A
 * preflight carries no credentials, so it allows what the route serves; `Allow` on OPTIONS and
 * 405 lists what this caller may use. A method the route serves but the caller may not use is
 * not 405: the operation refuses it (401 or 403).
 */
async function preamble(context: RestContext, req: Request, res: Response, route: Route): Promise<boolean> {
  const served = allowedMethods(route);
  if (answerPreflight(req, res, served, context.cors)) return true;
  const allowed = allowedMethods(route, permissionOf(res));
  if (req.method === "OPTIONS") {
    await optionsResponse(context, req, res, route, allowed);
    return true;
  }
  if (!served.includes(req.method)) {
    throw new ApiError("METHOD_NOT_ALLOWED", `${req.method} is not supported here.`, {
      headers: { Allow: allowed.join(", ") },
    });
  }
  return false;
}

/**
 * The one middleware that routes every request: the path is parsed by the
 * URI builder (derived from the registry), so no resource has an Express
 * route of its own. Non-canonical paths redirect; unsupported methods get 405.
 */
export function dispatcher(context: RestContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      corsHeaders(req, res, context.cors);
      const parsed = context.uris.parse(req.path);
      if (!parsed.ok) throw notRouted(parsed);
      const { route } = parsed;
      setRoute(routeTemplate(context.uris, route));
      if (redirected(context, req, res, route.canonical, route.canonicalPath)) return;
      if (await preamble(context, req, res, route)) return;
      await handle(context, req, res, route);
    } catch (error) {
      next(error);
    }
  };
}
