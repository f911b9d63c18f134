import { type CorsOrigins, corsPolicy, requestedHeaders } from "@tusk/edge";
import cors from "cors";
import type { RequestHandler } from "express";

/**
 * CORS for the GraphQL endpoint as `CORS_ORIGINS` says (see `corsPolicy`): the `cors` package
 * answers, with options chosen per request, because whether a preflight may send
 * `Authorization` depends on the headers it asks for.
 *
 * @example
 * app.use(corsFor(["https://shop.example"]));
 */
export function corsFor(origins: CorsOrigins): RequestHandler {
  const policy = corsPolicy(origins);
  return cors((req, callback) => {
    const origin = req.headers.origin;
    if (!origin) return callback(null, { origin: false });
    const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    const refused =
      preflight &&
      !policy.allowsPreflight(origin, requestedHeaders(req.headers["access-control-request-headers"]));
    const allowed = refused ? undefined : policy.allowOrigin(origin);
    callback(null, { origin: allowed === undefined ? false : allowed, maxAge: 600 });
  });
}
