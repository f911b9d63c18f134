import { type Caller, rowFilter } from "@tusk/auth";
import { ApiError } from "@tusk/errors";
import type { ResourceRelation } from "@tusk/registry";
import { GraphQLInputObjectType } from "graphql";
import { withinReach } from "./access.ts";
import type { QueryLimits } from "./limits.ts";
import { graphqlNames } from "./names.ts";
import type { TypeCache } from "./type-cache.ts";

type Filter = Readonly<Record<string, unknown>>;
type Where = Record<string, unknown>;

/** Quantifiers over a to-many relation's rows; `count` compares how many there are. */
export const TO_MANY_QUANTIFIERS = ["some", "none", "every"] as const;
/** Conditions on a to-one relation's row. */
export const TO_ONE_QUANTIFIERS = ["is", "isNot"] as const;

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  some: "At least one related row matches.",
  none: "No related row matches.",
  every: "Every related row matches (true when there are none).",
  is: "The related row matches.",
  isNot: "The related row does not match.",
};

/**
 * The filter input for a relation, named after its target: `{Target}ListRelationFilter`
 * (`some`, `none`, `every`, `count`) for a to-many relation, `{Target}RelationFilter` (`is`,
 * `isNot`) for a to-one. `targetFilter` is the target's `{Target}Filter`, `countFilter` the
 * `IntFilter` that `count` takes.
 *
 * @example
 * relationFilter(cache, products.relation("categories")!, categoryFilter, intFilter).name;
 * // "CategoryListRelationFilter"
 */
export function relationFilter(
  cache: TypeCache,
  relation: ResourceRelation,
  targetFilter: GraphQLInputObjectType,
  countFilter: GraphQLInputObjectType,
): GraphQLInputObjectType {
  const names = graphqlNames(relation.target);
  const toOne = relation.cardinality === "to-one";
  const name = toOne ? names.relationFilterInput : names.listRelationFilterInput;
  return cache.once(name, () => {
    const quantifiers: readonly string[] = toOne ? TO_ONE_QUANTIFIERS : TO_MANY_QUANTIFIERS;
    return new GraphQLInputObjectType({
      name,
      description: toOne
        ? `Conditions on a related ${relation.target.singular}, among the rows the caller may read.`
        : `Conditions on related ${relation.target.plural}, among the rows the caller may read; every given entry must hold.`,
      fields: () => ({
        ...Object.fromEntries(
          quantifiers.map((q) => [q, { type: targetFilter, description: DESCRIPTIONS[q] }]),
        ),
        ...(toOne ? {} : { count: { type: countFilter, description: "How many related rows there are." } }),
      }),
    });
  });
}

/** Who filters, and how deep relation filters may nest. */
export interface FilterScope {
  readonly caller: Caller;
  /** Most relations one filter may cross, counting each nested relation filter. */
  readonly maxRelationDepth: number;
}

/**
 * The scope of a filter given by `caller` under `limits`.
 *
 * @example
 * toPrismaWhere(products, args.where, filterScope(context.caller, limits));
 */
export function filterScope(
  caller: Caller,
  limits: Pick<QueryLimits, "maxRelationFilterDepth">,
): FilterScope {
  return { caller, maxRelationDepth: limits.maxRelationFilterDepth };
}

/**
 * Translates one relation's filter (`{ some: {...}, count: { gte: 2 } }`) into the Prisma-shaped
 * relation filter the SQL compiler reads, every quantifier over the related rows the caller may
 * read, so a filter never tells anything about rows outside them: `some`/`none`/`is`/`isNot`
 * take the target's row rule into their condition, `every` holds for rows outside it, and
 * `count` (`_count`, beyond Prisma) counts only rows within it. `nested` translates the target's
 * own filter at the path given.
 *
 * @example
 * relationWhere(products.relation("categories")!, { some: { name: { equals: "Widgets" } } }, scope, "where.categories", nested);
 * // { some: { name: { equals: "Widgets" } } }
 */
export function relationWhere(
  relation: ResourceRelation,
  filter: Filter,
  scope: FilterScope,
  path: string,
  nested: (filter: Filter, path: string) => Where,
): Where | undefined {
  const target = relation.target;
  const out: Where = {};
  for (const [quantifier, value] of Object.entries(filter)) {
    if (value === null || value === undefined) continue;
    const at = `${path}.${quantifier}`;
    if (quantifier === "count") {
      const operators = Object.fromEntries(
        Object.entries(value as Filter).filter(([, operand]) => operand !== null && operand !== undefined),
      );
      if (Object.keys(operators).length === 0) continue;
      const rows = rowFilter(scope.caller, target, "read");
      out._count = Object.keys(rows).length === 0 ? { value: operators } : { where: rows, value: operators };
    } else if (quantifier === "every") {
      const rows = rowFilter(scope.caller, target, "read");
      const where = nested(value as Filter, at);
      out.every = Object.keys(rows).length === 0 ? where : { OR: [{ NOT: [rows] }, where] };
    } else {
      out[quantifier] = withinReach(nested(value as Filter, at), scope.caller, target, "read");
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Refuses a relation filter nested past `scope.maxRelationDepth` relations, naming its path:
 * each level is one more correlated subquery for every row the read considers.
 *
 * @example
 * assertRelationDepth({ caller, maxRelationDepth: 3 }, 4, "where.categories.some.products");
 * // throws BAD_USER_INPUT
 */
export function assertRelationDepth(scope: FilterScope, depth: number, path: string): void {
  if (depth <= scope.maxRelationDepth) return;
  const reason = `crosses more than ${scope.maxRelationDepth} relations`;
  throw new ApiError("BAD_USER_INPUT", `invalid ${path}: ${reason}`, {
    invalidParams: [{ name: path, reason }],
  });
}

/**
 * Whether a Prisma-shaped `where` compares how many related rows there are (`_count`), which
 * only the read compiler reads: Prisma's client refuses it, so a write by such a filter first
 * reads the identifiers it matches.
 *
 * @example
 * countsRelatedRows({ AND: [{ categories: { _count: { value: { gte: 2 } } } }] }); // true
 */
export function countsRelatedRows(where: unknown): boolean {
  if (Array.isArray(where)) return where.some(countsRelatedRows);
  if (where === null || typeof where !== "object" || where instanceof Date) return false;
  return Object.entries(where).some(([key, value]) => key === "_count" || countsRelatedRows(value));
}
