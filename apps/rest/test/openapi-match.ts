/**
 * Test support: which path of the OpenAPI document a request the tests sent belongs to.
 *
 * The OpenAPI path template a concrete path matches. As OpenAPI says,
 * templates with more literal segments win (`/v1/products/definition` over
 * `/v1/products/{product_id}`); a tie between equally literal templates is no
 * match, since the document would then be ambiguous.
 *
 * @example
 * matchTemplate(["/v1/products/{product_id}"], "/v1/products/73924"); // "/v1/products/{product_id}"
 */
export function matchTemplate(templates: Iterable<string>, path: string): string | undefined {
  const segments = path.split("/");
  let best: string | undefined;
  let bestLiterals = -1;
  let tied = false;
  for (const template of templates) {
    const parts = template.split("/");
    if (parts.length !== segments.length) continue;
    let literals = 0;
    const matches = parts.every((part, index) => {
      const segment = segments[index] ?? "";
      if (/^\{[^}]+\}$/.test(part)) return segment !== "";
      literals++;
      return part === segment;
    });
    if (!matches) continue;
    if (literals > bestLiterals) {
      best = template;
      bestLiterals = literals;
      tied = false;
    } else if (literals === bestLiterals) {
      tied = true;
    }
  }
  return tied ? undefined : best;
}
