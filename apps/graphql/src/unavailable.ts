import type { ApolloServerPlugin } from "@apollo/server";
import { HTTP_STATUS, RETRY_AFTER_SECONDS } from "@tusk/errors";

const CODE = "SERVICE_UNAVAILABLE";

/**
 * When any part of an operation failed because the database is unavailable, the whole
 * operation fails: HTTP 503 with `Retry-After`, and only the SERVICE_UNAVAILABLE errors, no
 * partial data. A client (or a load balancer) then retries the operation instead of reading a
 * half-empty answer as the truth.
 *
 * @example
 * new ApolloServer({ schema, plugins: [serviceUnavailablePlugin()] });
 */
export function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const errors = response.body.singleResult.errors ?? [];
          const unavailable = errors.filter((error) => error.extensions?.code === CODE);
          if (unavailable.length === 0) return;
          response.http.status = HTTP_STATUS[CODE];
          response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS[CODE]));
          response.http.headers.set("cache-control", "no-store");
          response.body.singleResult = { errors: unavailable };
        },
      };
    },
  };
}
