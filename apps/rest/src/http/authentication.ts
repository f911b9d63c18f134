import { ANONYMOUS, type Authenticator, assertPermitted } from "@tusk/auth";
import type { Resource } from "@tusk/registry";
import { labelCaller } from "@tusk/telemetry";
import type { RequestHandler, Response } from "express";
import type { Credentials } from "../executor/index.ts";

/**
 * Names the caller of every request from its `Authorization: Bearer` header before any route
 * runs. A bad token (expired, wrong audience or signature, `alg: none`, malformed), or no token
 * where anonymous access is `none`, goes to the problem writer: 401 with `WWW-Authenticate`.
 * A CORS preflight (`OPTIONS` with `Access-Control-Request-Method`) carries no credentials by
 * design and acts anonymously, even where anonymous access is `none`; so does a request without
 * a token for a path `describesTheApi` (the OpenAPI document, definitions: how to call at all).
 *
 * @example
 * app.use(authenticateRequests(createAuthenticator(readAuthSettings()), () => false));
 */
export function authenticateRequests(
  authenticator: Authenticator,
  describesTheApi: (path: string) => boolean,
): RequestHandler {
  const anonymousHere = async (path: string, authorization: string | undefined) => {
    try {
      return await authenticator.authenticate(authorization);
    } catch (error) {
      // Only a missing token is let through, and only where no token is ever needed.
      if (authorization === undefined && describesTheApi(path)) return ANONYMOUS;
      throw error;
    }
  };
  return async (req, res, next) => {
    const authorization = req.get("authorization");
    try {
      const caller =
        req.method === "OPTIONS" && authorization === undefined && req.get("access-control-request-method")
          ? ANONYMOUS
          : await anonymousHere(req.path, authorization);
      res.locals.credentials = { caller, authorization } satisfies Credentials;
      labelCaller(caller);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * The credentials {@link authenticateRequests} found for this response's request: every
 * operation a handler runs is run on their behalf.
 *
 * @example
 * await execute(context.executor, credentialsOf(res), built, variables, resource);
 */
export function credentialsOf(res: Response): Credentials {
  const found = res.locals.credentials as Credentials | undefined;
  if (!found) throw new Error("The request was not authenticated: authenticateRequests must run first");
  return found;
}

/**
 * Refuses a write the caller may not make (401, or 403 naming the scope) before its body is read,
 * so a refusal does not depend on the body. The schema layer checks the same again, with the
 * rows the write touches.
 *
 * @example
 * assertMayWrite(res, route.resource);
 */
export function assertMayWrite(res: Response, resource: Resource): void {
  assertPermitted(credentialsOf(res).caller, resource, "write");
}
