/**
 * @tusk/graphql: the GraphQL API as an Express app, and a server that shuts down gracefully.
 *
 * @example
 * import { createGraphqlApp, serve } from "@tusk/graphql";
 * const { app, stop } = await createGraphqlApp({ db, baseUrl: "http://localhost:4000" });
 * const running = await serve({ app, port: 4001, onClose: stop });
 */
export type { GraphqlApp, GraphqlAppOptions } from "./app.ts";
export { createGraphqlApp } from "./app.ts";
export type { RunningServer, ServeOptions } from "./serve.ts";
export { serve } from "./serve.ts";
