import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import type { PendingOperation, ResponseCache } from "@tusk/response-cache";
import type { TuskContext } from "@tusk/schema";

/**
 * Answers queries from the response cache both APIs share, and tells it of every mutation: a
 * query's answer is looked up once Apollo has resolved and checked the operation (the cost
 * budget included), and a clean answer is kept once it is sent; a mutation invalidates what it
 * touched before its answer leaves, so the writer's next read is fresh.
 *
 * @example
 * new ApolloServer({ schema, plugins: [responseCachePlugin(openResponseCache(config, { partition, readsFromReplicas }))] });
 */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<TuskContext> {
  return {
    async requestDidStart() {
      let pending: PendingOperation | undefined;
      return {
        async responseForOperation(context: GraphQLRequestContext<TuskContext>) {
          const { document, source, request, contextValue, schema } = context;
          if (!document || source === undefined) return null;
          pending = await cache.begin(
            {
              schema,
              source,
              document,
              operationName: request.operationName,
              variables: request.variables,
              caller: contextValue.caller,
            },
            "graphql",
          );
          return pending.hit
            ? { http: context.response.http, body: { kind: "single", singleResult: pending.hit } }
            : null;
        },
        async willSendResponse({ response }) {
          if (!pending || pending.hit) return;
          await pending.finish(response.body.kind === "single" ? response.body.singleResult : { errors: [] });
        },
      };
    },
  };
}
