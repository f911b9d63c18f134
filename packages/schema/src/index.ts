/**
 * @tusk/schema: the GraphQL schema derived from the resource registry, with resolvers that plan
 * one Prisma query per root field. Both apps execute operations against it in-process.
 *
 * @example
 * import { createContext, createSchema, queryLimitRules, maskError } from "@tusk/schema";
 * const schema = createSchema();
 * const result = await graphql({ schema, source: "{ products(first: 5) { nodes { name } } }", contextValue: createContext({ prisma, uris }) });
 */
export type { TuskContext } from "./context.ts";
export { createContext } from "./context.ts";
export { documentLimitError } from "./document-limits.ts";
export { variableLimitError } from "./input-limits.ts";
export type { QueryLimits } from "./limits.ts";
export { DEFAULT_LIMITS, resolveLimits } from "./limits.ts";
export type { MaskErrorOptions } from "./mask-error.ts";
export { maskError } from "./mask-error.ts";
export type { GraphqlNames } from "./names.ts";
export { graphqlNames, parentArgument } from "./names.ts";
export { decodeCursor, encodeCursor } from "./pagination.ts";
export { operationCost, queryLimitRules } from "./query-limit-rules.ts";
export type { SchemaOptions } from "./schema.ts";
export { createSchema } from "./schema.ts";
