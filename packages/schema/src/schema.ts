import { registry as defaultRegistry, type Registry } from "@tusk/registry";
import { type GraphQLFieldConfigMap, GraphQLObjectType, GraphQLSchema } from "graphql";
import type { TuskContext } from "./context.ts";
import { type QueryLimits, resolveLimits } from "./limits.ts";
import { mutationFields } from "./mutations.ts";
import type { TypeBuilder } from "./object-types.ts";
import { queryFields } from "./queries.ts";
import { TypeCache } from "./type-cache.ts";

/**
 * How to build the schema.
 *
 * @example
 * const options: SchemaOptions = { limits: { maxPageSize: 50 } };
 * createSchema(options);
 */
export interface SchemaOptions {
  /** The resources to serve (default: the project's registry). */
  readonly registry?: Registry;
  /** Page sizes and depth/cost limits; the page sizes are enforced by resolvers. */
  readonly limits?: Partial<QueryLimits>;
}

/**
 * Builds the GraphQL schema from the registry: one object type per resource, root lookups,
 * collections and aggregates for root resources, mutations for writable ones. Resolvers plan
 * one Prisma query per root field and expect a {@link TuskContext}.
 *
 * @example
 * const schema = createSchema();
 * await graphql({ schema, source: "{ product(id: 73924) { name uri } }", contextValue: createContext({ prisma, uris }) });
 */
export function createSchema(options: SchemaOptions = {}): GraphQLSchema {
  const builder: TypeBuilder = {
    cache: new TypeCache(),
    registry: options.registry ?? defaultRegistry,
    limits: resolveLimits(options.limits),
  };
  const query: GraphQLFieldConfigMap<unknown, TuskContext> = {};
  const mutation: GraphQLFieldConfigMap<unknown, TuskContext> = {};
  for (const resource of builder.registry.rootResources) Object.assign(query, queryFields(builder, resource));
  for (const resource of builder.registry.resources)
    Object.assign(mutation, mutationFields(builder, resource));
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: "Query", fields: query }),
    ...(Object.keys(mutation).length > 0
      ? { mutation: new GraphQLObjectType({ name: "Mutation", fields: mutation }) }
      : {}),
  });
}
