import type { Caller } from "@tusk/auth";
import type { ResponseCache } from "@tusk/response-cache";
import {
  maskError,
  type QueryLimits,
  queryLimitRules,
  resolveLimits,
  variableLimitError,
} from "@tusk/schema";
import { inSpan } from "@tusk/telemetry";
import {
  type ExecutionResult,
  execute,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  OperationTypeNode,
  specifiedRules,
  type ValidationRule,
  validate,
} from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { bindVariables } from "./bind.ts";
import { hasRecursiveVariables } from "./recursive-inputs.ts";
import type { GraphqlExecutor, PreparedOperation } from "./types.ts";

export interface InProcessExecutorOptions<TContext> {
  readonly schema: GraphQLSchema;
  /**
   * Called once per operation run: a fresh context (Prisma client, URI builder, the caller,
   * loaders). `kind` lets a query read from a replica while a mutation uses the primary.
   */
  readonly createContext: (caller: Caller, kind: OperationTypeNode) => TContext;
  /** Extra validation rules checked once per document; default: the schema's query limits. */
  readonly rules?: readonly ValidationRule[];
  /** The query limits; variables are checked against their input limits on every run. */
  readonly limits?: Partial<QueryLimits>;
  /** How errors leave the executor; default `maskError`, the GraphQL API's own edge. */
  readonly formatError?: (error: GraphQLError) => GraphQLFormattedError;
  /** Told why whenever the database is unavailable to an operation (see `databaseFaultLog`). */
  readonly onDatabaseUnavailable?: (reason: string) => void;
  /** Answers queries from this cache when it can, and tells it of every mutation (default: none). */
  readonly cache?: ResponseCache;
}

type Runner = (
  context: unknown,
  variables: Record<string, unknown>,
) => Promise<ExecutionResult> | ExecutionResult;

/** A document made ready to run, and whether it reads or writes. */
interface Prepared {
  readonly run: Runner;
  readonly kind: OperationTypeNode;
}

/**
 * Executes prepared operations in this process. Each document is validated
 * once, on first use, and turned into a runner that is kept: a graphql-jit
 * compiled function. The REST app's own documents never declare a variable
 * of a recursive input type, so all of them compile; graphql-js `execute` on
 * the validated document remains for documents that do (see
 * {@link hasRecursiveVariables}): the fallback a list route takes for a
 * filter too complex for its per-field variables. The REST app's documents
 * are fixed, so per-request parsing and validation would be wasted work.
 */
export function createInProcessExecutor<TContext>(
  options: InProcessExecutorOptions<TContext>,
): GraphqlExecutor {
  const { schema } = options;
  const prepared = new Map<string, Prepared>();
  const limits = resolveLimits(options.limits);
  const rules = [...specifiedRules, ...(options.rules ?? queryLimitRules(schema, limits))];
  const report = options.onDatabaseUnavailable
    ? { onDatabaseUnavailable: options.onDatabaseUnavailable }
    : {};
  const formatError = options.formatError ?? ((error: GraphQLError) => maskError(error, report));
  // Errors are formatted exactly as the GraphQL API formats them, so both executors agree.
  const format = (result: ExecutionResult): ExecutionResult =>
    result.errors
      ? ({ ...result, errors: result.errors.map(formatError) } as unknown as ExecutionResult)
      : result;

  function runner(operation: PreparedOperation): Runner {
    const errors = validate(schema, operation.document, rules);
    if (errors.length > 0) return () => ({ errors });
    const { document } = operation;
    if (hasRecursiveVariables(schema, document)) {
      return (contextValue, variableValues) => execute({ schema, document, contextValue, variableValues });
    }
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) return () => compiled;
    return (context, variables) => compiled.query(undefined, context, variables);
  }

  function prepare(operation: PreparedOperation): Prepared {
    // A document without one operation fails validation and runs no resolver.
    const kind = getOperationAST(operation.document)?.operation ?? OperationTypeNode.QUERY;
    return { run: runner(operation), kind };
  }

  return {
    async run(given, givenVariables, { caller }) {
      const { operation, variables } = bindVariables(given, givenVariables);
      // Checked before graphql-js or graphql-jit coerce them, as the GraphQL API does.
      const refused = variableLimitError(operation.document, variables, limits);
      if (refused) return format({ errors: [refused] });
      let ready = prepared.get(operation.id);
      if (!ready) {
        ready = prepare(operation);
        prepared.set(operation.id, ready);
      }
      const { run, kind } = ready;
      // The REST request's span is the parent; the SQL it sends are this span's children.
      const execute = async () =>
        inSpan("graphql.execute", { "graphql.operation.name": operation.id }, () =>
          run(options.createContext(caller, kind), variables),
        );
      const { cache } = options;
      const { source, document } = operation;
      const result = cache
        ? await cache.execute({ schema, source, document, variables, caller }, "rest", execute)
        : await execute();
      return format(result);
    },
    async schema() {
      return schema;
    },
  };
}
