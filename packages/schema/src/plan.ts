import { ANONYMOUS, assertPermitted, type Caller } from "@tusk/auth";
import { ApiError } from "@tusk/errors";
import type { Resource, ResourceRelation } from "@tusk/registry";
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  Kind,
  type SelectionSetNode,
} from "graphql";
import { withinReach } from "./access.ts";
import { aggregateArgs } from "./aggregates.ts";
import type { TuskContext } from "./context.ts";
import { fieldMeta } from "./field-meta.ts";
import { filterScope, toPrismaWhere } from "./filters.ts";
import type { QueryLimits } from "./limits.ts";
import { toPrismaOrderBy } from "./ordering.ts";
import { pageQuery } from "./pagination.ts";
import { withSearch } from "./search.ts";
import type { ListArgs } from "./sql/index.ts";

/** Everything the planner needs from one execution. */
export interface PlanEnv {
  readonly schema: GraphQLSchema;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly planned: WeakSet<FieldNode> | undefined;
  readonly limits: QueryLimits;
  /** Whose rows: every planned relation reads only what this caller may. */
  readonly caller: Caller;
  /**
   * Relation aggregates are planned into the read (`_aggregates`, compiled to SQL). Off for a
   * write's answer, which Prisma's client selects: its `select` has no such member.
   */
  readonly aggregates: boolean;
}

export type Select = Record<string, unknown>;

/**
 * The planner's view of an execution, from a resolver's `info` (graphql-js and graphql-jit
 * both provide these members).
 *
 * @example
 * const env = planEnv(info, context, limits);
 */
export function planEnv(
  info: GraphQLResolveInfo,
  context: TuskContext | undefined,
  limits: QueryLimits,
  aggregates = true,
): PlanEnv {
  return {
    aggregates,
    schema: info.schema,
    fragments: info.fragments,
    variables: info.variableValues,
    planned: context?.planned,
    limits,
    caller: context?.caller ?? ANONYMOUS,
  };
}

