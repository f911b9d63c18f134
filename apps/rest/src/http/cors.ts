import type { Request, Response } from "express";

/** Response headers a browser script may read: the validators, links and locations. */
const EXPOSED = "ETag, Link, Location, Content-Location, Allow, Accept-Patch, Accept-Post";

/**
 * CORS for browsers: the API is public and sends no credentials, so any
 * origin may read every response, errors included.
 */
export function corsHeaders(req: Request, res: Response): void {
  if (!req.get("origin")) return;
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Expose-Headers", EXPOSED);
}

/**
 * Answers a preflight (OPTIONS with `Origin` and `Access-Control-Request-Method`)
 * before the definition logic, with the route's own methods (NARWHL.md Q13,
 * #146). Returns true when it did.
 */
export function answerPreflight(req: Request, res: Response, allowed: readonly string[]): boolean {
  if (req.method !== "OPTIONS" || !req.get("origin") || !req.get("access-control-request-method"))
    return false;
  res.setHeader("Access-Control-Allow-Methods", allowed.join(", "));
  const headers = req.get("access-control-request-headers");
  if (headers) res.setHeader("Access-Control-Allow-Headers", headers);
  res.setHeader("Access-Control-Max-Age", "600");
  res.setHeader("Allow", allowed.join(", "));
  res.setHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
  res.status(204).end();
  return true;
}
