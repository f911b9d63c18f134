import {
  guardWrite,
  IDEMPOTENCY_KEY_HEADER,
  parseIdempotencyKey,
  requestFingerprint,
} from "@tusk/idempotency";
import type { Request, Response } from "express";
import { credentialsOf } from "../http/authentication.ts";
import type { RestContext } from "./context.ts";

/**
 * The `Idempotency-Key` step of a POST or PATCH, once its body is read and before anything is
 * read or written for it: true when the answer of an earlier request with the same key has been
 * sent again (the handler stops). Without a key store (a REST API over a remote GraphQL API)
 * the key's form is still checked, and nothing is kept.
 */
export async function replayedWrite(
  context: RestContext,
  req: Request,
  res: Response,
  body: unknown,
): Promise<boolean> {
  if (!context.idempotency) {
    parseIdempotencyKey(req.get(IDEMPOTENCY_KEY_HEADER));
    return false;
  }
  const { caller } = credentialsOf(res);
  const outcome = await guardWrite(context.idempotency, req, res, {
    // Anonymous callers cannot write: their keys are checked and never kept.
    caller: caller.kind === "user" ? caller.username : undefined,
    fingerprint: requestFingerprint(req.method, req.originalUrl, body),
  });
  return outcome === "replayed";
}
