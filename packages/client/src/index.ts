/**
 * @tusk/client: a typed client of the Tusk REST API. Its types are generated from the API's
 * OpenAPI document (`npm run generate:client`); calls go through openapi-fetch; links, pages
 * and problems have helpers of their own.
 *
 * @example
 * import { createTuskClient, unwrap } from "@tusk/client";
 * const client = createTuskClient({ baseUrl: "http://localhost:4000" });
 * const { products } = unwrap(await client.GET("/v1/products/{product_id}", { params: { path: { product_id: "73924" } } }));
 */
export {
  type CallResult,
  createTuskClient,
  type Followed,
  type ItemOf,
  type TuskClient,
  type TuskClientOptions,
  type TuskMediaType,
} from "./client.ts";
export type { components, operations, paths } from "./generated/openapi.ts";
export { findLink, type Link, type LinkSelector, type LinkSource, linksOf } from "./links.ts";
export { type InvalidParam, type Problem, type ProblemCode, TuskProblemError } from "./problem.ts";
export { unwrap } from "./unwrap.ts";
