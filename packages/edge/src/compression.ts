import compression from "compression";
import type { RequestHandler, Response } from "express";
import onHeaders from "on-headers";

/** Bodies under 1 KB go out as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * A strong ETag names exact bytes (RFC 9110 §8.8.1), so a compressed body cannot carry the
 * identity body's tag: it carries the same tag with the coding appended, `"abc"` → `"abc-gzip"`
 * (as Apache's mod_deflate does). It stays strong, so a client that only ever sees compressed
 * bodies can still send it in If-Match; {@link identityEtag} maps it back for the comparison.
 */
const CODED = /^(W\/)?"([^"-]*)-(?:br|gzip|deflate)"$/;

/**
 * The tag of the identity body a tag from {@link compressResponses} was derived from; other
 * tags are returned as they are.
 *
 * @example
 * identityEtag('"abc-gzip"'); // '"abc"'
 * identityEtag('W/"abc-br"'); // 'W/"abc"'
 */
export function identityEtag(tag: string): string {
  const coded = CODED.exec(tag);
  return coded ? `${coded[1] ?? ""}"${coded[2]}"` : tag;
}

/** Renames the ETag once the compression middleware has chosen a coding (it runs first: see below). */
function codedEtags(): RequestHandler {
  return (_req, res, next) => {
    onHeaders(res, function nameTheCodedBody(this: Response) {
      // A 304 has no body, so compression skips it, but it must vary as the 200 would have.
      if (this.statusCode === 304) this.vary("Accept-Encoding");
      const coding = this.getHeader("Content-Encoding");
      const etag = this.getHeader("ETag");
      if (typeof coding !== "string" || typeof etag !== "string" || !etag.endsWith('"')) return;
      this.setHeader("ETag", `${etag.slice(0, -1)}-${coding}"`);
    });
    next();
  };
}

/**
 * Compresses responses of 1 KB or more with br or gzip (the `compression` middleware) when the
 * client's Accept-Encoding allows it, and renames strong ETags after the coding. Mounted before
 * the routes.
 *
 * @example
 * app.use(compressResponses());
 */
export function compressResponses(): RequestHandler[] {
  // on-headers calls the listeners added last first: added before compression's, the renaming
  // runs after compression has set Content-Encoding.
  return [codedEtags(), compression({ threshold: COMPRESSION_THRESHOLD_BYTES })];
}