function included(env: PlanEnv, node: FieldNode | { directives?: FieldNode["directives"] }): boolean {
  const holder = node as FieldNode;
  if (getDirectiveValues(GraphQLSkipDirective, holder, env.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, holder, env.variables)?.if !== false;
}

/**
 * Groups the fields of selection sets by response key, following fragments and honouring
 * `@skip`/`@include`, as execution does. The types here are objects without interfaces, so
 * every valid type condition matches.
 *
 * @example
 * collectFields(env, info.fieldNodes.map((n) => n.selectionSet!)); // Map { "name" => [FieldNode] }
 */
export function collectFields(env: PlanEnv, sets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (!included(env, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const group = fields.get(key);
        if (group) group.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment = env.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  for (const set of sets) visit(set, new Set());
  return fields;
}

/** The sub-selections of a group of merged field nodes. */
export function subSelections(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
}

/**
 * Within a connection's selection: the selections on its items (from `nodes` and `edges.node`)
 * and whether `totalCount` is asked for.
 *
 * @example
 * connectionSelection(env, subSelections(info.fieldNodes)).wantsCount; // true for `{ totalCount }`
 */
export function connectionSelection(
  env: PlanEnv,
  sets: readonly SelectionSetNode[],
): { items: SelectionSetNode[]; wantsCount: boolean } {
  const fields = [...collectFields(env, sets).values()].flat();
  const items = subSelections(fields.filter((f) => f.name.value === "nodes"));
  const edges = subSelections(fields.filter((f) => f.name.value === "edges"));
  const edgeFields = [...collectFields(env, edges).values()].flat();
  items.push(...subSelections(edgeFields.filter((f) => f.name.value === "node")));
  return { items, wantsCount: fields.some((f) => f.name.value === "totalCount") };
}

/**
 * Checks an identifier argument: string kinds were normalised by their scalar; numeric ids
 * arrive as `Int` and must still be positive.
 *
 * @example
 * identifierArgument(products, "id", -1); // throws BAD_USER_INPUT naming "id"
 */
export function identifierArgument(resource: Resource, argument: string, value: unknown): string | number {
  const rule = resource.identifier.rule;
  if (rule.isValue(value)) return value as string | number;
  const parsed = rule.parse(String(value));
  const reason = parsed.ok ? `not a valid ${rule.title}` : parsed.error.message;
  throw new ApiError("BAD_USER_INPUT", `Invalid ${argument}: ${reason}.`, {
    invalidParams: [{ name: argument, reason }],
  });
}

/**
 * Prisma arguments for one page of a collection (root or relation) from connection arguments
 * (with its full-text `search`, best match first unless ordered otherwise), kept to the rows
 * the caller may read.
 *
 * @example
 * collectionArgs(products, { where: { price: { gte: "200" } }, first: 10 }, limits, caller);
 */
export function collectionArgs(
  resource: Resource,
  args: Readonly<Record<string, unknown>>,
  limits: QueryLimits,
  caller: Caller,
) {
  const page = pageQuery(resource, args, limits);
  const sort = args.orderBy as { field: string; direction?: "asc" | "desc" }[] | null | undefined;
  const searched = withSearch(
    resource,
    args,
    toPrismaWhere(resource, args.where as Record<string, unknown> | undefined, filterScope(caller, limits)),
    toPrismaOrderBy(resource, sort),
    (sort ?? []).length > 0,
    limits,
  );
  const where = withinReach(searched.where, caller, resource, "read");
  const orderBy = searched.orderBy;
  const find: Omit<ListArgs, "select"> = {
    where,
    orderBy,
    take: page.take,
    ...(page.cursor ? { cursor: page.cursor, skip: page.skip ?? 0 } : {}),
  };
  return { page, where, find };
}

/**
 * Plans `{relation}Aggregate` into the parent row's `_aggregates`, under its response key, so
 * the read's one statement computes it. A filter the codecs refuse leaves it to its resolver.
 */
function planAggregate(
  env: PlanEnv,
  definition: GraphQLField<unknown, unknown>,
  select: Select,
  nodes: readonly FieldNode[],
  relation: ResourceRelation,
  mark: boolean,
): void {
  const first = nodes[0]!;
  const args = getArgumentValues(definition, first, env.variables as Record<string, unknown>);
  let where: Select;
  try {
    where = withinReach(
      toPrismaWhere(relation.target, args.where as Select | undefined, filterScope(env.caller, env.limits)),
      env.caller,
      relation.target,
      "read",
    );
  } catch (error) {
    if (mark && error instanceof ApiError) return;
    throw error;
  }
  select._aggregates ??= {};
  (select._aggregates as Select)[first.alias?.value ?? first.name.value] = {
    relation: relation.name,
    where,
    ...aggregateArgs(relation.target),
  };
  if (mark) for (const node of nodes) env.planned?.add(node);
}

/**
 * Adds to `select` what one field group of a resource type needs. Relations are planned only
 * once per relation name; a second alias of the same relation is left to its resolver.
 * `mark` records planned nodes so resolvers read from their parent.
 */
export function planField(
  env: PlanEnv,
  type: GraphQLObjectType,
  select: Select,
  nodes: readonly FieldNode[],
  mark: boolean,
): void {
  const first = nodes[0]!;
  const definition = type.getFields()[first.name.value];
  const meta = fieldMeta(definition);
  if (!definition || !meta) return;
  if (meta.kind === "scalar") {
    select[meta.field.name] = true;
    return;
  }
  if (meta.kind === "uri") return;
  if (meta.kind === "relation-aggregate") {
    if (env.aggregates) planAggregate(env, definition, select, nodes, meta.relation, mark);
    return;
  }
  const name = meta.relation.name;
  if (select[name] !== undefined) return;
  const target = meta.relation.target;
  const args = getArgumentValues(definition, first, env.variables as Record<string, unknown>);
  let relationArgs: Select;
  let countWhere: Select | undefined;
  try {
    if (meta.kind === "to-one") {
      // A required to-one leads, by the registry's owner chains, to a row the caller may
      // read whenever they may read the resource; without that permission it is an error here.
      assertPermitted(env.caller, target, "read");
      relationArgs = {};
    } else if (meta.kind === "nested-item") {
      const idField = meta.child.identifier.field.name;
      const id = identifierArgument(meta.child, idField, args[idField]);
      relationArgs = { where: withinReach({ [idField]: id }, env.caller, meta.child, "read"), take: 1 };
    } else {
      const { find, where } = collectionArgs(target, args, env.limits, env.caller);
      relationArgs = find;
      countWhere = where;
    }
  } catch (error) {
    // Leave a field with bad arguments unplanned: its resolver then reports the error at the
    // field's own path, and its siblings still resolve.
    if (mark && error instanceof ApiError) return;
    throw error;
  }
  if (meta.kind === "connection") {
    const { items, wantsCount } = connectionSelection(env, subSelections(nodes));
    select[name] = { ...relationArgs, select: planSelect(env, target, items) };
    if (wantsCount) {
      select._count ??= { select: {} };
      (select._count as { select: Select }).select[name] = { where: countWhere };
    }
  } else {
    const resource = meta.kind === "nested-item" ? meta.child : target;
    select[name] = { ...relationArgs, select: planSelect(env, resource, subSelections(nodes)) };
  }
  if (mark) for (const node of nodes) env.planned?.add(node);
}

/**
 * The Prisma `select` for items of a resource, from the selection sets asking for them:
 * requested scalars, nested relation selects with their own where/orderBy/take/cursor and
 * `_count` for totals, always the identifier (and a nested-only resource's parent key) so URIs,
 * cursors and relation loaders can be made.
 *
 * @example
 * planSelect(env, products, subSelections(info.fieldNodes));
 * // { id: true, name: true, categories: { where: {}, orderBy: [{ id: "asc" }], take: 21, select: { id: true, name: true } } }
 */
export function planSelect(env: PlanEnv, resource: Resource, sets: readonly SelectionSetNode[]): Select {
  const select: Select = { [resource.identifier.field.name]: true };
  for (const key of resource.parent?.relation.foreignKeys ?? []) select[key] = true;
  const type = env.schema.getType(resource.model) as GraphQLObjectType;
  for (const nodes of collectFields(env, sets).values()) planField(env, type, select, nodes, true);
  return select;
}
