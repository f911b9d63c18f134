import { ApiError } from "@tusk/errors";
import {
  type ASTVisitor,
  type FieldNode,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

/**
 * Limits that keep one request from costing the database too much.
 *
 * @example
 * const limits: QueryLimits = { maxDepth: 8, maxCost: 50_000, defaultPageSize: 20, maxPageSize: 100 };
 */
export interface QueryLimits {
  /** Deepest field nesting allowed (root fields are depth 1). */
  readonly maxDepth: number;
  /** Highest estimated cost: each field costs 1, times the page sizes of the connections above it. */
  readonly maxCost: number;
  /** Page size when neither `first` nor `last` is given. */
  readonly defaultPageSize: number;
  /** Largest `first`/`last`; larger is `BAD_USER_INPUT`. */
  readonly maxPageSize: number;
}

/**
 * The defaults: generous enough for two nested full pages with a dozen fields each.
 *
 * @example
 * DEFAULT_LIMITS.maxPageSize; // 100
 */
export const DEFAULT_LIMITS: QueryLimits = Object.freeze({
  maxDepth: 12,
  maxCost: 100_000,
  defaultPageSize: 20,
  maxPageSize: 100,
});

/**
 * Fills in defaults.
 *
 * @example
 * resolveLimits({ maxDepth: 5 }).maxCost; // 100000
 */
export function resolveLimits(limits: Partial<QueryLimits> = {}): QueryLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

function tooComplex(message: string, node: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, {
    nodes: [node],
    originalError: new ApiError("QUERY_TOO_COMPLEX", message),
    extensions: { code: "QUERY_TOO_COMPLEX" },
  });
}

/** Connections are recognised by their `pageInfo` field, so the rule needs no list of types. */
function isConnectionField(context: ValidationContext, parentTypeName: string, node: FieldNode): boolean {
  const parent = context.getSchema().getType(parentTypeName);
  if (!isObjectType(parent)) return false;
  const type = getNamedType(parent.getFields()[node.name.value]?.type);
  return isObjectType(type) && "pageInfo" in type.getFields();
}

function pageSize(node: FieldNode, limits: QueryLimits): number {
  for (const arg of node.arguments ?? []) {
    if (arg.name.value !== "first" && arg.name.value !== "last") continue;
    if (arg.value.kind === Kind.INT) return Number(arg.value.value);
    // A variable is unknown at validation time: assume the worst page it could ask for.
    if (arg.value.kind === Kind.VARIABLE) return limits.maxPageSize;
  }
  return limits.defaultPageSize;
}

interface Measure {
  depth: number;
  cost: number;
}

function measure(
  context: ValidationContext,
  typeName: string,
  selectionSet: SelectionSetNode,
  limits: QueryLimits,
  multiplier: number,
  depth: number,
  visited: Set<string>,
): Measure {
  const result: Measure = { depth, cost: 0 };
  for (const selection of selectionSet.selections) {
    let inner: Measure | undefined;
    if (selection.kind === Kind.FIELD) {
      // Introspection is answered from the schema, not the database.
      if (selection.name.value.startsWith("__")) continue;
      result.cost += multiplier;
      if (!selection.selectionSet) {
        result.depth = Math.max(result.depth, depth + 1);
        continue;
      }
      const parent = context.getSchema().getType(typeName);
      const fieldType = isObjectType(parent) ? parent.getFields()[selection.name.value]?.type : undefined;
      const childType = fieldType ? getNamedType(fieldType).name : typeName;
      const factor = isConnectionField(context, typeName, selection)
        ? Math.max(pageSize(selection, limits), 1)
        : 1;
      inner = measure(
        context,
        childType,
        selection.selectionSet,
        limits,
        multiplier * factor,
        depth + 1,
        visited,
      );
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition?.name.value ?? typeName;
      inner = measure(context, on, selection.selectionSet, limits, multiplier, depth, visited);
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      // Fragment cycles are reported by NoFragmentCyclesRule; do not loop here.
      if (!fragment || visited.has(name)) continue;
      visited.add(name);
      inner = measure(
        context,
        fragment.typeCondition.name.value,
        fragment.selectionSet,
        limits,
        multiplier,
        depth,
        visited,
      );
      visited.delete(name);
    }
    result.cost += inner.cost;
    result.depth = Math.max(result.depth, inner.depth);
  }
  return result;
}

/**
 * Validation rules that refuse, before execution, operations deeper than `maxDepth` or
 * estimated costlier than `maxCost`, with `QUERY_TOO_COMPLEX`. Add them to Apollo's
 * `validationRules`, or to `validate()` for prebuilt documents.
 *
 * @example
 * const errors = validate(schema, parse(query), [...specifiedRules, ...queryLimitRules(schema, limits)]);
 */
export function queryLimitRules(schema: GraphQLSchema, limits: Partial<QueryLimits> = {}): ValidationRule[] {
  const resolved = resolveLimits(limits);
  const rule: ValidationRule = (context): ASTVisitor => ({
    OperationDefinition(node) {
      const root = schema.getRootType(node.operation);
      if (!root) return;
      const { depth, cost } = measure(context, root.name, node.selectionSet, resolved, 1, 0, new Set());
      if (depth > resolved.maxDepth)
        context.reportError(
          tooComplex(`Query depth ${depth} exceeds the limit of ${resolved.maxDepth}.`, node),
        );
      else if (cost > resolved.maxCost)
        context.reportError(tooComplex(`Query cost ${cost} exceeds the limit of ${resolved.maxCost}.`, node));
    },
  });
  return [rule];
}
