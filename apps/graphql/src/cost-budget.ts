import type { ApolloServerPlugin } from "@apollo/server";
import type { SpendBudget } from "@tusk/edge";
import { ApiError, ERROR_TITLE } from "@tusk/errors";
import { operationCost, type TuskContext } from "@tusk/schema";
import { GraphQLError } from "graphql";

/**
 * How much query cost one point of the rate-limit budget buys: about a page of 50 items with two
 * fields each, what one REST list request answers. Every request spends one point at the edge.
 */
export const COST_PER_POINT = 100;

/** The GraphQL API's context: the schema's, and how to spend more of the caller's budget. */
export interface GraphqlContext extends TuskContext {
  readonly spendBudget?: SpendBudget | undefined;
}

/**
 * Spends the caller's rate-limit budget in proportion to the operation's cost, once it is known
 * (after validation, before execution): one point per {@link COST_PER_POINT} of cost, the first
 * of them already spent at the edge. An operation the budget cannot pay for is refused with
 * HTTP 429 and `Retry-After`, and runs nothing; `RateLimit` says what is left.
 *
 * @example
 * new ApolloServer<GraphqlContext>({ schema, plugins: [costBudget()] });
 */
export function costBudget(): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue, response }) {
          const spend = contextValue.spendBudget;
          const cost = operation ? operationCost(operation) : undefined;
          if (!spend || cost === undefined) return;
          const left = await spend(Math.ceil(cost / COST_PER_POINT) - 1);
          if (!left) return;
          response.http.headers.set(
            "ratelimit",
            `"${left.policy}"; r=${left.remaining}; t=${left.resetSeconds}`,
          );
          if (!left.over) return;
          const message = `${ERROR_TITLE.TOO_MANY_REQUESTS}: the operation's cost ${cost} is more than the rate limit has left; retry after the time Retry-After gives.`;
          throw new GraphQLError(message, {
            // The error masking keeps the code of an ApiError; Apollo takes the status from `http`.
            originalError: new ApiError("TOO_MANY_REQUESTS", message),
            extensions: {
              http: { status: 429, headers: new Map([["retry-after", String(left.resetSeconds)]]) },
            },
          });
        },
      };
    },
  };
}
