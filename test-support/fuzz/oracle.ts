/**
 * What every answer must satisfy, whatever was asked: no 5xx, errors in the API's own format,
 * nothing of the implementation in any error, no request slower than the bound.
 */
import { request as httpRequest } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import type { FuzzRequest } from "./rest-requests.ts";

/** An answer as the oracle sees it. */
export interface FuzzResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  readonly ms: number;
}

/**
 * Text that would show the implementation: stack frames, SQL, file paths, the ORM's or the
 * engine's own messages.
 */
const LEAKS =
  /\bat [\w.<>]+ \(|\.(ts|js|mjs):\d+|node_modules|\/work\/|\/home\/|prisma|\bSELECT\b|\bINSERT INTO\b|\bUPDATE "|\bFROM "|\bpg_\w|PGlite|Maximum call stack|TypeError|ReferenceError|Cannot read properties|undefined is not/i;

/** The body as sent before its content coding, which a client undoes. */
function decode(body: Buffer, coding: string | undefined): Buffer {
  if (!body.length) return body;
  if (coding === "gzip") return gunzipSync(body);
  if (coding === "br") return brotliDecompressSync(body);
  if (coding === "deflate") return inflateSync(body);
  return body;
}

/** Sends one request over HTTP and times it; the connection is not reused. */
export function send(origin: string, req: FuzzRequest, timeoutMs: number): Promise<FuzzResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${origin}${req.path}`,
      { method: req.method, headers: { ...req.headers, connection: "close" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: decode(Buffer.concat(chunks), res.headers["content-encoding"]).toString("utf8"),
            ms: performance.now() - started,
          }),
        );
        res.on("error", reject);
      },
    );
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on("error", reject);
    outgoing.end(req.body);
  });
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Why a REST answer breaks the contract, or nothing when it keeps it. */
export function restViolations(req: FuzzRequest, res: FuzzResponse, boundMs: number): string[] {
  const found: string[] = [];
  if (res.status >= 500) found.push(`status ${res.status}`);
  if (res.ms > boundMs) found.push(`took ${Math.round(res.ms)} ms (bound ${boundMs} ms)`);
  if (res.status >= 400 && req.method !== "HEAD") {
    if (res.headers["content-type"] !== "application/problem+json")
      found.push(`content-type ${res.headers["content-type"]}`);
    const problem = parse(res.body) as { status?: unknown } | undefined;
    if (problem?.status !== res.status)
      found.push(`problem status ${String(problem?.status)} for HTTP ${res.status}`);
    // `instance` echoes the request's own path and query: what the client sent is no leak.
    const { instance: _, ...told } = (problem ?? {}) as Record<string, unknown>;
    const text = problem ? JSON.stringify(told) : res.body;
    if (LEAKS.test(text)) found.push(`leaks ${LEAKS.exec(text)![0]}`);
  }
  return found;
}

/** Why a GraphQL answer breaks the contract, or nothing when it keeps it. */
export function graphqlViolations(res: FuzzResponse, boundMs: number): string[] {
  const found: string[] = [];
  if (res.status >= 500) found.push(`status ${res.status}`);
  if (res.ms > boundMs) found.push(`took ${Math.round(res.ms)} ms (bound ${boundMs} ms)`);
  const answer = parse(res.body) as { data?: unknown; errors?: unknown } | undefined;
  if (String(res.headers["content-type"]).startsWith("application/problem+json")) {
    // Refused before GraphQL runs (a body too large, an unsupported media type): the REST format.
    if ((answer as { status?: unknown } | undefined)?.status !== res.status)
      found.push("problem without its status");
    return found;
  }
  if (!answer || typeof answer !== "object") return [...found, `body is not JSON: ${res.body.slice(0, 80)}`];
  if (!("data" in answer) && !("errors" in answer)) found.push("neither data nor errors");
  if ("errors" in answer) {
    const errors = answer.errors as { message?: unknown; extensions?: { code?: unknown } }[];
    if (!Array.isArray(errors) || errors.length === 0) found.push("errors is not a non-empty list");
    else
      for (const error of errors) {
        if (typeof error.message !== "string") found.push("an error without a message");
        if (typeof error.extensions?.code !== "string")
          found.push(`an error without a code: ${error.message}`);
        if (typeof error.message === "string" && LEAKS.test(error.message))
          found.push(`leaks ${LEAKS.exec(error.message)![0]}: ${error.message.slice(0, 120)}`);
      }
  }
  return found;
}
