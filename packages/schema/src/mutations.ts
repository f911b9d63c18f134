import { assertPermitted, type Caller } from "@tusk/auth";
import { toApiError } from "@tusk/db";
import { ApiError } from "@tusk/errors";
import { nestedCreations, type Resource, type ResourceRelation } from "@tusk/registry";
import {
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLFieldResolver,
  GraphQLNonNull,
} from "graphql";
import { uniqueWithinReach } from "./access.ts";
import { bulkMutationFields } from "./bulk-mutations.ts";
import type { TuskContext } from "./context.ts";
import { createRow, errorAt } from "./creation.ts";
import { delegate, type ModelDelegate } from "./delegate.ts";
import { fieldScalar } from "./field-types.ts";
import { inputType, validateCreateInput, validateInput } from "./inputs.ts";
import { graphqlNames, parentArgument } from "./names.ts";
import { resourceType, type TypeBuilder } from "./object-types.ts";
import { identifierArgument, planEnv, planSelect, type Select, subSelections } from "./plan.ts";
import { scalarForIdentifier } from "./scalars.ts";
import { withScope } from "./scope-notes.ts";

type Row = Record<string, unknown>;
type Args = Record<string, unknown>;
/** One write inside its transaction, on behalf of a caller already allowed to write the resource. */
type Write = (
  model: ModelDelegate,
  args: Args,
  select: Select,
  on: { tx: object; caller: Caller },
) => Promise<Row>;

/**
 * Arguments addressing one existing item: its identifier and, for a nested-only resource, its
 * parent's (`updateLineItem(orderId:, id:)`).
 */
function addressArguments(resource: Resource): GraphQLFieldConfigArgumentMap {
  const args: GraphQLFieldConfigArgumentMap = {};
  const parentKey = parentArgument(resource);
  const parentField = parentKey ? resource.field(parentKey) : undefined;
  if (parentKey && parentField)
    args[parentKey] = { type: new GraphQLNonNull(fieldScalar(resource, parentField)) };
  const idField = resource.identifier.field.name;
  args[idField] = { type: new GraphQLNonNull(scalarForIdentifier(resource.identifier.rule)) };
  return args;
}

/** The Prisma unique `where` from address arguments, each checked by its identifier rule. */
function addressWhere(resource: Resource, args: Args): Row {
  const idField = resource.identifier.field.name;
  const where: Row = { [idField]: identifierArgument(resource, idField, args[idField]) };
  const parentKey = parentArgument(resource);
  if (parentKey && resource.parent)
    where[parentKey] = identifierArgument(resource.parent.resource, parentKey, args[parentKey]);
  return where;
}

/**
 * The optional expected-version argument of update and delete, for a resource that has a
 * version.
 */
function versionArgument(resource: Resource): GraphQLFieldConfigArgumentMap {
  const name = graphqlNames(resource).expectedVersionArg;
  const version = resource.version;
  if (!name || !version) return {};
  return {
    [name]: {
      type: fieldScalar(resource, version),
      description: `Only write if ${version.name} still has this value (as last read); otherwise PRECONDITION_FAILED and nothing changes.`,
    },
  };
}

/**
 * The `where` of an update or delete: the address within the caller's reach (another user's
 * row is not found), plus the expected version when one is given. The version is compared in the
 * same UPDATE or DELETE statement, so of two writers that read the same version only the first
 * succeeds: the second finds no such row.
 */
function writeWhere(resource: Resource, args: Args, caller: Caller): Row {
  const where = addressWhere(resource, args);
  const expected = expectedVersion(resource, args);
  const version = resource.version;
  const versioned = version && expected !== undefined ? { ...where, [version.name]: expected } : where;
  return uniqueWithinReach(versioned, caller, resource, "write");
}

function expectedVersion(resource: Resource, args: Args): unknown {
  const name = graphqlNames(resource).expectedVersionArg;
  return name === undefined ? undefined : (args[name] ?? undefined);
}

/**
 * A write with an expected version that found no row: 412 when the row is there with another
 * version (someone else wrote first), else the NOT_FOUND it already is.
 */
async function versionConflict(
  context: TuskContext,
  resource: Resource,
  args: Args,
  error: unknown,
): Promise<unknown> {
  if (!(error instanceof ApiError) || error.code !== "NOT_FOUND") return error;
  if (expectedVersion(resource, args) === undefined) return error;
  const idField = resource.identifier.field.name;
  const current = await delegate(context.prisma, resource).findUnique({
    where: uniqueWithinReach(addressWhere(resource, args), context.caller, resource, "write"),
    select: { [idField]: true },
  });
  if (!current) return error;
  return new ApiError(
    "PRECONDITION_FAILED",
    `The ${resource.singular} has changed since the ${resource.version?.name} given in ${graphqlNames(resource).expectedVersionArg}.`,
  );
}

/**
 * Runs one write in a transaction, selecting what the mutation's selection asks for, and
 * translates Prisma's errors. The caller needs the resource's `write` scope (else 401/403).
 */
