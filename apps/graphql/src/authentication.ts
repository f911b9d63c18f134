import type { ApolloServerPlugin } from "@apollo/server";
import { ANONYMOUS, type Authenticator, type Caller, wwwAuthenticate } from "@tusk/auth";
import { ApiError, type BearerChallenge, type ErrorCode, HTTP_STATUS } from "@tusk/errors";
import { labelCaller } from "@tusk/telemetry";
import type { RequestHandler, Response } from "express";
import type { GraphQLFormattedError } from "graphql";

const REFUSALS: ReadonlySet<ErrorCode> = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);

/**
 * Names the caller of every GraphQL request from its `Authorization: Bearer` header, for the
 * context. Missing credentials where they are needed, or a bad token (expired, wrong audience or
 * signature, `alg: none`, malformed), are answered here: 401 with `WWW-Authenticate` and an
 * `UNAUTHENTICATED` error, before any operation runs. Answers to a caller with a token are
 * `Cache-Control: private, no-store`, and every answer varies by `Authorization`.
 *
 * @example
 * app.use("/graphql", express.json(), authenticateRequests(authenticator), expressMiddleware(server, { context }));
 */
export function authenticateRequests(authenticator: Authenticator): RequestHandler {
  return async (req, res, next) => {
    try {
      const caller = await authenticator.authenticate(req.get("authorization"));
      res.locals.caller = caller;
      labelCaller(caller);
      // What a caller with a token sees is theirs: no shared cache may keep it, and none may
      // answer one caller from another's copy.
      res.vary("Authorization");
      if (caller.kind !== "anonymous") res.setHeader("Cache-Control", "private, no-store");
      next();
    } catch (error) {
      if (!(error instanceof ApiError) || !REFUSALS.has(error.code)) return next(error);
      res.setHeader("WWW-Authenticate", wwwAuthenticate(error.challenge, error.message));
      res.setHeader("Cache-Control", "no-store");
      res.status(error.status).json({
        errors: [
          {
            message: error.message,
            extensions: { code: error.code, ...(error.challenge ? { challenge: error.challenge } : {}) },
          },
        ],
      });
    }
  };
}

/**
 * The caller {@link authenticateRequests} named for this response's request.
 *
 * @example
 * expressMiddleware(server, { context: async ({ res }) => createContext({ prisma, uris, caller: callerOf(res) }) });
 */
export function callerOf(res: Response): Caller {
  return (res.locals.caller as Caller | undefined) ?? ANONYMOUS;
}

function refusalOf(error: GraphQLFormattedError): ErrorCode | undefined {
  const code = error.extensions?.code as ErrorCode | undefined;
  return code !== undefined && REFUSALS.has(code) ? code : undefined;
}

/**
 * When the whole operation is refused (every root field failed for want of credentials or a
 * scope, so there is no data at all), the response says so in HTTP too: 401 or 403 with
 * `WWW-Authenticate`, like the REST API. A refusal of some fields only stays a field error at its
 * path beside the data the caller may see.
 *
 * @example
 * new ApolloServer({ schema, plugins: [accessRefusedPlugin()] });
 */
export function accessRefusedPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { data, errors = [] } = response.body.singleResult;
          const refused = errors.filter((error) => refusalOf(error) !== undefined);
          if (refused.length === 0) return;
          const roots = data ? Object.keys(data) : [];
          const refusedRoots = new Set(refused.map((error) => error.path?.[0]));
          if (!roots.every((key) => data?.[key] === null && refusedRoots.has(key))) return;
          const [first] = refused;
          const code = refusalOf(first!)!;
          const challenge = first!.extensions?.challenge as BearerChallenge | undefined;
          response.http.status = HTTP_STATUS[code];
          response.http.headers.set("www-authenticate", wwwAuthenticate(challenge, first!.message));
          response.http.headers.set("cache-control", "no-store");
        },
      };
    },
  };
}
