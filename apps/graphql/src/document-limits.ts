import { type ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { documentLimitError, maskError, type QueryLimits, variableLimitError } from "@tusk/schema";
import type { RequestHandler } from "express";

/**
 * Refuses a document over the text limits (length, tokens, nesting) before Apollo parses it:
 * the parser recurses once per nesting level and has no limit of its own but tokens. Apollo
 * offers no hook before parsing that can answer, so this runs as middleware, for POST bodies
 * and GET query strings alike.
 *
 * @example
 * app.use("/graphql", express.json(), documentLimits(limits), expressMiddleware(server));
 */
export function documentLimits(limits: QueryLimits): RequestHandler {
  return (req, res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    const query = req.method === "GET" ? req.query.query : body?.query;
    const error = typeof query === "string" ? documentLimitError(query, limits) : undefined;
    if (!error) return next();
    res.status(400).json({ errors: [maskError(error)] });
  };
}

/**
 * Refuses variable values nested too deep or with lists too long, before graphql-js coerces
 * them, with a 400 naming the argument they are given to.
 *
 * @example
 * new ApolloServer({ schema, plugins: [variableLimitsPlugin(limits)] });
 */
export function variableLimitsPlugin<TContext extends object>(
  limits: QueryLimits,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          const error = variableLimitError(document, request.variables, limits, operation);
          if (!error) return;
          error.extensions.http = { status: 400, headers: new HeaderMap() };
          throw error;
        },
      };
    },
  };
}