function writeResolver(
  builder: TypeBuilder,
  resource: Resource,
  write: Write,
): GraphQLFieldResolver<unknown, TuskContext, Args> {
  return async (_root, args, context, info) => {
    assertPermitted(context.caller, resource, "write");
    const { caller } = context;
    const select = planSelect(
      planEnv(info, context, builder.limits, false),
      resource,
      subSelections(info.fieldNodes),
    );
    try {
      return await context.prisma.$transaction((tx) =>
        write(delegate(tx, resource), args, select, { tx, caller }),
      );
    } catch (error) {
      const translated = await versionConflict(
        context,
        resource,
        args,
        toApiError(error, {
          resource: { model: resource.model, identifier: { field: resource.identifier.field.name } },
        }),
      );
      // Fields of a write with an input are named `input.<field>`, as validation names them.
      throw "input" in args ? errorAt(resource, translated, "input") : translated;
    }
  };
}

function membershipFields(
  builder: TypeBuilder,
  resource: Resource,
  relation: ResourceRelation,
): GraphQLFieldConfigMap<unknown, TuskContext> {
  const names = graphqlNames(resource);
  const type = new GraphQLNonNull(resourceType(builder, resource));
  const target = relation.target;
  const targetArg = names.membershipTargetArg(relation);
  const args: GraphQLFieldConfigArgumentMap = {
    ...addressArguments(resource),
    [targetArg]: { type: new GraphQLNonNull(scalarForIdentifier(target.identifier.rule)) },
  };
  const change =
    (verb: "connect" | "disconnect"): Write =>
    (model, a, select, { caller }) => {
      const targetId = identifierArgument(target, targetArg, a[targetArg]);
      const targetWhere = uniqueWithinReach(
        { [target.identifier.field.name]: targetId },
        caller,
        target,
        "read",
      );
      return model.update({
        where: uniqueWithinReach(addressWhere(resource, a), caller, resource, "write"),
        data: { [relation.name]: { [verb]: targetWhere } },
        select,
      });
    };
  return {
    [names.addMembershipMutation(relation)]: {
      type,
      args,
      description: withScope(
        `Adds a ${target.singular} to this ${resource.singular}'s ${relation.name}; adding one already there changes nothing.`,
        resource,
        "write",
      ),
      resolve: writeResolver(builder, resource, change("connect")),
    },
    [names.removeMembershipMutation(relation)]: {
      type,
      args,
      description: withScope(
        `Removes a ${target.singular} from this ${resource.singular}'s ${relation.name}; removing one not there changes nothing.`,
        resource,
        "write",
      ),
      resolve: writeResolver(builder, resource, change("disconnect")),
    },
  };
}

/** What a create does: with the to-many relations whose items it may create in the same transaction. */
function createDescription(resource: Resource): string {
  const nested = nestedCreations(resource).map((n) => n.relation.name);
  if (nested.length === 0) return `Creates a ${resource.singular}.`;
  return `Creates a ${resource.singular} and the ${nested.join(" and ")} given with it, in one transaction: all or nothing.`;
}

/**
 * The mutations of one writable resource: create, update (never of identifiers), delete, and
 * add/remove for each writable many-to-many membership.
 *
 * @example
 * new GraphQLObjectType({ name: "Mutation", fields: { ...mutationFields(builder, books) } });
 */
export function mutationFields(
  builder: TypeBuilder,
  resource: Resource,
): GraphQLFieldConfigMap<unknown, TuskContext> {
  if (!resource.writable) return {};
  const names = graphqlNames(resource);
  const type = new GraphQLNonNull(resourceType(builder, resource));
  const fields: GraphQLFieldConfigMap<unknown, TuskContext> = {
    [names.createMutation]: {
      type,
      description: withScope(createDescription(resource), resource, "write"),
      args: { input: { type: new GraphQLNonNull(inputType(builder.cache, resource, "create")) } },
      resolve: writeResolver(builder, resource, (model, args, select, on) =>
        createRow(model, on, resource, validateCreateInput(resource, args.input as Row), select),
      ),
    },
    [names.updateMutation]: {
      type,
      description: withScope(`Changes a ${resource.singular}; identifiers cannot change.`, resource, "write"),
      args: {
        ...addressArguments(resource),
        input: { type: new GraphQLNonNull(inputType(builder.cache, resource, "update")) },
        ...versionArgument(resource),
      },
      resolve: writeResolver(builder, resource, (model, args, select, { caller }) =>
        model.update({
          where: writeWhere(resource, args, caller),
          data: validateInput(resource, args.input as Row),
          select,
        }),
      ),
    },
    [names.deleteMutation]: {
      type,
      description: withScope(`Deletes a ${resource.singular} and returns it as it was.`, resource, "write"),
      args: { ...addressArguments(resource), ...versionArgument(resource) },
      resolve: writeResolver(builder, resource, (model, args, select, { caller }) =>
        model.delete({ where: writeWhere(resource, args, caller), select }),
      ),
    },
  };
  for (const relation of resource.relations.filter((r) => r.membershipWritable))
    Object.assign(fields, membershipFields(builder, resource, relation));
  return { ...fields, ...bulkMutationFields(builder, resource) };
}
