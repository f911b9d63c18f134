import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * Security headers for an API (helmet, after OWASP's REST cheat sheet): responses are data, never
 * a page to render or frame, so the policy allows nothing (`default-src 'none'`) and no framing.
 * The documentation pages (Swagger UI, GraphiQL) replace the policy with their own. Resources are
 * `cross-origin` readable because CORS, not CORP, decides which origins may read them.
 * `Strict-Transport-Security` goes only on answers to HTTPS requests (TLS here, or at a trusted
 * proxy that says so in `X-Forwarded-Proto`): RFC 6797 §7.2 forbids it over plain HTTP.
 *
 * @example
 * app.use(securityHeaders());
 */
export function securityHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: "cross-origin" },
    strictTransportSecurity: false,
  });
  const hsts = helmet.strictTransportSecurity();
  return (req, res, next) => {
    headers(req, res, (error?: unknown) => {
      if (error !== undefined) next(error);
      else if (req.secure) hsts(req, res, next);
      else next();
    });
  };
}
