import { createHash } from "node:crypto";
import { stringify } from "safe-stable-stringify";

/**
 * What makes two requests "the same request" for one key: method, path with its query, and the
 * body as JSON with its members sorted (safe-stable-stringify), so key order and white space do
 * not matter but every value does. SHA-256, hex.
 *
 * @example
 * requestFingerprint("POST", "/v1/products", { name: "Sprocket", price: "12.50" }); // "3b1f…" (64 hex digits)
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method.toUpperCase()} ${path}\n`)
    .update(stringify(body) ?? "")
    .digest("hex");
}
