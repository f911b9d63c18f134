import { wwwAuthenticate } from "@tusk/auth";
import {
  ApiError,
  ERROR_TITLE,
  type ErrorCode,
  HTTP_STATUS,
  type InvalidParam,
  isErrorCode,
  RETRY_AFTER_SECONDS,
} from "@tusk/errors";
import type { Response } from "express";

/**
 * HTTP-level problems that have no GraphQL counterpart (405, 406, 413, 414, 415).
 * Everything else goes through the shared {@link ErrorCode} table.
 */
export type HttpProblemStatus = 405 | 406 | 413 | 414 | 415;

const HTTP_TITLE: Record<HttpProblemStatus, string> = {
  405: "Method Not Allowed",
  406: "Not Acceptable",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
};

/** An error the REST layer raises itself, carrying its status and extra headers. */
export class HttpProblem extends Error {
  constructor(
    readonly status: HttpProblemStatus,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = "HttpProblem";
  }
}

/** RFC 9457 problem details, with the `invalid_params` extension. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  invalid_params?: InvalidParam[];
  [extension: string]: unknown;
}

/** The status for a shared error code: the one place REST maps codes to HTTP. */
export function statusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

/** A GraphQL error's `extensions.code`, when it is one of the shared codes. */
export function codeOf(extensions: unknown): ErrorCode | undefined {
  const code = (extensions as { code?: unknown } | undefined)?.code;
  return isErrorCode(code) ? code : undefined;
}

/** Builds the problem body for any thrown value; anything unexpected is masked. */
export function toProblem(
  error: unknown,
  instance: string,
): { problem: ProblemDetails; headers: Record<string, string> } {
  if (error instanceof HttpProblem) {
    return {
      problem: {
        type: "about:blank",
        title: HTTP_TITLE[error.status],
        status: error.status,
        detail: error.message,
        instance,
        ...error.extensions,
      },
      headers: { ...error.headers },
    };
  }
  if (error instanceof ApiError && error.code !== "INTERNAL_SERVER_ERROR") {
    const problem: ProblemDetails = {
      type: "about:blank",
      title: ERROR_TITLE[error.code],
      status: statusOf(error.code),
      detail: error.message,
      instance,
    };
    if (error.invalidParams.length > 0) problem.invalid_params = [...error.invalidParams];
    const retryAfter = RETRY_AFTER_SECONDS[error.code];
    const headers: Record<string, string> =
      retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) };
    // 401 and 403 say what would help (RFC 6750): a token, a valid one, or a scope.
    if (error.challenge) headers["WWW-Authenticate"] = wwwAuthenticate(error.challenge, error.message);
    return { problem, headers };
  }
  // Unexpected: never echo the message (it may carry SQL or a stack).
  return {
    problem: {
      type: "about:blank",
      title: ERROR_TITLE.INTERNAL_SERVER_ERROR,
      status: 500,
      detail: "The server could not complete the request.",
      instance,
    },
    headers: {},
  };
}

/** Sends a problem+json response; errors are never cached. */
export function sendProblem(res: Response, error: unknown, instance: string): ProblemDetails {
  const { problem, headers } = toProblem(error, instance);
  res.status(problem.status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Type", "application/problem+json");
  res.removeHeader("ETag");
  res.end(JSON.stringify(problem));
  return problem;
}
