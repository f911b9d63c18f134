import { ERROR_TITLE, type ErrorCode } from "@tusk/errors";
import type { ErrorRequestHandler } from "express";

function graphqlError(code: ErrorCode, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * Answers body-parser failures (too large, malformed JSON) as JSON GraphQL errors with the
 * right status, instead of Express's HTML page.
 *
 * @example
 * app.use("/graphql", express.json({ limit: "1mb" }), bodyErrors());
 */
export function bodyErrors(): ErrorRequestHandler {
  return (error, _req, res, next) => {
    const type = (error as { type?: string }).type;
    if (type === "entity.too.large") {
      res
        .status(413)
        .json(
          graphqlError(
            "PAYLOAD_TOO_LARGE",
            `${ERROR_TITLE.PAYLOAD_TOO_LARGE}: the request body exceeds the limit.`,
          ),
        );
      return;
    }
    if (type === "entity.parse.failed" || type === "encoding.unsupported" || type === "charset.unsupported") {
      res.status(400).json(graphqlError("BAD_USER_INPUT", "The request body is not valid JSON."));
      return;
    }
    next(error);
  };
}
