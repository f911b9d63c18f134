import type { ApolloServerPlugin } from "@apollo/server";
import type { PrismaClient } from "@tusk/db";
import type { TuskContext } from "@tusk/schema";
import { OperationTypeNode } from "graphql";

/**
 * Sends a query's reads to a read replica once the operation is known (the context is made
 * before the document is parsed); mutations, and what they answer, stay on the primary.
 *
 * @example
 * new ApolloServer({ schema, plugins: [queriesOnReplicas(db)] });
 */
export function queriesOnReplicas(db: {
  readonly prisma: PrismaClient;
  reader?(): PrismaClient;
}): ApolloServerPlugin<TuskContext> {
  const reader = db.reader?.bind(db);
  return {
    async requestDidStart() {
      if (!reader) return;
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === OperationTypeNode.QUERY) contextValue.prisma = reader();
        },
      };
    },
  };
}
