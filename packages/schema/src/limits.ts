/**
 * Limits that keep one request from costing the process or the database too much. The
 * document limits protect the parser and validation; the operation limits the database; the
 * input limits the query planner and PostgreSQL (one bind parameter per list item, a stack
 * frame per nested filter).
 *
 * @example
 * const limits: QueryLimits = { ...DEFAULT_LIMITS, maxDepth: 8 };
 */
export interface QueryLimits {
  /** Longest document, in characters. */
  readonly maxDocumentLength: number;
  /** Most lexical tokens in a document (graphql-js `parse`'s `maxTokens`). */
  readonly maxTokens: number;
  /** Deepest nesting of `{`, `[` and `(` in a document, checked before parsing. */
  readonly maxNesting: number;
  /** Deepest field nesting allowed (root fields are depth 1). */
  readonly maxDepth: number;
  /**
   * Highest estimated cost: each field costs 1, times the page sizes of the connections above
   * it; introspection counts every field it would answer.
   */
  readonly maxCost: number;
  /**
   * Most fields an operation's introspection may answer (counted exactly, and part of the
   * cost). Introspection is answered synchronously from memory, a few microseconds a field,
   * so this is far below `maxCost`: the full introspection query answers about 9,000.
   */
  readonly maxIntrospectionCost: number;
  /** Most aliases in an operation, counting a fragment's once per spread. */
  readonly maxAliases: number;
  /** Deepest nesting of input objects and lists in one argument or variable. */
  readonly maxInputDepth: number;
  /** Most items in one input list (`in: [...]`): each becomes a bind parameter. */
  readonly maxListLength: number;
  /**
   * Most relations one filter may cross (`categories: { some: { products: { some: ... } } }`
   * crosses two): each is a correlated subquery evaluated for every row the read considers.
   */
  readonly maxRelationFilterDepth: number;
  /** Most items one bulk create takes (`createProducts(input: [...])`, a JSON array POSTed); more is 413. */
  readonly maxBulkWrite: number;
  /** Page size when neither `first` nor `last` is given. */
  readonly defaultPageSize: number;
  /** Largest `first`/`last`; larger is `BAD_USER_INPUT`. */
  readonly maxPageSize: number;
  /**
   * Most items a root collection's exact `totalCount` counts (`COUNT_EXACT_LIMIT`); past it the
   * planner's estimate answers, marked as such. 0: no limit.
   */
  readonly countExactLimit: number;
  /** Longest full-text `search` text, in characters; longer is `BAD_USER_INPUT`. */
  readonly maxSearchLength: number;
}

/**
 * The defaults: generous enough for two nested full pages with a dozen fields each, and for
 * the full introspection query.
 *
 * @example
 * DEFAULT_LIMITS.maxPageSize; // 100
 */
export const DEFAULT_LIMITS: QueryLimits = Object.freeze({
  maxDocumentLength: 100_000,
  maxTokens: 5_000,
  maxNesting: 64,
  maxDepth: 12,
  maxCost: 100_000,
  // About three times the full introspection query (~10,100 fields): tools introspect once or twice.
  maxIntrospectionCost: 30_000,
  maxAliases: 30,
  maxInputDepth: 16,
  maxListLength: 1_000,
  maxRelationFilterDepth: 3,
  maxBulkWrite: 100,
  defaultPageSize: 20,
  maxPageSize: 100,
  countExactLimit: 100_000,
  maxSearchLength: 200,
});

/**
 * Fills in defaults.
 *
 * @example
 * resolveLimits({ maxDepth: 5 }).maxCost; // 100000
 */
export function resolveLimits(limits: Partial<QueryLimits> = {}): QueryLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}
