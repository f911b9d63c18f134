import { type CorsPolicy, requestedHeaders } from "@tusk/edge";
import type { Request, Response } from "express";

/** Response headers a browser script may read: the validators, links and locations. */
const EXPOSED =
  "ETag, Link, Location, Content-Location, Allow, Accept-Patch, Accept-Post, Preference-Applied";

/**
 * CORS for browsers, as `policy` (CORS_ORIGINS) allows the request's origin. No credentials
 * mode ever: tokens travel in `Authorization`, which a preflight must be allowed to send.
 */
export function corsHeaders(req: Request, res: Response, policy: CorsPolicy): void {
  const origin = req.get("origin");
  if (!origin) return;
  const allowed = policy.allowOrigin(origin);
  if (allowed !== "*") res.vary("Origin");
  if (allowed === undefined) return;
  res.setHeader("Access-Control-Allow-Origin", allowed);
  res.setHeader("Access-Control-Expose-Headers", EXPOSED);
}

/**
 * Answers a preflight (OPTIONS with `Origin` and `Access-Control-Request-Method`)
 * before the definition logic, with the route's own methods (NARWHL.md Q13,
 * #146). A preflight the policy refuses gets no `Access-Control-*` header, so the browser
 * does not send the request. Returns true when it answered.
 */
export function answerPreflight(
  req: Request,
  res: Response,
  allowed: readonly string[],
  policy: CorsPolicy,
): boolean {
  const origin = req.get("origin");
  if (req.method !== "OPTIONS" || !origin || !req.get("access-control-request-method")) return false;
  const headers = req.get("access-control-request-headers");
  res.setHeader("Allow", allowed.join(", "));
  res.setHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
  if (policy.allowsPreflight(origin, requestedHeaders(headers))) {
    res.setHeader("Access-Control-Allow-Methods", allowed.join(", "));
    if (headers) res.setHeader("Access-Control-Allow-Headers", headers);
    res.setHeader("Access-Control-Max-Age", "600");
  } else {
    res.removeHeader("Access-Control-Allow-Origin");
    res.removeHeader("Access-Control-Expose-Headers");
  }
  res.status(204).end();
  return true;
}
