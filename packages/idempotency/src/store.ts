import { type PrismaClient, toApiError } from "@tusk/db";

/**
 * A key as it is stored: per caller, so two callers never see each other's keys.
 *
 * @example
 * const scope: KeyScope = { caller: "jdoe", key: "8e03978e-40d5-43e8-bc93-6894a57f9324" };
 */
export interface KeyScope {
  readonly caller: string;
  readonly key: string;
}

/**
 * The answer kept for a key: replayed as it was sent.
 *
 * @example
 * const kept: StoredResponse = { status: 201, headers: { location: "http://localhost:4000/v1/products/9" }, body: Buffer.from("{}") };
 */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/**
 * What a claim on a key found: the key is now this request's (`lease` proves it when the
 * answer is kept or the key let go), the first request's answer, a first request still being
 * answered, or the key already used for a different request.
 *
 * @example
 * const claim: Claim = { kind: "in-flight" };
 */
export type Claim =
  | { readonly kind: "claimed"; readonly lease: Date }
  | { readonly kind: "answered"; readonly response: StoredResponse }
  | { readonly kind: "in-flight" }
  | { readonly kind: "reused" };

/**
 * Where keys and their answers are kept, shared by every instance.
 *
 * @example
 * const store: IdempotencyStore = databaseKeyStore(db.prisma, { ttlMs: 86_400_000 });
 * const claim = await store.claim({ caller: "jdoe", key: "k1" }, fingerprint, 15_000);
 */
export interface IdempotencyStore {
  /** Claims `scope` for a request with `fingerprint`, holding it for at most `holdMs` unanswered. */
  claim(scope: KeyScope, fingerprint: string, holdMs: number): Promise<Claim>;
  /** Keeps the answer of the request that claimed the key with `lease`. */
  complete(scope: KeyScope, lease: Date, response: StoredResponse): Promise<void>;
  /** Lets the key go (the request failed): a retry runs again. */
  release(scope: KeyScope, lease: Date): Promise<void>;
}

/**
 * How long keys live.
 *
 * @example
 * const options: KeyStoreOptions = { ttlMs: 86_400_000 };
 */
export interface KeyStoreOptions {
  /** How long a key and its answer are kept after the first request (`IDEMPOTENCY_TTL_MS`). */
  readonly ttlMs: number;
  /** Expired keys are deleted at most this often, by the next claim (default one minute). */
  readonly purgeEveryMs?: number;
}

/** A claim that found the row gone (its request failed meanwhile) tries again, this many times. */
const CLAIM_ATTEMPTS = 3;

/**
 * Keys in the database's `idempotency_keys` table (PGlite or PostgreSQL), so every instance
 * over the same database sees the same keys. A claim is one statement: it inserts the key,
 * or takes over one that has expired or whose request held it past its time (a crashed
 * instance) with the same fingerprint; otherwise the row tells the caller what to answer.
 * Expired rows are ignored at once and deleted by the next claim after `purgeEveryMs`.
 *
 * @example
 * const store = databaseKeyStore(db.prisma, { ttlMs: 24 * 3_600_000 });
 */
export function databaseKeyStore(prisma: PrismaClient, options: KeyStoreOptions): IdempotencyStore {
  const purgeEveryMs = options.purgeEveryMs ?? 60_000;
  let lastPurge = 0;
  const purgeSometimes = () => {
    if (Date.now() - lastPurge < purgeEveryMs) return;
    lastPurge = Date.now();
    // Not awaited: a failed purge costs nothing, the next one catches up.
    prisma.$executeRaw`DELETE FROM idempotency_keys WHERE expires_at <= now()`.catch(() => {});
  };

  async function claimOnce(scope: KeyScope, fingerprint: string, holdMs: number): Promise<Claim | undefined> {
    const taken = await prisma.$queryRaw<{ locked_until: Date }[]>`
      INSERT INTO idempotency_keys AS kept (caller, key, fingerprint, locked_until, expires_at)
      VALUES (${scope.caller}, ${scope.key}, ${fingerprint},
              now() + ${holdMs}::float8 * interval '1 millisecond',
              now() + ${options.ttlMs}::float8 * interval '1 millisecond')
      ON CONFLICT (caller, key) DO UPDATE
        SET fingerprint = EXCLUDED.fingerprint, status = NULL, headers = NULL, body = NULL,
            locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at
        WHERE kept.expires_at <= now()
           OR (kept.status IS NULL AND kept.locked_until <= now() AND kept.fingerprint = EXCLUDED.fingerprint)
      RETURNING locked_until`;
    const lease = taken[0]?.locked_until;
    if (lease) return { kind: "claimed", lease };
    const row = await prisma.idempotencyKey.findUnique({
      where: { caller_key: { caller: scope.caller, key: scope.key } },
    });
    if (!row) return undefined;
    if (row.fingerprint !== fingerprint) return { kind: "reused" };
    if (row.status === null) return { kind: "in-flight" };
    return {
      kind: "answered",
      response: {
        status: row.status,
        headers: (row.headers ?? {}) as Record<string, string>,
        body: Buffer.from(row.body ?? new Uint8Array()),
      },
    };
  }

  return {
    async claim(scope, fingerprint, holdMs) {
      purgeSometimes();
      try {
        for (let attempt = 1; attempt < CLAIM_ATTEMPTS; attempt++) {
          const claim = await claimOnce(scope, fingerprint, holdMs);
          if (claim) return claim;
        }
        return (await claimOnce(scope, fingerprint, holdMs)) ?? { kind: "in-flight" };
      } catch (error) {
        // An unreachable database is a 503 with Retry-After, as for the write itself.
        throw toApiError(error);
      }
    },
    async complete(scope, lease, response) {
      await prisma.idempotencyKey.updateMany({
        where: { caller: scope.caller, key: scope.key, lockedUntil: lease, status: null },
        data: { status: response.status, headers: response.headers, body: new Uint8Array(response.body) },
      });
    },
    async release(scope, lease) {
      await prisma.idempotencyKey.deleteMany({
        where: { caller: scope.caller, key: scope.key, lockedUntil: lease, status: null },
      });
    },
  };
}
