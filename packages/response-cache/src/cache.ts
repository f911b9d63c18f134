import { createHash } from "node:crypto";
import type { Caller } from "@tusk/auth";
import { registry as defaultRegistry, type Registry } from "@tusk/registry";
import {
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  OperationTypeNode,
  printSchema,
} from "graphql";
import { Counter, Registry as MetricsRegistry } from "prom-client";
import stringify from "safe-stable-stringify";
import { type OperationFacts, operationFacts } from "./facts.ts";
import type { CacheStore } from "./store.ts";

/**
 * One operation as the cache sees it: the same document text and variables key the same entry
 * whether REST (in-process or through the GraphQL API) or a GraphQL client sent it.
 *
 * @example
 * const op: CacheOperation = { schema, source: "{ product(id: 1) { name } }", document, variables: {}, caller: ANONYMOUS };
 */
export interface CacheOperation {
  readonly schema: GraphQLSchema;
  readonly source: string;
  readonly document: DocumentNode;
  readonly operationName?: string | null | undefined;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
  readonly caller: Caller;
}

/**
 * Which API asked: the label of the cache's metrics.
 *
 * @example
 * const api: CacheApi = "rest";
 */
export type CacheApi = "rest" | "graphql";

/**
 * An operation under way: a query's kept answer when there was one, and what to call with the
 * answer once it is known (a query's is kept; a mutation invalidates what it touched).
 *
 * @example
 * const pending = await cache.begin(op, "graphql");
 * const result = pending.hit ?? (await run());
 * await pending.finish(result);
 */
export interface PendingOperation {
  readonly hit: KeptAnswer | undefined;
  finish(result: {
    readonly data?: unknown;
    readonly errors?: readonly unknown[] | undefined;
  }): Promise<void>;
}

/**
 * What an entry answers: the data of a query that ran without errors.
 *
 * @example
 * const kept: KeptAnswer = { data: { product: { name: "Lamp" } } };
 */
export interface KeptAnswer {
  readonly data: Record<string, unknown>;
}

/**
 * The response cache both APIs share.
 *
 * @example
 * const cache = createResponseCache({ store: memoryStore({ maxBytes: 64 << 20, ttlMs: 60_000, recentMs: 0 }) });
 * const result = await cache.execute(op, "rest", () => run());
 */
export interface ResponseCache {
  /** Looks a query up (a mutation is not); see {@link PendingOperation}. */
  begin(operation: CacheOperation, api: CacheApi): Promise<PendingOperation>;
  /** Answers a query from the cache or by `run` (keeping a clean answer); runs a mutation and invalidates what it touched. */
  execute(
    operation: CacheOperation,
    api: CacheApi,
    run: () => Promise<ExecutionResult>,
  ): Promise<ExecutionResult>;
  /** Lookups by API and result (`hit`, `miss`, `error`), and invalidations: for `/metrics`. */
  readonly metrics: MetricsRegistry;
  readonly store: CacheStore;
  close(): Promise<void>;
}

/**
 * How to build the response cache.
 *
 * @example
 * const options: ResponseCacheOptions = { store, partition: "http://localhost:4000" };
 */
