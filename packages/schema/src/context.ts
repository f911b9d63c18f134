import type { Caller } from "@tusk/auth";
import type { PrismaClient } from "@tusk/db";
import type { UriBuilder } from "@tusk/uri";
import type DataLoader from "dataloader";
import type { FieldNode } from "graphql";

/**
 * What every resolver receives. Cheap to make: one per request.
 *
 * @example
 * const resolve = (parent: unknown, args: unknown, context: TuskContext) => context.prisma.product.count();
 */
export interface TuskContext {
  /**
   * The client this operation's resolvers use: the primary, or for a query a read replica when
   * the database has them (the GraphQL API learns which once the operation is resolved, so it
   * sets this then).
   */
  prisma: PrismaClient;
  readonly uris: UriBuilder;
  /** Who is asking: every resolver reads and writes only what this caller may (docs/security.md). */
  readonly caller: Caller;
  /**
   * Field nodes whose data the root field's planned Prisma query already fetched; any other
   * relation field (a second alias of one relation with other arguments) loads on its own.
   */
  readonly planned: WeakSet<FieldNode>;
  /** Per-request batch loaders (relation aggregates), by the shape of what they load. */
  readonly loaders: Map<string, DataLoader<unknown, unknown>>;
}

/**
 * Makes the context for one request.
 *
 * @example
 * const contextValue = createContext({ prisma: db.prisma, uris: createUriBuilder({ registry, baseUrl }), caller: ANONYMOUS });
 * await graphql({ schema, source: "{ product(id: 73924) { name } }", contextValue });
 */
export function createContext(options: {
  prisma: PrismaClient;
  uris: UriBuilder;
  caller: Caller;
}): TuskContext {
  return {
    prisma: options.prisma,
    uris: options.uris,
    caller: options.caller,
    planned: new WeakSet(),
    loaders: new Map(),
  };
}
