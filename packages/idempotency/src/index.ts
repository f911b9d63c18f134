/**
 * @tusk/idempotency: the `Idempotency-Key` request header (IETF httpapi draft) for POST and
 * PATCH. A retry with the same key and the same request is answered with the first answer
 * instead of being applied twice; keys are per caller and kept in the database, so every
 * instance sees them.
 *
 * @example
 * import { databaseKeyStore, guardWrite, requestFingerprint } from "@tusk/idempotency";
 * const guard = { store: databaseKeyStore(db.prisma, { ttlMs: 86_400_000 }), holdMs: 15_000 };
 * if ((await guardWrite(guard, req, res, { caller, fingerprint: requestFingerprint("POST", req.originalUrl, body) })) === "replayed") return;
 */
export { keepAnswer, REPLAYED_HEADER, replayAnswer } from "./answer.ts";
export { requestFingerprint } from "./fingerprint.ts";
export { type GuardedWrite, guardWrite, type IdempotencyGuard, idempotencyGuard } from "./guard.ts";
export { IDEMPOTENCY_KEY_HEADER, MAX_KEY_LENGTH, parseIdempotencyKey } from "./key.ts";
export {
  type Claim,
  databaseKeyStore,
  type IdempotencyStore,
  type KeyScope,
  type KeyStoreOptions,
  type StoredResponse,
} from "./store.ts";
