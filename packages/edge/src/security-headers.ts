import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * Security headers for an API (helmet, after OWASP's REST cheat sheet): responses are data, never
 * a page to render or frame, so the policy allows nothing (`default-src 'none'`) and no framing.
 * The documentation pages (Swagger UI, GraphiQL) replace the policy with their own. Resources are
 * `cross-origin` readable because CORS, not CORP, decides which origins may read them.
 *
 * @example
 * app.use(securityHeaders());
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: "cross-origin" },
  });
}
