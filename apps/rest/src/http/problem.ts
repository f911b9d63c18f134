import { wwwAuthenticate } from "@tusk/auth";
import {
  ApiError,
  ERROR_TITLE,
  type ErrorCode,
  HTTP_STATUS,
  type InvalidParam,
  RETRY_AFTER_SECONDS,
} from "@tusk/errors";
import type { UriBuilder } from "@tusk/uri";
import type { Response } from "express";

/** RFC 9457 problem details, with the `invalid_params` extension. */
export interface ProblemDetails {
  /** The problem type's URI (`{base}/v1/problems/not_found`), which the app serves. */
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  invalid_params?: InvalidParam[];
  [extension: string]: unknown;
}

/** The `type` URI of each code: the app's own problem type pages. */
export type ProblemTypes = Pick<UriBuilder, "problem">;

function details(types: ProblemTypes, code: ErrorCode, detail: string, instance: string): ProblemDetails {
  return { type: types.problem(code), title: ERROR_TITLE[code], status: HTTP_STATUS[code], detail, instance };
}

/** Builds the problem body and headers for any thrown value; anything unexpected is masked. */
export function toProblem(
  error: unknown,
  instance: string,
  types: ProblemTypes,
): { problem: ProblemDetails; headers: Record<string, string> } {
  if (error instanceof ApiError && error.code !== "INTERNAL_SERVER_ERROR") {
    const problem = details(types, error.code, error.message, instance);
    // Extension members never replace the standard ones.
    for (const [name, value] of Object.entries(error.extensions))
      if (!(name in problem)) problem[name] = value;
    if (error.invalidParams.length > 0) problem.invalid_params = [...error.invalidParams];
    const retryAfter = RETRY_AFTER_SECONDS[error.code];
    const headers = { ...error.headers };
    if (retryAfter !== undefined) headers["Retry-After"] = String(retryAfter);
    // 401 and 403 say what would help (RFC 6750): a token, a valid one, or a scope.
    if (error.challenge) headers["WWW-Authenticate"] = wwwAuthenticate(error.challenge, error.message);
    return { problem, headers };
  }
  // Unexpected: never echo the message (it may carry SQL or a stack).
  const masked = "The server could not complete the request.";
  return { problem: details(types, "INTERNAL_SERVER_ERROR", masked, instance), headers: {} };
}

/** Sends a problem+json response; errors are never cached. */
export function sendProblem(
  res: Response,
  error: unknown,
  instance: string,
  types: ProblemTypes,
): ProblemDetails {
  const { problem, headers } = toProblem(error, instance, types);
  res.status(problem.status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Type", "application/problem+json");
  res.removeHeader("ETag");
  res.end(JSON.stringify(problem));
  return problem;
}
