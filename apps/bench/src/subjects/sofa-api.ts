import type { RequestListener } from "node:http";
import { createRequire } from "node:module";
import type { GraphQLSchema } from "graphql";

// sofa-api's own typings widen GraphQL's error extensions (`http.headers` as a plain record)
// against Apollo's (`HeaderMap`), which breaks the GraphQL app's sources in any program that
// imports both. Loaded through `require`, whose result TypeScript does not type, SOFA is seen
// through these few declarations instead.

export interface SofaConfig {
  readonly basePath: string;
  readonly schema: GraphQLSchema;
  readonly context?: (serverContext: { request: Request }) => Promise<object> | object;
}

/**
 * sofa-api 0.18's `useSofa`: a router answering one REST route per root field of the schema,
 * usable as a Node request listener.
 *
 * @example
 * app.use("/api", useSofa({ basePath: "/api", schema }));
 */
export const useSofa: (config: SofaConfig) => RequestListener = createRequire(import.meta.url)(
  "sofa-api",
).useSofa;
