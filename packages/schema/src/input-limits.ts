import type { InvalidParam } from "@tusk/errors";
import {
  type ArgumentNode,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type ValueNode,
} from "graphql";
import { forEachArgumentValue } from "./argument-paths.ts";
import { badInput } from "./limit-errors.ts";
import type { QueryLimits } from "./limits.ts";

type InputLimits = Pick<QueryLimits, "maxInputDepth" | "maxListLength">;

/** Why a value nested too deep is refused, wherever it is found. */
export const tooDeep = (limits: Pick<QueryLimits, "maxInputDepth">) =>
  `is nested more than ${limits.maxInputDepth} levels deep`;
const tooLong = (length: number, limits: InputLimits) =>
  `has ${length} items; at most ${limits.maxListLength} are allowed`;

/**
 * The first problem with a literal value: nested deeper than allowed (objects and lists both
 * count) or a list longer than allowed. Stops at the limit, so the walk is bounded by it.
 */
function literalProblem(
  value: ValueNode,
  path: string,
  depth: number,
  limits: InputLimits,
): { param: InvalidParam; node: ValueNode } | undefined {
  if (value.kind !== Kind.OBJECT && value.kind !== Kind.LIST) return undefined;
  if (depth >= limits.maxInputDepth) return { param: { name: path, reason: tooDeep(limits) }, node: value };
  if (value.kind === Kind.LIST) {
    if (value.values.length > limits.maxListLength)
      return { param: { name: path, reason: tooLong(value.values.length, limits) }, node: value };
    for (const item of value.values) {
      const problem = literalProblem(item, path, depth + 1, limits);
      if (problem) return problem;
    }
    return undefined;
  }
  for (const field of value.fields) {
    const problem = literalProblem(field.value, `${path}.${field.name.value}`, depth + 1, limits);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * A validation visitor refusing argument literals nested deeper than `maxInputDepth` or with
 * lists longer than `maxListLength`, as `BAD_USER_INPUT` naming the argument path.
 */
export function inputLiteralLimits(report: (error: GraphQLError) => void, limits: InputLimits): ASTVisitor {
  return {
    Argument(node: ArgumentNode) {
      const problem = literalProblem(node.value, node.name.value, 0, limits);
      if (!problem) return;
      // A deep value is named by its argument alone: its path would repeat `AND.AND...`.
      if (problem.param.reason === tooDeep(limits))
        report(badInput([{ name: node.name.value, reason: problem.param.reason }], [node.value]));
      else report(badInput([problem.param], [problem.node]));
    },
  };
}

/** Where each variable is first used: the argument path it stands at (`where.id`). */
const usagesByDocument = new WeakMap<DocumentNode, ReadonlyMap<string, string>>();

function variableUsages(document: DocumentNode): ReadonlyMap<string, string> {
  const known = usagesByDocument.get(document);
  if (known) return known;
  const usages = new Map<string, string>();
  forEachArgumentValue(document, (path, value) => {
    if (value.kind === Kind.VARIABLE && !usages.has(value.name.value)) usages.set(value.name.value, path);
  });
  usagesByDocument.set(document, usages);
  return usages;
}

function valueProblem(
  value: unknown,
  path: string,
  depth: number,
  limits: InputLimits,
): InvalidParam | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if (depth >= limits.maxInputDepth) return { name: path, reason: tooDeep(limits) };
  if (Array.isArray(value)) {
    if (value.length > limits.maxListLength) return { name: path, reason: tooLong(value.length, limits) };
    for (const item of value) {
      const problem = valueProblem(item, path, depth + 1, limits);
      if (problem) return problem;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const problem = valueProblem(item, `${path}.${key}`, depth + 1, limits);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Refuses variable values nested deeper than `maxInputDepth` or with lists longer than
 * `maxListLength`, naming the argument path they are given to (`where.id.in`), before
 * graphql-js coerces them (its coercion recurses once per level). Undefined when all fit.
 *
 * @example
 * const error = variableLimitError(document, { where: { id: { in: ids } } }, DEFAULT_LIMITS);
 * if (error) return { errors: [error] };
 */
export function variableLimitError(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  limits: InputLimits,
  operation?: OperationDefinitionNode,
): GraphQLError | undefined {
  if (!variables) return undefined;
  const usages = variableUsages(document);
  const params: InvalidParam[] = [];
  for (const [name, value] of Object.entries(variables)) {
    const usage = usages.get(name) ?? name;
    const problem = valueProblem(value, usage, 0, limits);
    if (!problem) continue;
    // A deep value is named by where it is used alone: its path would repeat `AND.AND...`.
    params.push(problem.reason === tooDeep(limits) ? { name: usage, reason: problem.reason } : problem);
  }
  return params.length > 0 ? badInput(params, operation ? [operation] : []) : undefined;
}
