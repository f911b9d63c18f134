/**
 * Which browser origins may call an API across origins, and with what.
 *
 * Tusk authenticates with bearer tokens only (never cookies, never
 * `Access-Control-Allow-Credentials`), so a foreign page cannot borrow a user's authority by
 * itself. Beyond that, `CORS_ORIGINS` decides who may send a token across origins:
 * - unset: any origin, anonymously: preflights that ask to send `Authorization` are refused, so
 *   a token can only be sent from the API's own pages or with the listed origins;
 * - a list of origins: those origins, with every method and header; others are refused;
 * - `*`: any origin, with every method and header.
 *
 * @example
 * const policy = corsPolicy(["https://shop.example"]);
 * policy.allowsPreflight("https://shop.example", ["authorization"]); // true
 */
export interface CorsPolicy {
  /** `Access-Control-Allow-Origin` for a request from `origin`, or undefined when it may not read the answer. */
  allowOrigin(origin: string): string | undefined;
  /** May a preflight from `origin` asking to send these (lower-case) request headers succeed? */
  allowsPreflight(origin: string, requestHeaders: readonly string[]): boolean;
}

/**
 * The CORS setting: unset, a list of origins, or `*` for all.
 *
 * @example
 * const origins: CorsOrigins = ["https://shop.example"];
 */
export type CorsOrigins = readonly string[] | "*" | undefined;

/** Headers that carry credentials: refused to origins allowed anonymously. */
const CREDENTIAL_HEADERS = new Set(["authorization"]);

/**
 * The policy for one `CORS_ORIGINS` setting (see {@link CorsPolicy}). A listed origin is echoed
 * (responses then vary by `Origin`); otherwise the answer is `*`, the same for everyone.
 *
 * @example
 * corsPolicy(undefined).allowsPreflight("https://elsewhere.example", ["authorization"]); // false
 */
export function corsPolicy(origins: CorsOrigins): CorsPolicy {
  if (origins === "*") return { allowOrigin: () => "*", allowsPreflight: () => true };
  if (origins === undefined)
    return {
      allowOrigin: () => "*",
      allowsPreflight: (_origin, headers) => !headers.some((header) => CREDENTIAL_HEADERS.has(header)),
    };
  const listed = new Set(origins);
  return {
    allowOrigin: (origin) => (listed.has(origin) ? origin : undefined),
    allowsPreflight: (origin) => listed.has(origin),
  };
}
/**
 * The request headers a preflight asks for (`Access-Control-Request-Headers`), lower-cased.
 *
 * @example
 * requestedHeaders("Content-Type, Authorization"); // ["content-type", "authorization"]
 */
export function requestedHeaders(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
}
