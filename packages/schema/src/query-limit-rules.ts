import type { ASTVisitor, GraphQLSchema, OperationDefinitionNode, ValidationRule } from "graphql";
import { inputLiteralLimits } from "./input-limits.ts";
import { tooComplex } from "./limit-errors.ts";
import { type QueryLimits, resolveLimits } from "./limits.ts";
import { OperationMeasurer } from "./operation-measure.ts";

/** The cost each operation measured at validation, for what spends a budget by cost. */
const costs = new WeakMap<OperationDefinitionNode, number>();

/**
 * The cost {@link queryLimitRules} measured for an operation it validated (undefined for one it
 * did not): one per field, times the page sizes above it.
 *
 * @example
 * operationCost(getOperationAST(document)!); // 2201 for 100 products with 20 categories each
 */
export function operationCost(operation: OperationDefinitionNode): number | undefined {
  return costs.get(operation);
}

/**
 * Validation rules that refuse, before execution, operations deeper than `maxDepth`, costlier
 * than `maxCost`, answering more than `maxIntrospectionCost` introspection fields or with more
 * than `maxAliases` aliases, with
 * `QUERY_TOO_COMPLEX`; and argument literals nested deeper than `maxInputDepth` or with lists
 * longer than `maxListLength`, with `BAD_USER_INPUT` naming the argument. Every check takes
 * time linear in the document: fragments are measured once however often they are spread.
 * Add them to Apollo's `validationRules`, or to `validate()` for prebuilt documents; variable
 * values are checked by {@link variableLimitError}, the document's text by `documentLimitError`.
 *
 * @example
 * const errors = validate(schema, parse(query), [...specifiedRules, ...queryLimitRules(schema, limits)]);
 */
export function queryLimitRules(schema: GraphQLSchema, limits: Partial<QueryLimits> = {}): ValidationRule[] {
  const resolved = resolveLimits(limits);
  const operationLimits: ValidationRule = (context): ASTVisitor => {
    const measurer = new OperationMeasurer(context, resolved);
    return {
      OperationDefinition(node) {
        const root = schema.getRootType(node.operation);
        if (!root) return;
        const { depth, cost, aliases, introspection } = measurer.measure(root.name, node.selectionSet);
        costs.set(node, cost);
        const refuse = (message: string) => context.reportError(tooComplex(message, [node]));
        if (depth > resolved.maxDepth)
          refuse(`Query depth ${depth} exceeds the limit of ${resolved.maxDepth}.`);
        else if (introspection > resolved.maxIntrospectionCost)
          refuse(`Introspection would answer more than ${resolved.maxIntrospectionCost} fields.`);
        else if (cost > resolved.maxCost)
          refuse(`Query cost ${cost} exceeds the limit of ${resolved.maxCost}.`);
        else if (aliases > resolved.maxAliases)
          refuse(`The operation's ${aliases} aliases exceed the limit of ${resolved.maxAliases}.`);
      },
    };
  };
  const inputLimits: ValidationRule = (context) =>
    inputLiteralLimits((error) => context.reportError(error), resolved);
  return [operationLimits, inputLimits];
}
