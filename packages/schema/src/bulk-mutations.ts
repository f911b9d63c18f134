import { assertPermitted } from "@tusk/auth";
import { ApiError, type InvalidParam } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import {
  type GraphQLFieldConfigMap,
  type GraphQLFieldResolver,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
} from "graphql";
import { withinReach } from "./access.ts";
import type { TuskContext } from "./context.ts";
import { createRow, errorAt } from "./creation.ts";
import { delegate, type ModelDelegate } from "./delegate.ts";
import { filterScope, resourceFilter, toPrismaWhere } from "./filters.ts";
import { type CreateData, inputType, validateCreateInput, validateInput } from "./inputs.ts";
import type { QueryLimits } from "./limits.ts";
import { graphqlNames } from "./names.ts";
import { resourceType, type TypeBuilder } from "./object-types.ts";
import { planEnv, planSelect, subSelections } from "./plan.ts";
import { countsRelatedRows } from "./relation-filters.ts";
import { withScope } from "./scope-notes.ts";
import { findManyRows, type RawQueries } from "./sql/index.ts";

type Row = Record<string, unknown>;
type Args = Record<string, unknown>;

/** Every item of a bulk create checked at once; one refusal names every item and field at fault. */
function validateAll(resource: Resource, inputs: readonly Row[]): CreateData[] {
  const problems: InvalidParam[] = [];
  const created = inputs.map((input, index) => {
    try {
      return validateCreateInput(resource, input, `input[${index}]`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      problems.push(...error.invalidParams);
      return undefined;
    }
  });
  if (problems.length > 0) {
    const summary = problems.map((p) => `${p.name} ${p.reason}`).join("; ");
    throw new ApiError("BAD_USER_INPUT", `Invalid input: ${summary}.`, { invalidParams: problems });
  }
  return created as CreateData[];
}

function createManyResolver(
  builder: TypeBuilder,
  resource: Resource,
): GraphQLFieldResolver<unknown, TuskContext, Args> {
  const { maxBulkWrite } = builder.limits;
  return async (_root, args, context, info) => {
    assertPermitted(context.caller, resource, "write");
    const inputs = args.input as Row[];
    if (inputs.length > maxBulkWrite) {
      const reason = `at most ${maxBulkWrite} items at once; ${inputs.length} were given`;
      throw new ApiError("PAYLOAD_TOO_LARGE", `Too many ${resource.plural}: ${reason}.`, {
        invalidParams: [{ name: "input", reason }],
      });
    }
    const created = validateAll(resource, inputs);
    const select = planSelect(
      planEnv(info, context, builder.limits, false),
      resource,
      subSelections(info.fieldNodes),
    );
    const { caller } = context;
    return context.prisma.$transaction(async (tx) => {
      const rows: Row[] = [];
      for (const [index, item] of created.entries()) {
        try {
          rows.push(await createRow(delegate(tx, resource), { tx, caller }, resource, item, select));
        } catch (error) {
          throw errorAt(resource, error, `input[${index}]`);
        }
      }
      return rows;
    });
  };
}

function tooMany(resource: Resource, count: number, atMost: number): ApiError {
  const reason = `${count} ${resource.plural} match, more than ${atMost}; nothing was changed`;
  return new ApiError("BAD_USER_INPUT", `Too many ${resource.plural} would change: ${reason}.`, {
    invalidParams: [{ name: "atMost", reason }],
  });
}

/**
 * `where` as Prisma's client runs it: unchanged, unless it counts related rows (a relation
 * filter's `count`, which only the read compiler reads); then the identifiers of the rows it
 * matches, read by the compiler in the write's transaction, at most `atMost` of them.
 */
async function runnableWhere(tx: RawQueries, resource: Resource, where: Row, atMost: number): Promise<Row> {
  if (!countsRelatedRows(where)) return where;
  const idField = resource.identifier.field.name;
  const select = { [idField]: true };
  const { rows, count } = await findManyRows(tx, resource.model, { where, select, take: atMost + 1 }, where);
  if ((count ?? 0) > atMost) throw tooMany(resource, count ?? 0, atMost);
  return { [idField]: { in: rows.map((row) => row[idField]) } };
}

/**
 * Runs a filtered update or delete in one transaction and answers how many rows it changed;
 * when that is more than `atMost`, the transaction is rolled back and the answer is
 * BAD_USER_INPUT naming `atMost`: nothing changes.
 */
async function countedWrite(
  context: TuskContext,
  resource: Resource,
  atMost: number,
  where: Row,
  write: (model: ModelDelegate, where: Row) => Promise<{ count: number }>,
): Promise<number> {
  try {
    return await context.prisma.$transaction(async (tx) => {
      const runnable = await runnableWhere(tx, resource, where, atMost);
      const { count } = await write(delegate(tx, resource), runnable);
      if (count > atMost) throw tooMany(resource, count, atMost);
      return count;
    });
  } catch (error) {
    throw errorAt(resource, error, "input");
  }
}

/** The Prisma `where` of a filtered write: the filter, within the rows the caller may write. */
function filteredWhere(context: TuskContext, limits: QueryLimits, resource: Resource, args: Args): Row {
  const atMost = args.atMost as number;
  if (atMost < 0)
    throw new ApiError("BAD_USER_INPUT", "atMost must not be negative.", {
      invalidParams: [{ name: "atMost", reason: "must not be negative" }],
    });
  assertPermitted(context.caller, resource, "write");
  return withinReach(
    toPrismaWhere(resource, args.where as Row | undefined, filterScope(context.caller, limits)),
    context.caller,
    resource,
    "write",
  );
}

const WHERE_DESCRIPTION = "The rows to change; without it, every row the caller may write.";

const ATMOST_DESCRIPTION =
  "The most rows this may change: when more match, nothing changes and the answer is BAD_USER_INPUT naming atMost.";

/**
 * The bulk mutations of a writable root resource: create several at once (all or none, at most
 * `maxBulkWrite`), and update or delete every row a filter matches, only if that is at most
 * `atMost` rows; both of those answer the number of rows changed. Rows the caller may not
 * write are neither changed nor counted.
 *
 * @example
 * new GraphQLObjectType({ name: "Mutation", fields: { ...bulkMutationFields(builder, products) } });
 */
export function bulkMutationFields(
  builder: TypeBuilder,
  resource: Resource,
): GraphQLFieldConfigMap<unknown, TuskContext> {
  if (!resource.writable || resource.parent) return {};
  const names = graphqlNames(resource);
  // Without `where`, every row the caller may write: `atMost` still bounds it.
  const filter = resourceFilter(builder.cache, resource);
  const atMost = { type: new GraphQLNonNull(GraphQLInt), description: ATMOST_DESCRIPTION };
  const count = new GraphQLNonNull(GraphQLInt);
  return {
    [names.createManyMutation]: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(resourceType(builder, resource)))),
      description: withScope(
        `Creates several ${resource.plural} (at most ${builder.limits.maxBulkWrite}) in one transaction: all of them or, when one is refused, none.`,
        resource,
        "write",
      ),
      args: {
        input: {
          type: new GraphQLNonNull(
            new GraphQLList(new GraphQLNonNull(inputType(builder.cache, resource, "create"))),
          ),
        },
      },
      resolve: createManyResolver(builder, resource),
    },
    [names.updateManyMutation]: {
      type: count,
      description: withScope(
        `Changes every ${resource.singular} \`where\` matches, if that is at most \`atMost\`; answers how many changed.`,
        resource,
        "write",
      ),
      args: {
        where: { type: filter, description: WHERE_DESCRIPTION },
        input: { type: new GraphQLNonNull(inputType(builder.cache, resource, "update")) },
        atMost,
      },
      resolve: (_root, args, context) => {
        const where = filteredWhere(context, builder.limits, resource, args);
        const data = validateInput(resource, args.input as Row);
        return countedWrite(context, resource, args.atMost as number, where, (model, runnable) =>
          model.updateMany({ where: runnable, data }),
        );
      },
    },
    [names.deleteManyMutation]: {
      type: count,
      description: withScope(
        `Deletes every ${resource.singular} \`where\` matches, if that is at most \`atMost\`; answers how many were deleted.`,
        resource,
        "write",
      ),
      args: { where: { type: filter, description: WHERE_DESCRIPTION }, atMost },
      resolve: (_root, args, context) => {
        const where = filteredWhere(context, builder.limits, resource, args);
        return countedWrite(context, resource, args.atMost as number, where, (model, runnable) =>
          model.deleteMany({ where: runnable }),
        );
      },
    },
  };
}
