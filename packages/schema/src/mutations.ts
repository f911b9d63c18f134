import { toApiError } from "@tusk/db";
import { ApiError } from "@tusk/errors";
import type { Resource, ResourceRelation } from "@tusk/registry";
import {
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLFieldResolver,
  GraphQLNonNull,
} from "graphql";
import type { TuskContext } from "./context.ts";
import { delegate, type ModelDelegate } from "./delegate.ts";
import { fieldScalar } from "./field-types.ts";
import { inputType, validateInput } from "./inputs.ts";
import { graphqlNames, parentArgument } from "./names.ts";
import { resourceType, type TypeBuilder } from "./object-types.ts";
import { identifierArgument, planEnv, planSelect, type Select, subSelections } from "./plan.ts";
import { scalarForIdentifier } from "./scalars.ts";

type Row = Record<string, unknown>;
type Args = Record<string, unknown>;
type Write = (model: ModelDelegate, args: Args, select: Select) => Promise<Row>;

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
 * Runs one write in a transaction, selecting what the mutation's selection asks for, and
 * translates Prisma's errors.
 */
function writeResolver(
  builder: TypeBuilder,
  resource: Resource,
  write: Write,
): GraphQLFieldResolver<unknown, TuskContext, Args> {
  return async (_root, args, context, info) => {
    const select = planSelect(
      planEnv(info, context, builder.limits),
      resource,
      subSelections(info.fieldNodes),
    );
    try {
      return await context.prisma.$transaction((tx) => write(delegate(tx, resource), args, select));
    } catch (error) {
      const translated = toApiError(error, {
        resource: { model: resource.model, identifier: { field: resource.identifier.field.name } },
      });
      throw "input" in args ? inInput(resource, translated) : translated;
    }
  };
}

/** Names the fields of an error from a write with an input as `input.<field>`, like validation does. */
function inInput(resource: Resource, error: unknown): unknown {
  if (!(error instanceof ApiError) || error.invalidParams.length === 0) return error;
  const invalidParams = error.invalidParams.map((p) =>
    resource.field(p.name) ? { name: `input.${p.name}`, reason: p.reason } : p,
  );
  return new ApiError(error.code, error.message, { invalidParams, cause: error.cause });
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
    (model, a, select) => {
      const targetId = identifierArgument(target, targetArg, a[targetArg]);
      return model.update({
        where: addressWhere(resource, a),
        data: { [relation.name]: { [verb]: { [target.identifier.field.name]: targetId } } },
        select,
      });
    };
  return {
    [names.addMembershipMutation(relation)]: {
      type,
      args,
      description: `Adds a ${target.singular} to this ${resource.singular}'s ${relation.name}; adding one already there changes nothing.`,
      resolve: writeResolver(builder, resource, change("connect")),
    },
    [names.removeMembershipMutation(relation)]: {
      type,
      args,
      description: `Removes a ${target.singular} from this ${resource.singular}'s ${relation.name}; removing one not there changes nothing.`,
      resolve: writeResolver(builder, resource, change("disconnect")),
    },
  };
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
      description: `Creates a ${resource.singular}.`,
      args: { input: { type: new GraphQLNonNull(inputType(builder.cache, resource, "create")) } },
      resolve: writeResolver(builder, resource, (model, args, select) =>
        model.create({ data: validateInput(resource, args.input as Row), select }),
      ),
    },
    [names.updateMutation]: {
      type,
      description: `Changes a ${resource.singular}; identifiers cannot change.`,
      args: {
        ...addressArguments(resource),
        input: { type: new GraphQLNonNull(inputType(builder.cache, resource, "update")) },
      },
      resolve: writeResolver(builder, resource, (model, args, select) =>
        model.update({
          where: addressWhere(resource, args),
          data: validateInput(resource, args.input as Row),
          select,
        }),
      ),
    },
    [names.deleteMutation]: {
      type,
      description: `Deletes a ${resource.singular} and returns it as it was.`,
      args: addressArguments(resource),
      resolve: writeResolver(builder, resource, (model, args, select) =>
        model.delete({ where: addressWhere(resource, args), select }),
      ),
    },
  };
  for (const relation of resource.relations.filter((r) => r.membershipWritable))
    Object.assign(fields, membershipFields(builder, resource, relation));
  return fields;
}
