import {
  type FieldNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  type ValidationContext,
} from "graphql";

/** Thrown inside a count once the budget is spent: the operation is refused, so stop counting. */
class OverBudget extends Error {}

type Field = GraphQLField<unknown, unknown>;

/**
 * Counts, exactly, the fields an introspection root field (`__schema`, `__type`) would answer,
 * by running graphql-js's own introspection resolvers over the schema without building the
 * answer. Introspection answers from memory, not the database, but its answer can still be
 * huge (every type's fields' arguments' types, once per alias). Counting stops as soon as the
 * budget is spent, and a selection is counted once per schema element, so the work is bounded
 * by the budget and the document, never by the answer.
 */
export class IntrospectionMeter {
  private spent = 0;
  private readonly memo = new WeakMap<object, Map<SelectionSetNode, number>>();
  /** Fragments being expanded: a cycle (reported by NoFragmentCyclesRule) is not followed. */
  private readonly expanding = new Set<string>();

  constructor(
    private readonly context: ValidationContext,
    private readonly budget: number,
  ) {}

  /** The number of fields `node` would answer, or `Infinity` once over the budget. */
  cost(node: FieldNode): number {
    const schema = this.context.getSchema();
    const definition = node.name.value === "__schema" ? SchemaMetaFieldDef : TypeMetaFieldDef;
    try {
      const args = argumentsOf(definition, node);
      // `__type(name: $variable)`: any type may come back, so count them all.
      const value =
        args === undefined && definition === TypeMetaFieldDef
          ? Object.values(schema.getTypeMap())
          : definition.resolve?.(undefined, args ?? {}, undefined, { schema } as never);
      return this.field(value, definition.type, node);
    } catch (error) {
      if (error instanceof OverBudget) return Number.POSITIVE_INFINITY;
      throw error;
    }
  }

  private spend(amount: number): void {
    this.spent += amount;
    if (this.spent > this.budget) throw new OverBudget();
  }

  private field(value: unknown, type: GraphQLOutputType, node: FieldNode): number {
    this.spend(1);
    if (!node.selectionSet || value === null || value === undefined) return 1;
    const itemType = getNamedType(type);
    if (!isObjectType(itemType)) return 1;
    const items = isListType(isNonNullType(type) ? type.ofType : type) ? (value as unknown[]) : [value];
    let cost = 1;
    for (const item of items) cost += this.object(item as object, itemType.name, node.selectionSet);
    return cost;
  }

  private object(value: object, typeName: string, selectionSet: SelectionSetNode): number {
    let bySelection = this.memo.get(value);
    const known = bySelection?.get(selectionSet);
    if (known !== undefined) {
      this.spend(known);
      return known;
    }
    const type = this.context.getSchema().getType(typeName);
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const definition = isObjectType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!definition) {
          this.spend(1); // `__typename`, or an unknown field validation reports
          cost += 1;
          continue;
        }
        const value_ = definition.resolve
          ? definition.resolve(value, argumentsOf(definition, selection) ?? WORST_CASE_ARGS, undefined, {
              schema: this.context.getSchema(),
            } as never)
          : (value as Record<string, unknown>)[selection.name.value];
        cost += this.field(value_, definition.type, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition?.name.value ?? typeName;
        // Introspection types are object types: a fragment on another type selects nothing here.
        if (on === typeName) cost += this.object(value, typeName, selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = this.context.getFragment(name);
        if (!fragment || fragment.typeCondition.name.value !== typeName || this.expanding.has(name)) continue;
        this.expanding.add(name);
        cost += this.object(value, typeName, fragment.selectionSet);
        this.expanding.delete(name);
      }
    }
    if (!bySelection) {
      bySelection = new Map();
      this.memo.set(value, bySelection);
    }
    bySelection.set(selectionSet, cost);
    return cost;
  }
}

/** The only introspection argument besides `__type(name:)`; when given by a variable, assume the larger answer. */
const WORST_CASE_ARGS = { includeDeprecated: true };

/** The field's arguments, or undefined when they depend on variables not known at validation. */
function argumentsOf(definition: Field, node: FieldNode): Record<string, unknown> | undefined {
  // Resolvers read a missing `includeDeprecated` as its default, false.
  if (!node.arguments?.length) return {};
  try {
    return getArgumentValues(definition, node);
  } catch {
    return undefined;
  }
}

/**
 * Whether a field of `parentType` is an introspection root field.
 *
 * @example
 * isIntrospectionRoot(schema, "Query", "__schema"); // true
 */
export function isIntrospectionRoot(schema: GraphQLSchema, parentType: string, fieldName: string): boolean {
  return (fieldName === "__schema" || fieldName === "__type") && schema.getQueryType()?.name === parentType;
}
