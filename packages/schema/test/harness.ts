import type { Caller } from "@tusk/auth";
import type { Database, Prisma } from "@tusk/db";
import { createTestDatabase, type TestDatabaseOptions } from "@tusk/db/testing";
import { registry } from "@tusk/registry";
import { createUriBuilder } from "@tusk/uri";
import { type ExecutionResult, execute, type GraphQLSchema, parse, specifiedRules, validate } from "graphql";
import { ADMIN } from "../../../test-support/callers.ts";
import { createContext } from "../src/context.ts";
import { variableLimitError } from "../src/input-limits.ts";
import { type QueryLimits, resolveLimits } from "../src/limits.ts";
import { maskError } from "../src/mask-error.ts";
import { queryLimitRules } from "../src/query-limit-rules.ts";
import { createSchema } from "../src/schema.ts";

export const BASE_URL = "http://localhost:4000";

/** A seeded database, the schema, and a way to run operations against them as the apps do. */
export interface Harness {
  readonly db: Database;
  readonly schema: GraphQLSchema;
  /** SQL statements run since the last `resetQueries()`. */
  readonly queries: string[];
  /** Runs an operation as `caller` (default: admin, who may do everything). */
  run(source: string, variables?: Record<string, unknown>, caller?: Caller): Promise<ExecutionResult>;
  /** Runs and fails on errors, returning `data`. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read results by shape and assert on them
  data<T = any>(source: string, variables?: Record<string, unknown>, caller?: Caller): Promise<T>;
  close(): Promise<void>;
}

/**
 * Opens a seeded test database and runs operations through validation (with the query
 * limits), the variable limits, execution and error masking.
 */
export async function createHarness(
  options: { seed?: boolean; timeouts?: TestDatabaseOptions["timeouts"]; limits?: Partial<QueryLimits> } = {},
): Promise<Harness> {
  const db = await createTestDatabase({
    seed: options.seed ?? true,
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
    log: [{ emit: "event", level: "query" }],
  });
  const queries: string[] = [];
  (db.prisma as unknown as { $on(event: "query", cb: (e: Prisma.QueryEvent) => void): void }).$on(
    "query",
    (event) => queries.push(event.query),
  );
  const limits = resolveLimits(options.limits);
  const schema = createSchema({ limits });
  const uris = createUriBuilder({ registry, baseUrl: BASE_URL });
  const rules = [...specifiedRules, ...queryLimitRules(schema, limits)];
  const run = async (
    source: string,
    variables?: Record<string, unknown>,
    caller: Caller = ADMIN,
  ): Promise<ExecutionResult> => {
    const document = parse(source);
    const errors = validate(schema, document, rules);
    if (errors.length > 0) return { errors: errors.map((e) => maskError(e)) as never };
    const refused = variableLimitError(document, variables, limits);
    if (refused) return { errors: [maskError(refused)] as never };
    const result = await execute({
      schema,
      document,
      variableValues: variables ?? null,
      contextValue: createContext({ prisma: db.prisma, uris, caller }),
    });
    return result.errors ? { ...result, errors: result.errors.map((e) => maskError(e)) as never } : result;
  };
  return {
    db,
    schema,
    queries,
    run,
    async data(source, variables, caller) {
      const result = await run(source, variables, caller);
      if (result.errors) throw new Error(JSON.stringify(result.errors, null, 2));
      return result.data as never;
    },
    close: () => db.close(),
  };
}
