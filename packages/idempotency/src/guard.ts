import { ApiError } from "@tusk/errors";
import type { Request, Response } from "express";
import { keepAnswer, replayAnswer } from "./answer.ts";
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from "./key.ts";
import type { IdempotencyStore, KeyScope, StoredResponse } from "./store.ts";

/** Seconds a request that finds its key in use is asked to wait: most writes take milliseconds. */
const IN_USE_RETRY_AFTER_SECONDS = 1;

/**
 * What an app guards its writes with.
 *
 * @example
 * const guard: IdempotencyGuard = { store: databaseKeyStore(db.prisma, { ttlMs }), holdMs: 15_000 };
 */
export interface IdempotencyGuard {
  readonly store: IdempotencyStore;
  /**
   * How long an unanswered request holds its key: longer than the request deadline, so only a
   * request whose instance died loses it (a retry then runs again).
   */
  readonly holdMs: number;
  /** Told when an answer could not be kept or a key let go (the database failed meanwhile). */
  readonly onError?: (error: unknown) => void;
}

/**
 * One write as the guard sees it.
 *
 * @example
 * const write: GuardedWrite = { caller: "jdoe", fingerprint: requestFingerprint("POST", "/v1/products", body) };
 */
export interface GuardedWrite {
  /** The authenticated caller's name; `undefined` (anonymous) checks the key's form and keeps nothing. */
  readonly caller: string | undefined;
  readonly fingerprint: string;
  /** Whether an answer is kept (default: every status below 500); failures are let go, so a retry runs again. */
  readonly keeps?: (answer: StoredResponse) => boolean;
}

/** How much longer than the request deadline an unanswered request holds its key. */
const HOLD_MARGIN_MS = 5_000;

/**
 * The guard of an app whose requests are answered within `requestTimeoutMs`: a request holds
 * its key a little longer than that.
 *
 * @example
 * const guard = idempotencyGuard(databaseKeyStore(db.prisma, { ttlMs: 86_400_000 }), 10_000);
 */
export function idempotencyGuard(
  store: IdempotencyStore,
  requestTimeoutMs: number,
  onError?: (error: unknown) => void,
): IdempotencyGuard {
  return { store, holdMs: requestTimeoutMs + HOLD_MARGIN_MS, ...(onError ? { onError } : {}) };
}

const belowServerError = (answer: StoredResponse) => answer.status < 500;

/**
 * Guards one POST or PATCH by its `Idempotency-Key`. Without the header the request runs as
 * usual. With it, the first request claims the key and runs, and its answer is kept; a repeat
 * (same caller, key and fingerprint) is answered with that answer and `"replayed"` is returned,
 * so the handler must stop. The same key with another request is 422
 * (`IDEMPOTENCY_KEY_REUSED`); while the first is still running, 409 (`IDEMPOTENCY_KEY_IN_USE`)
 * with `Retry-After`. A malformed key is 400 naming the header.
 *
 * @example
 * if ((await guardWrite(guard, req, res, { caller, fingerprint })) === "replayed") return;
 */
export async function guardWrite(
  guard: IdempotencyGuard,
  req: Request,
  res: Response,
  write: GuardedWrite,
): Promise<"replayed" | "run"> {
  const key = parseIdempotencyKey(req.get(IDEMPOTENCY_KEY_HEADER));
  if (key === undefined || write.caller === undefined) return "run";
  const scope: KeyScope = { caller: write.caller, key };
  const claim = await guard.store.claim(scope, write.fingerprint, guard.holdMs);
  switch (claim.kind) {
    case "answered":
      replayAnswer(res, claim.response);
      return "replayed";
    case "reused":
      throw new ApiError(
        "IDEMPOTENCY_KEY_REUSED",
        `This ${IDEMPOTENCY_KEY_HEADER} was already used for a different request; use a new key.`,
        { invalidParams: [{ name: IDEMPOTENCY_KEY_HEADER, reason: "already used for a different request" }] },
      );
    case "in-flight":
      throw new ApiError(
        "IDEMPOTENCY_KEY_IN_USE",
        `A request with this ${IDEMPOTENCY_KEY_HEADER} is still being answered; retry after the time Retry-After gives.`,
        { headers: { "Retry-After": String(IN_USE_RETRY_AFTER_SECONDS) } },
      );
    case "claimed": {
      const keeps = write.keeps ?? belowServerError;
      const report = guard.onError ?? (() => {});
      keepAnswer(res, (answer) =>
        (keeps(answer)
          ? guard.store.complete(scope, claim.lease, answer)
          : guard.store.release(scope, claim.lease)
        ).catch(report),
      );
      return "run";
    }
  }
}
