import { type AnonymousAccess, scopeCatalog } from "@tusk/auth";
import type { Registry } from "@tusk/registry";
import { responseRef } from "./components.ts";

/** The name of the one security scheme. */
export const BEARER_SCHEME = "bearer";

type Requirement = Record<string, string[]>;

/**
 * The security scheme: an `http` bearer scheme with `bearerFormat: JWT`, not an `oauth2` one.
 * Tokens come from whoever the deployment trusts (an identity provider, the demo's printed
 * tokens), not from a flow this API runs, and an `oauth2` scheme must name a flow with its
 * token or authorization URL: Swagger UI would then offer a login form that cannot work.
 * With `http`/`bearer` its Authorize button takes the token once and sends it with every
 * request. OpenAPI 3.1 lets a requirement of a non-OAuth scheme list role names, so each
 * operation's `security` still names the scope it needs; the scopes themselves, with what
 * each allows, are listed in the scheme's description, which the Authorize dialog shows.
 *
 * @example
 * securitySchemes(registry).bearer.scheme; // "bearer"
 */
export function securitySchemes(registry: Registry) {
  const scopes = scopeCatalog(registry)
    .map(({ name, description }) => `| \`${name}\` | ${description} |`)
    .join("\n");
  return {
    [BEARER_SCHEME]: {
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
      description: [
        "A JWT (RFC 6750 bearer token): `sub` is the caller's username, `scope` a space-separated list of scopes. Each operation's security names the scope it needs; `admin` allows everything.",
        "",
        "| scope | allows |",
        "| --- | --- |",
        scopes,
      ].join("\n"),
    },
  };
}

/**
 * Who may call an operation: a token with `scope` when it needs one; otherwise a token without a
 * particular scope, or no token at all when anonymous callers may read (`{}` is OpenAPI's
 * "no credentials", so the token stays optional and Swagger UI still sends it once set).
 *
 * @example
 * operationSecurity("orders:read", "read"); // [{ bearer: ["orders:read"] }]
 * operationSecurity(undefined, "read"); // [{}, { bearer: [] }]
 */
export function operationSecurity(scope: string | undefined, anonymous: AnonymousAccess): Requirement[] {
  if (scope !== undefined) return [{ [BEARER_SCHEME]: [scope] }];
  return anonymous === "read" ? [{}, { [BEARER_SCHEME]: [] }] : [{ [BEARER_SCHEME]: [] }];
}

/**
 * The security of an operation the path serves: its requirement, 401 (a token that is refused,
 * or none where one is needed) and, when a scope is needed, 403 and a line saying which.
 */
export function securedOperation(
  operation: Record<string, unknown>,
  scope: string | undefined,
  anonymous: AnonymousAccess,
): Record<string, unknown> {
  const responses = operation.responses as Record<string, unknown>;
  return {
    ...(scope === undefined
      ? {}
      : { description: `Needs a bearer token with the \`${scope}\` scope (or \`admin\`).` }),
    ...operation,
    security: operationSecurity(scope, anonymous),
    responses: {
      ...responses,
      "401": responseRef("Unauthorized"),
      ...(scope === undefined ? {} : { "403": responseRef("Forbidden") }),
    },
  };
}
