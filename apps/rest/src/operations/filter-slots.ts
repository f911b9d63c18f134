import type { Resource } from "@tusk/registry";
import { type GraphQLSchema, isInputObjectType } from "graphql";
import type { PreparedOperation } from "../executor/types.ts";
import { graphqlNames } from "./names.ts";

/**
 * How many conditions with the same operator on the same field a document
 * holds (`?name=contains(a)&name=contains(b)` needs two). Each level costs one
 * variable per filterable field; a filter that needs more levels runs on the
 * fallback document (see {@link FilterSlots.encode}).
 */
export const FILTER_LEVELS = 2;

type Filter = Record<string, unknown>;

/**
 * A route's `where` spread over one variable per filterable field and level,
 * each of the field's operator input type (`DecimalFilter`, `StringFilter`),
 * none of them recursive: graphql-jit 0.8 never finishes compiling a document
 * with a variable of a recursive input type such as `ProductFilter` (with its
 * `AND`/`OR`/`NOT`; zalando-incubator/graphql-jit#81).
 */
export interface FilterSlots {
  /** The filter input the slots stand for, e.g. `ProductFilter`. */
  readonly filterType: string;
  /** Variable declarations, e.g. `$where_price: DecimalFilter`. */
  readonly variables: readonly string[];
  /** The `where` object literal, e.g. `{ price: $where_price, AND: [{ price: $where1_price }] }`. */
  readonly literal: string;
  /**
   * The slot variables for a filter value, or undefined when it does not fit
   * them (`OR`, `NOT`, or more than {@link FILTER_LEVELS} conditions with one
   * operator on one field). Conditions on one field merge into one operator
   * object (`price >= 10 AND price < 50` is `{ gte: 10, lt: 50 }`), which the
   * schema reads exactly as the `AND` of both. An unset slot is omitted by
   * graphql-js and passed as null by graphql-jit; the schema ignores a null
   * field filter, so both read the same.
   */
  encode(where: unknown): Record<string, unknown> | undefined;
}

const slotName = (level: number, field: string) => `where${level === 0 ? "" : level}_${field}`;

/** Flattens nested `AND`s into `[field, operators]` pairs; undefined if anything else is present. */
function conditionsOf(filter: Filter, into: [string, Filter][], fields: ReadonlySet<string>): boolean {
  for (const [key, value] of Object.entries(filter)) {
    if (value === null || value === undefined) continue;
    if (key === "AND" && Array.isArray(value)) {
      for (const item of value) {
        if (typeof item !== "object" || item === null || !conditionsOf(item as Filter, into, fields))
          return false;
      }
    } else if (fields.has(key) && typeof value === "object") {
      into.push([key, value as Filter]);
    } else {
      return false;
    }
  }
  return true;
}

/**
 * The filter slots of `resource`, with operator types read from the
 * schema's `{Type}Filter` input.
 *
 * @example
 * const slots = filterSlots(schema, products);
 * slots.encode({ AND: [{ price: { gte: "10" } }, { price: { lt: "50" } }] });
 * // { where_price: { gte: "10", lt: "50" } }
 */
export function filterSlots(schema: GraphQLSchema, resource: Resource): FilterSlots {
  const filterType = schema.getType(graphqlNames(resource).filterInput);
  if (!isInputObjectType(filterType))
    throw new Error(`The GraphQL schema has no filter for ${resource.model}`);
  const operatorTypes = Object.values(filterType.getFields())
    .filter((field) => resource.field(field.name) && isInputObjectType(field.type))
    .map((field) => [field.name, String(field.type)] as const);
  const fields = new Set(operatorTypes.map(([name]) => name));
  const variables: string[] = [];
  const levels: string[] = [];
  for (let level = 0; level < FILTER_LEVELS; level++) {
    const entries = operatorTypes.map(([name, type]) => {
      variables.push(`$${slotName(level, name)}: ${type}`);
      return `${name}: $${slotName(level, name)}`;
    });
    levels.push(`{ ${entries.join(", ")} }`);
  }
  const [first = "{}", ...rest] = levels;
  const literal = rest.length > 0 ? `${first.slice(0, -1)}, AND: [${rest.join(", ")}] }` : first;

  return {
    filterType: filterType.name,
    variables,
    literal,
    encode(where) {
      if (where === null || where === undefined) return {};
      if (typeof where !== "object") return undefined;
      const conditions: [string, Filter][] = [];
      if (!conditionsOf(where as Filter, conditions, fields)) return undefined;
      const slots: Record<string, Filter> = {};
      for (const [field, operators] of conditions) {
        const given = Object.entries(operators).filter(([, operand]) => operand !== undefined);
        let placed = false;
        for (let level = 0; level < FILTER_LEVELS && !placed; level++) {
          const name = slotName(level, field);
          const slot = slots[name] ?? {};
          if (given.some(([operator]) => operator in slot)) continue;
          slots[name] = Object.assign(slot, Object.fromEntries(given));
          placed = true;
        }
        if (!placed) return undefined;
      }
      return slots;
    },
  };
}

/**
 * `operation` (whose `where` is `slots.literal`) with a `bind` that spreads a
 * route's `where` over the slots, or hands the variables unchanged to the
 * fallback document (one `$where` of the filter type), built on first need.
 *
 * @example
 * const operation = bindFilterSlots(built, slots, () => buildWithWhereVariable());
 * operation.bind?.({ where: { AND: [{ price: { gte: "10" } }] }, first: 10 });
 * // { operation, variables: { first: 10, where_price: { gte: "10" } } }
 */
export function bindFilterSlots(
  operation: PreparedOperation,
  slots: FilterSlots,
  buildFallback: () => PreparedOperation,
): PreparedOperation {
  let fallback: PreparedOperation | undefined;
  const bound: PreparedOperation = {
    ...operation,
    bind: (variables) => {
      const { where, ...rest } = variables;
      const encoded = slots.encode(where);
      if (encoded) return { operation: bound, variables: { ...rest, ...encoded } };
      fallback ??= buildFallback();
      return { operation: fallback, variables };
    },
  };
  return bound;
}