export interface ResponseCacheOptions {
  readonly store: CacheStore;
  /** The resources the schemas are built from (default: the project's registry). */
  readonly registry?: Registry;
  /**
   * What else an answer depends on besides operation, variables, caller and schema: the public
   * base URL its `uri` fields are built on. Instances with another partition share no entries.
   */
  readonly partition?: string;
  /**
   * Queries read from replicas that lag the primary: an answer is not kept while any tag it
   * carries was written within the store's `recentMs`, so a replica's older rows are not kept.
   */
  readonly readsFromReplicas?: boolean;
  /** Told when the store fails (the request goes on without the cache). */
  readonly onStoreError?: (error: unknown) => void;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

/** A caller's part of a key: who they are where the answer depends on it, else their scopes. */
function callerPart(caller: Caller, perCaller: boolean): string {
  if (caller.kind === "anonymous") return "anonymous";
  const scopes = [...caller.scopes].sort().join(" ");
  return perCaller ? `user ${caller.username} ${scopes}` : `scopes ${scopes}`;
}

/**
 * The response cache of both APIs (after GraphQL Yoga's response cache and Data API builder's
 * cache): a query's answer is kept under its document, operation name, variables and caller's
 * part (their identity when row rules or private fields make the answer theirs, else their
 * scopes), tagged with the resources it may contain; every mutation bumps the versions of the
 * tags it may change, so no entry read before it is served after it. Answers with errors are
 * never kept. A failing store never fails a request: the operation runs uncached.
 *
 * @example
 * const cache = createResponseCache({ store: memoryStore({ maxBytes: 64 << 20, ttlMs: 60_000, recentMs: 0 }) });
 */
export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const { store } = options;
  const registry = options.registry ?? defaultRegistry;
  const metrics = new MetricsRegistry();
  const lookups = new Counter({
    name: "response_cache_lookups_total",
    help: "Reads looked up in the response cache, by API and result (hit, miss, error: the store did not answer).",
    labelNames: ["api", "result"] as const,
    registers: [metrics],
  });
  const invalidations = new Counter({
    name: "response_cache_invalidations_total",
    help: "Writes that invalidated response cache entries, by API.",
    labelNames: ["api"] as const,
    registers: [metrics],
  });
  const schemaIds = new WeakMap<GraphQLSchema, string>();
  const failed = (error: unknown) => options.onStoreError?.(error);

  function schemaId(schema: GraphQLSchema): string {
    let id = schemaIds.get(schema);
    if (id === undefined) {
      id = sha256(printSchema(schema));
      schemaIds.set(schema, id);
    }
    return id;
  }

  const facts = (operation: CacheOperation): OperationFacts =>
    operationFacts(
      operation.schema,
      registry,
      operation.document,
      operation.operationName,
      operation.variables,
    );

  const NOTHING = async () => {};

  async function begin(operation: CacheOperation, api: CacheApi): Promise<PendingOperation> {
    const { kind, tags, perCaller } = facts(operation);
    if (kind === OperationTypeNode.MUTATION) {
      return {
        hit: undefined,
        finish: async () => {
          // Whatever the answer: a mutation that failed halfway may have written some of it.
          invalidations.inc({ api });
          await store.bump(tags).catch(failed);
        },
      };
    }
    if (kind !== OperationTypeNode.QUERY) return { hit: undefined, finish: NOTHING };
    const key = sha256(
      [
        options.partition ?? "",
        schemaId(operation.schema),
        operation.source,
        operation.operationName ?? "",
        stringify(operation.variables ?? {}),
        callerPart(operation.caller, perCaller),
      ].join("\u0000"),
    );
    let found: Awaited<ReturnType<CacheStore["read"]>>;
    try {
      found = await store.read(key, tags);
    } catch (error) {
      failed(error);
      lookups.inc({ api, result: "error" });
      return { hit: undefined, finish: NOTHING };
    }
    const { entry, versions } = found;
    if (
      entry &&
      entry.versions.length === versions.length &&
      entry.versions.every((v, i) => v === versions[i])
    ) {
      lookups.inc({ api, result: "hit" });
      return { hit: JSON.parse(entry.body) as KeptAnswer, finish: NOTHING };
    }
    lookups.inc({ api, result: "miss" });
    // The versions were read before the query runs: a write during it leaves this entry stale
    // at once. A replica may not have a recent write yet: nothing it answers then is kept.
    const keep = !(options.readsFromReplicas && found.recent);
    return {
      hit: undefined,
      finish: async (result) => {
        if (!keep || result.errors?.length || result.data === undefined || result.data === null) return;
        await store.write(key, { versions, body: JSON.stringify({ data: result.data }) }).catch(failed);
      },
    };
  }

  return {
    begin,
    async execute(operation, api, run) {
      const pending = await begin(operation, api);
      if (pending.hit) return pending.hit as ExecutionResult;
      let result: ExecutionResult | undefined;
      try {
        result = await run();
        return result;
      } finally {
        await pending.finish(result ?? { errors: [] });
      }
    },
    metrics,
    store,
    close: () => store.close(),
  };
}
