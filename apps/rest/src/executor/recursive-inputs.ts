import {
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  Kind,
  typeFromAST,
} from "graphql";

function reachesItself(type: GraphQLInputType): boolean {
  const start = getNamedType(type);
  if (!isInputObjectType(start)) return false;
  const seen = new Set<string>();
  const stack = Object.values(start.getFields()).map((field) => getNamedType(field.type));
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next || !isInputObjectType(next)) continue;
    if (next === start) return true;
    if (seen.has(next.name)) continue;
    seen.add(next.name);
    for (const field of Object.values(next.getFields())) stack.push(getNamedType(field.type));
  }
  return false;
}

/**
 * Whether an operation declares a variable of a recursive input type (a
 * filter with `AND`/`OR`/`NOT` lists of itself). graphql-jit 0.8 compiles
 * variable coercion by unrolling input types, which does not terminate for
 * those (zalando-incubator/graphql-jit#81), so such operations run on
 * graphql-js instead — still parsed and validated only once. The REST app's
 * prepared documents avoid such variables (`filterSlots`); only the fallback
 * document of a filter that does not fit them declares one.
 */
export function hasRecursiveVariables(schema: GraphQLSchema, document: DocumentNode): boolean {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, variable.type as never) as GraphQLInputType | undefined;
      if (type && reachesItself(type)) return true;
    }
  }
  return false;
}
