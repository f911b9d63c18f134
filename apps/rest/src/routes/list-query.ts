import { ApiError, type InvalidParam } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import type { Request } from "express";
import { searchParams } from "../http/search-params.ts";
import { type OperationCatalog, selectionVariables } from "../operations/index.ts";
import { type ParsedQuery, parseQuery, type QueryCapabilities } from "../query/index.ts";
import { pageVariables } from "../query/pages.ts";
import { countAsked } from "../query/totals.ts";
import { CSV, type ExportFormat } from "../representation/export-formats.ts";
import type { RestContext } from "./context.ts";

/** What a list route's query string may hold. */
export const LIST: QueryCapabilities = { filters: true, page: true, select: true };

/** Reads a request's query string for `resource`, refusing what the route does not take. */
export function readQuery(
  context: RestContext,
  catalog: OperationCatalog,
  req: Request,
  resource: Resource,
  capabilities: QueryCapabilities,
): ParsedQuery {
  return parseQuery(searchParams(req), {
    resource,
    facts: catalog.factsOf(resource),
    accepts: capabilities,
    pageSize: context.pageSize,
    zoomRel: (relation) => context.uris.relationRel(resource, relation),
  });
}

/** The variables of a list operation: filter, order, search, page, whether to count, selection. */
export function listVariables(resource: Resource, query: ParsedQuery, req: Request): Record<string, unknown> {
  return {
    where: query.where ?? null,
    orderBy: query.orderBy ?? null,
    search: query.search ?? null,
    ...pageVariables(query),
    counted: countAsked(req, query) !== undefined,
    ...selectionVariables(resource, query.fields, query.zoom),
  };
}

/**
 * A list's query string read for an export: as for a page, except that an export has no
 * total (`count`), reads forward only (a `prev` link's cursor), and a CSV has no embedded
 * resources (`zoom`); each is 400 naming it.
 */
export function exportQuery(
  context: RestContext,
  catalog: OperationCatalog,
  req: Request,
  resource: Resource,
  format: ExportFormat,
): ParsedQuery {
  const query = readQuery(context, catalog, req, resource, LIST);
  const refused: InvalidParam[] = [];
  if (query.count) refused.push({ name: "count", reason: "an export sends every item and no total" });
  if (query.cursor?.direction === "before")
    refused.push({ name: "cursor", reason: "an export reads forward: use a next link's cursor" });
  if (format === CSV && query.zoom.size > 0)
    refused.push({ name: "zoom", reason: "CSV has no embedded resources; export as application/x-ndjson" });
  if (refused.length > 0) {
    const names = refused.map((param) => param.name).join(", ");
    throw new ApiError("BAD_USER_INPUT", `Invalid query parameter: ${names}.`, { invalidParams: refused });
  }
  return query;
}
