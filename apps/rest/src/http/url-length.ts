import { ApiError } from "@tusk/errors";
import type { NextFunction, Request, Response } from "express";

/**
 * The longest request target answered, in bytes: as long as common proxies and browsers
 * accept, and room to spare under Node's 16 KiB limit on the request head.
 */
export const MAX_URL_BYTES = 8_192;

/**
 * Refuses a longer request target with 414 problem+json before any work (a long filter
 * would otherwise be parsed, executed and echoed into every page link).
 *
 * @example
 * app.use(refuseLongUrls());
 */
export function refuseLongUrls() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const bytes = Buffer.byteLength(req.originalUrl);
    if (bytes <= MAX_URL_BYTES) next();
    else next(new ApiError("URI_TOO_LONG", `The URL is ${bytes} bytes long; the limit is ${MAX_URL_BYTES}.`));
  };
}
