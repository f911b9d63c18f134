/**
 * @tusk/graphql: the GraphQL API as an Express app.
 *
 * @example
 * import { createGraphqlApp } from "@tusk/graphql";
 * const { app, stop } = await createGraphqlApp({ db, baseUrl: "http://localhost:4000" });
 * app.listen(4001);
 */
export type { GraphqlApp, GraphqlAppOptions } from "./app.ts";
export { createGraphqlApp } from "./app.ts";
