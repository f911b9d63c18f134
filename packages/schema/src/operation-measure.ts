import {
  type FieldNode,
  getNamedType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import { IntrospectionMeter, isIntrospectionRoot } from "./introspection-cost.ts";
import type { QueryLimits } from "./limits.ts";

/**
 * What a selection set costs, relative to where it stands: `depth` levels of fields below it,
 * `cost` at a multiplier of 1 (it scales linearly with the page sizes above), `aliases` once
 * expanded. Relative measures do not depend on where a fragment is spread, so each fragment
 * is measured once however often it is spread: a document of fragments that each spread the
 * next twice is measured in time linear in its length, not its expansion. `introspection` is
 * the part of `cost` introspection answers.
 */
export interface Measure {
  readonly depth: number;
  readonly cost: number;
  readonly aliases: number;
  readonly introspection: number;
}

const NOTHING: Measure = { depth: 0, cost: 0, aliases: 0, introspection: 0 };

/** Connections are recognised by their `pageInfo` field, so no list of types is needed. */
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

/**
 * Measures the operations of one document (one per validation), remembering each fragment's
 * measure.
 */
export class OperationMeasurer {
  private readonly fragments = new Map<string, Measure>();
  private readonly introspection: IntrospectionMeter;

  constructor(
    private readonly context: ValidationContext,
    private readonly limits: QueryLimits,
  ) {
    this.introspection = new IntrospectionMeter(context, limits.maxIntrospectionCost);
  }

  measure(typeName: string, selectionSet: SelectionSetNode): Measure {
    let depth = 0;
    let cost = 0;
    let aliases = 0;
    let introspection = 0;
    const add = (inner: Measure) => {
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
      aliases += inner.aliases;
      introspection += inner.introspection;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases += 1;
        add(this.field(typeName, selection));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(this.measure(selection.typeCondition?.name.value ?? typeName, selection.selectionSet));
      } else {
        add(this.fragment(selection.name.value));
      }
    }
    return { depth, cost, aliases, introspection };
  }

  private field(typeName: string, node: FieldNode): Measure {
    const name = node.name.value;
    const schema = this.context.getSchema();
    // Introspection is answered from the schema: counted exactly, its depth bounded by graphql-js's own rule.
    if (isIntrospectionRoot(schema, typeName, name)) {
      const cost = this.introspection.cost(node);
      return { depth: 0, cost, aliases: 0, introspection: cost };
    }
    if (!node.selectionSet) return { ...NOTHING, depth: 1, cost: 1 };
    const parent = schema.getType(typeName);
    const fieldType = isObjectType(parent) ? parent.getFields()[name]?.type : undefined;
    const childType = fieldType ? getNamedType(fieldType).name : typeName;
    const factor = isConnectionField(this.context, typeName, node)
      ? Math.max(pageSize(node, this.limits), 1)
      : 1;
    const inner = this.measure(childType, node.selectionSet);
    return { ...inner, depth: 1 + inner.depth, cost: 1 + factor * inner.cost };
  }

  private fragment(name: string): Measure {
    const known = this.fragments.get(name);
    if (known) return known;
    const fragment = this.context.getFragment(name);
    if (!fragment) return NOTHING;
    // A cycle (reported by NoFragmentCyclesRule) measures as nothing instead of looping.
    this.fragments.set(name, NOTHING);
    const measured = this.measure(fragment.typeCondition.name.value, fragment.selectionSet);
    this.fragments.set(name, measured);
    return measured;
  }
}
