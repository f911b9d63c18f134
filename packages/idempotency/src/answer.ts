import type { Response } from "express";
import type { StoredResponse } from "./store.ts";

/**
 * The response header that marks an answer as the replay of an earlier one.
 *
 * @example
 * res.get(REPLAYED_HEADER); // "true" on a replay, unset otherwise
 */
export const REPLAYED_HEADER = "Idempotent-Replayed";

/**
 * The headers kept with an answer: what describes the result. The rest is set again by the app
 * on every response (CORS for the origin asking now, rate-limit counts, security headers,
 * request id, date) or by Node (length, connection).
 */
const KEPT_HEADERS = [
  "content-type",
  "content-location",
  "location",
  "etag",
  "last-modified",
  "link",
  "cache-control",
  "vary",
  "allow",
  "accept-post",
  "accept-patch",
] as const;

function keptHeaders(res: Response): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) kept[name] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return kept;
}

type End = Response["end"];
type Write = Response["write"];

function chunkBytes(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null || typeof chunk === "function") return undefined;
  if (typeof chunk === "string")
    return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return Buffer.from(chunk as Uint8Array);
}

/**
 * Collects the answer `res` is about to send and hands it to `keep` before the last byte
 * leaves: the end of the response waits for `keep`, so a client that has the answer can rely
 * on a retry finding it. Only the first `end` counts (Express may end again after an error).
 *
 * @example
 * keepAnswer(res, (answer) => store.complete(scope, lease, answer));
 */
export function keepAnswer(res: Response, keep: (answer: StoredResponse) => Promise<void>): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  let ended = false;
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    const bytes = chunkBytes(chunk, encoding);
    if (bytes) chunks.push(bytes);
    return write(chunk, encoding, callback);
  }) as Write;
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (ended) return end(chunk, encoding, callback);
    ended = true;
    const bytes = chunkBytes(chunk, encoding);
    if (bytes) chunks.push(bytes);
    const answer = { status: res.statusCode, headers: keptHeaders(res), body: Buffer.concat(chunks) };
    void keep(answer).finally(() => end(chunk, encoding, callback));
    return res;
  }) as End;
}

/**
 * Sends a kept answer again, marked `Idempotent-Replayed: true`.
 *
 * @example
 * replayAnswer(res, { status: 201, headers: { location: "http://localhost:4000/v1/products/9" }, body });
 */
export function replayAnswer(res: Response, answer: StoredResponse): void {
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) {
    // Merged with what the app has already set (CORS varies by Origin).
    if (name === "vary") res.vary(value);
    else res.setHeader(name, value);
  }
  res.setHeader(REPLAYED_HEADER, "true");
  res.setHeader("Content-Length", answer.body.length);
  res.end(answer.body);
}
