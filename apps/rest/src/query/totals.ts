import type { Request } from "express";
import { preferences } from "../http/prefer.ts";
import type { Connection } from "../operations/index.ts";
import type { RestTotal } from "../representation/model.ts";
import { type CountMethod, countMethodOf, type ParsedQuery } from "./parse.ts";

/**
 * The count a request's `Prefer` header asks for (`Prefer: count=exact`, RFC 7240); an unknown
 * value is ignored as the RFC asks, so the answer then carries no total.
 *
 * @example
 * preferredCount(req); // "estimated" for `Prefer: count=estimated`
 */
export function preferredCount(req: Request): CountMethod | undefined {
  return countMethodOf(preferences(req.headers.prefer).get("count") ?? "");
}

/**
 * The total a list request asks for: `?count=` (a malformed one was refused with 400), else the
 * `Prefer` header's; undefined when it asks for none.
 *
 * @example
 * countAsked(req, query); // "exact" for `?count=exact`
 */
export function countAsked(req: Request, query: ParsedQuery): CountMethod | undefined {
  return query.count ?? preferredCount(req);
}

/** The list's total as the operation answered it, if it was asked for. */
export function totalOf(connection: Connection): RestTotal | undefined {
  const { totalCount, totalCountMethod } = connection;
  if (totalCount === undefined || totalCount === null) return undefined;
  return { count: totalCount, method: totalCountMethod === "ESTIMATED" ? "estimated" : "exact" };
}
