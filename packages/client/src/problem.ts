import type { components } from "./generated/openapi.ts";

/**
 * An RFC 9457 problem as the REST API sends it (`application/problem+json`).
 *
 * @example
 * const problem: Problem = { type: "http://localhost:4000/v1/problems/not_found", title: "Not Found", status: 404 };
 */
export type Problem = components["schemas"]["Problem"];
/**
 * One field, parameter or path segment at fault, with why.
 *
 * @example
 * const fault: InvalidParam = { name: "price", reason: "required" };
 */
export type InvalidParam = components["schemas"]["InvalidParam"];
/**
 * The API's error codes, one per problem type.
 *
 * @example
 * const code: ProblemCode = "PRECONDITION_FAILED";
 */
export type ProblemCode = components["schemas"]["ProblemType"]["code"];

/** Whether a value has the members every problem has. */
function isProblem(value: unknown): value is Problem {
  if (typeof value !== "object" || value === null) return false;
  const { type, title, status } = value as Record<string, unknown>;
  return typeof type === "string" && typeof title === "string" && typeof status === "number";
}

/**
 * A problem+json answer as an error: its status, code, title, detail and the fields at fault.
 * `code` is read from the problem type URI, whose last segment is the code in lower case
 * (`…/v1/problems/not_found` is `NOT_FOUND`).
 *
 * @example
 * try {
 *   unwrap(await client.GET("/v1/books/{isbn}", { params: { path: { isbn: "9780306406157" } } }));
 * } catch (error) {
 *   if (error instanceof TuskProblemError && error.code === "NOT_FOUND") console.log(error.detail);
 * }
 */
export class TuskProblemError extends Error {
  override readonly name = "TuskProblemError";
  readonly status: number;
  readonly code: ProblemCode | undefined;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  readonly invalidParams: readonly InvalidParam[];
  /** The body as sent, with any member beyond those above (`available` on 406). */
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.invalidParams = problem.invalid_params ?? [];
    const segment = /\/problems\/([a-z_]+)$/.exec(problem.type)?.[1];
    this.code = segment ? (segment.toUpperCase() as ProblemCode) : undefined;
  }

  /**
   * The error for a response that is not a success. Its body is the parsed problem (as
   * openapi-fetch gives it in `error`) when there is one; otherwise the status line stands in.
   *
   * @example
   * const { error, response } = await client.GET("/v1/products/{product_id}", { params: { path: { product_id: "1" } } });
   * if (error) throw TuskProblemError.from(response, error);
   */
  static from(response: Response, body: unknown): TuskProblemError {
    if (isProblem(body)) return new TuskProblemError(body);
    return new TuskProblemError({
      type: "about:blank",
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
    });
  }
}
