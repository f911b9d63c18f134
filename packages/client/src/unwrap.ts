import type { CallResult } from "./client.ts";
import { TuskProblemError } from "./problem.ts";

/**
 * The data of a successful call; any other answer throws a {@link TuskProblemError}.
 *
 * @example
 * const { products } = unwrap(await client.GET("/v1/products/{product_id}", { params: { path: { product_id: "73924" } } }));
 */
export function unwrap<D>(result: CallResult<D>): D {
  if (result.error !== undefined || !result.response.ok)
    throw TuskProblemError.from(result.response, result.error);
  return result.data as D;
}
