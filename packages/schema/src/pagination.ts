import { ApiError } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import type { QueryLimits } from "./limits.ts";

/** Connection arguments as GraphQL hands them over. */
export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

/** The Prisma arguments for one page, plus what is needed to shape the result. */
export interface PageQuery {
  readonly take: number;
  readonly skip?: number;
  readonly cursor?: Record<string, unknown>;
  readonly size: number;
  readonly backward: boolean;
  readonly hasCursor: boolean;
}

/**
 * Opaque cursor: the type and identifier of a row, base64url-encoded JSON. Prisma pages from
 * the row with that identifier, so a cursor stays valid while other rows come and go.
 *
 * @example
 * encodeCursor(products, { id: 73924 }); // "WyJQcm9kdWN0Iiw3MzkyNF0"
 */
export function encodeCursor(resource: Resource, row: Readonly<Record<string, unknown>>): string {
  const id = row[resource.identifier.field.name];
  return Buffer.from(JSON.stringify([resource.model, id])).toString("base64url");
}

/**
 * Reads a cursor back into a Prisma `cursor`; anything not made by {@link encodeCursor} for this
 * resource is `BAD_USER_INPUT`.
 *
 * @example
 * decodeCursor(products, "WyJQcm9kdWN0Iiw3MzkyNF0", "after"); // { id: 73924 }
 */
export function decodeCursor(resource: Resource, cursor: string, argument: string): Record<string, unknown> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    decoded[0] !== resource.model ||
    !resource.identifier.rule.isValue(decoded[1])
  ) {
    const reason = `not a cursor of this ${resource.model} list`;
    throw new ApiError("BAD_USER_INPUT", `Invalid cursor in "${argument}": ${reason}.`, {
      invalidParams: [{ name: argument, reason }],
    });
  }
  return { [resource.identifier.field.name]: decoded[1] };
}

function checkSize(argument: string, value: number, limits: QueryLimits): number {
  if (!Number.isInteger(value) || value < 0 || value > limits.maxPageSize) {
    const reason = `must be between 0 and ${limits.maxPageSize}`;
    throw new ApiError("BAD_USER_INPUT", `"${argument}" ${reason}; got ${value}.`, {
      invalidParams: [{ name: argument, reason }],
    });
  }
  return value;
}

/**
 * Turns `first/after` or `last/before` into Prisma's `take`/`skip`/`cursor`. One extra row is
 * fetched to know whether another page follows. Mixing directions is refused.
 *
 * @example
 * pageQuery(products, { first: 10 }, limits); // { take: 11, size: 10, backward: false, ... }
 */
export function pageQuery(resource: Resource, args: PageArgs, limits: QueryLimits): PageQuery {
  const forward = args.first != null || args.after != null;
  const backward = args.last != null || args.before != null;
  if (forward && backward) {
    const reason = "use first/after or last/before, not both";
    throw new ApiError("BAD_USER_INPUT", `Cannot page both ways: ${reason}.`, {
      invalidParams: [{ name: "last", reason }],
    });
  }
  const size = backward
    ? checkSize("last", args.last ?? limits.defaultPageSize, limits)
    : checkSize("first", args.first ?? limits.defaultPageSize, limits);
  const cursorArg = backward ? args.before : args.after;
  const cursor =
    cursorArg != null ? decodeCursor(resource, cursorArg, backward ? "before" : "after") : undefined;
  return {
    take: backward ? -(size + 1) : size + 1,
    ...(cursor ? { cursor, skip: 1 } : {}),
    size,
    backward,
    hasCursor: cursor !== undefined,
  };
}

/** A Relay connection, ready for the connection type's default resolvers. */
export interface Connection {
  readonly edges: readonly { cursor: string; node: unknown }[];
  readonly nodes: readonly unknown[];
  readonly pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  readonly totalCount: number | null;
  /** How `totalCount` was counted. */
  readonly totalCountMethod: "exact" | "estimated";
}

/**
 * Shapes the rows of one page (with the extra look-ahead row) into a connection.
 *
 * @example
 * toConnection(products, rows, page, 42).pageInfo.hasNextPage;
 */
export function toConnection(
  resource: Resource,
  rows: readonly Record<string, unknown>[],
  page: PageQuery,
  totalCount: number | null,
  totalCountMethod: "exact" | "estimated" = "exact",
): Connection {
  const more = rows.length > page.size;
  // Prisma returns a backward page in the requested order; the look-ahead row is then the first.
  const nodes = more
    ? page.backward
      ? rows.slice(rows.length - page.size)
      : rows.slice(0, page.size)
    : rows;
  const cursorOf = (node: Record<string, unknown> | undefined) =>
    node ? encodeCursor(resource, node) : null;
  return {
    // Cursors only when selected (a cursor is a JSON text encoded in base64url): most reads ask
    // for `nodes`, and an embedded list for neither its edges nor its end cursors.
    get edges() {
      return nodes.map((node) => ({ cursor: encodeCursor(resource, node), node }));
    },
    nodes,
    pageInfo: {
      hasNextPage: page.backward ? page.hasCursor : more,
      hasPreviousPage: page.backward ? more : page.hasCursor,
      get startCursor() {
        return cursorOf(nodes[0]);
      },
      get endCursor() {
        return cursorOf(nodes.at(-1));
      },
    },
    totalCount,
    totalCountMethod,
  };
}
