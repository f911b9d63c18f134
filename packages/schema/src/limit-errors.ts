import { ApiError, type InvalidParam } from "@tusk/errors";
import { type ASTNode, GraphQLError } from "graphql";

/**
 * A refusal of the whole operation, before execution. `http` is read by Apollo Server where
 * it sees the error outside validation (plugins); validation errors are 400 already.
 */
export function tooComplex(message: string, nodes: readonly ASTNode[] = []): GraphQLError {
  return new GraphQLError(message, {
    nodes,
    originalError: new ApiError("QUERY_TOO_COMPLEX", message),
    extensions: { code: "QUERY_TOO_COMPLEX", http: { status: 400 } },
  });
}

/** A refusal of argument or variable values, naming each (`where.id.in`). */
export function badInput(params: readonly InvalidParam[], nodes: readonly ASTNode[] = []): GraphQLError {
  const message = `Invalid argument: ${params.map((param) => `${param.name} ${param.reason}`).join("; ")}.`;
  return new GraphQLError(message, {
    nodes,
    originalError: new ApiError("BAD_USER_INPUT", message, { invalidParams: params }),
    extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
  });
}
