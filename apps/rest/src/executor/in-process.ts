import { maskError, queryLimitRules } from "@tusk/schema";
import {
  type ExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  specifiedRules,
  type ValidationRule,
  validate,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import type { GraphqlExecutor, PreparedOperation } from "./types.ts";

export interface InProcessExecutorOptions<TContext> {
  readonly schema: GraphQLSchema;
  /** Called once per operation run: a fresh context (Prisma client, URI builder, loaders). */
  readonly createContext: () => TContext;
  /** Extra validation rules checked once per document; default: the schema's query limits. */
  readonly rules?: readonly ValidationRule[];
  /** How errors leave the executor; default `maskError`, the GraphQL API's own edge. */
  readonly formatError?: (error: GraphQLError) => GraphQLFormattedError;
}

/**
 * Executes prepared operations in this process. Each document is validated
 * and compiled with graphql-jit once, on first use, and the compiled function
 * is reused: the REST app's documents are fixed, so per-request parsing and
 * validation would be wasted work.
 */
export function createInProcessExecutor<TContext>(
  options: InProcessExecutorOptions<TContext>,
): GraphqlExecutor {
  const compiled = new Map<string, CompiledQuery | ExecutionResult>();
  const rules = [...specifiedRules, ...(options.rules ?? queryLimitRules(options.schema))];
  const formatError = options.formatError ?? ((error: GraphQLError) => maskError(error));
  // Errors are formatted exactly as the GraphQL API formats them, so both executors agree.
  const format = (result: ExecutionResult): ExecutionResult =>
    result.errors
      ? ({ ...result, errors: result.errors.map(formatError) } as unknown as ExecutionResult)
      : result;

  function compile(operation: PreparedOperation): CompiledQuery | ExecutionResult {
    const cached = compiled.get(operation.id);
    if (cached) return cached;
    const errors = validate(options.schema, operation.document, rules);
    const result = errors.length > 0 ? { errors } : compileQuery(options.schema, operation.document);
    compiled.set(operation.id, result);
    return result;
  }

  return {
    async run(operation, variables) {
      const query = compile(operation);
      if (!isCompiledQuery(query)) return format(query);
      return format(await query.query(undefined, options.createContext(), variables));
    },
    async schema() {
      return options.schema;
    },
  };
}
