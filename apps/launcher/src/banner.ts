import { FIXTURE } from "@tusk/db";
import { DOCS_PATH } from "@tusk/rest";
import type { Launched } from "./launch.ts";

/**
 * What `npm start` prints: where both APIs, the docs page, GraphiQL, the metrics and the
 * health endpoints are, the demo tokens (when it can issue them) and a few requests to try.
 *
 * @example
 * console.log(banner(tusk, "PGlite in .data/pglite", { customer: "eyJ…", admin: "eyJ…" }));
 */
export function banner(
  tusk: Pick<Launched, "restUrl" | "graphqlUrl" | "seeded">,
  database: string,
  tokens?: { readonly customer: string; readonly admin: string },
): string {
  const query = JSON.stringify({ query: `{ product(id: ${FIXTURE.productId}) { name price } }` });
  const graphqlOrigin = new URL(tusk.graphqlUrl).origin;
  const tokenLines = tokens
    ? [
        "Tokens (30 days; AUTH_JWT_SECRET or .data/auth-secret signs them):",
        `  ${FIXTURE.username} (a customer)  ${tokens.customer}`,
        `  admin             ${tokens.admin}`,
        "",
      ]
    : [];
  const asCustomer = tokens
    ? [`  curl ${tusk.restUrl}/v1/orders -H 'Authorization: Bearer ${tokens.customer}'`]
    : [];
  return [
    `Tusk is running on ${database}${tusk.seeded ? " (demo data seeded)" : ""}`,
    "",
    `  REST      ${tusk.restUrl}/v1`,
    `  Docs      ${tusk.restUrl}${DOCS_PATH}`,
    `  GraphQL   ${tusk.graphqlUrl}  (open it in a browser for GraphiQL)`,
    `  Metrics   ${tusk.restUrl}/metrics  ${graphqlOrigin}/metrics`,
    `  Health    ${tusk.restUrl}/healthz  ${tusk.restUrl}/readyz  (the same on ${graphqlOrigin})`,
    "",
    ...tokenLines,
    "Try:",
    `  curl ${tusk.restUrl}/v1`,
    `  curl ${tusk.restUrl}/v1/products/${FIXTURE.productId}`,
    `  curl ${tusk.restUrl}/v1/categories/${FIXTURE.categoryId}/products`,
    ...asCustomer,
    `  curl ${tusk.graphqlUrl} -H 'content-type: application/json' -d '${query}'`,
    "",
    "Ctrl-C stops both.",
  ].join("\n");
}
