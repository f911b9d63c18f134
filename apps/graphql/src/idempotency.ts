import { ApiError, type ErrorCode, RETRY_AFTER_SECONDS } from "@tusk/errors";
import {
  guardWrite,
  IDEMPOTENCY_KEY_HEADER,
  type IdempotencyGuard,
  requestFingerprint,
  type StoredResponse,
} from "@tusk/idempotency";
import type { RequestHandler } from "express";
import { getOperationAST, parse } from "graphql";
import { callerOf } from "./authentication.ts";

/** Errors that mean "the server failed", not "the request was wrong": such answers are not kept. */
const SERVER_FAILURES: ReadonlySet<string> = new Set<ErrorCode>([
  "INTERNAL_SERVER_ERROR",
  "SERVICE_UNAVAILABLE",
]);

/** A GraphQL answer is kept unless it failed on the server's side (a 5xx, or a masked error at 200). */
function keeps(answer: StoredResponse): boolean {
  if (answer.status >= 500) return false;
  try {
    const { errors } = JSON.parse(answer.body.toString("utf8")) as {
      errors?: { extensions?: { code?: unknown } }[];
    };
    return !errors?.some((error) => SERVER_FAILURES.has(String(error.extensions?.code)));
  } catch {
    return false;
  }
}

/** The request's operation is a mutation; anything unparseable is left to Apollo to refuse. */
function isMutation(body: unknown): boolean {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== "string") return false;
  try {
    const name = typeof operationName === "string" ? operationName : undefined;
    return getOperationAST(parse(query), name)?.operation === "mutation";
  } catch {
    return false;
  }
}

/**
 * `Idempotency-Key` on GraphQL: a mutation operation sent with the header is guarded as a whole,
 * exactly as a REST POST is (`guardWrite` from @tusk/idempotency): the same key with the same
 * query, operation name and variables gets the first answer again, marked
 * `Idempotent-Replayed: true`; another operation with that key is 422, one still running 409
 * with `Retry-After`. Queries ignore the header. Errors are GraphQL errors with their HTTP status.
 *
 * @example
 * app.use("/graphql", express.json(), authenticateRequests(authenticator), idempotentMutations(guard), expressMiddleware(server));
 */
export function idempotentMutations(guard: IdempotencyGuard): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== "POST" || req.get(IDEMPOTENCY_KEY_HEADER) === undefined || !isMutation(req.body)) {
      return next();
    }
    const caller = callerOf(res);
    const { query, operationName, variables } = req.body as Record<string, unknown>;
    try {
      const outcome = await guardWrite(guard, req, res, {
        // Anonymous callers cannot write: their keys are checked and never kept.
        caller: caller.kind === "user" ? caller.username : undefined,
        fingerprint: requestFingerprint("POST", req.originalUrl, { query, operationName, variables }),
        keeps,
      });
      if (outcome === "run") next();
    } catch (error) {
      if (!(error instanceof ApiError)) return next(error);
      const retryAfter = RETRY_AFTER_SECONDS[error.code];
      if (retryAfter !== undefined) res.setHeader("Retry-After", String(retryAfter));
      for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
      res.setHeader("Cache-Control", "no-store");
      const invalid = error.invalidParams.length > 0 ? { invalidParams: error.invalidParams } : {};
      res
        .status(error.status)
        .json({ errors: [{ message: error.message, extensions: { code: error.code, ...invalid } }] });
    }
  };
}
