import { ApiError } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import type { Request, Response } from "express";
import { assertMayWrite, credentialsOf } from "../http/authentication.ts";
import { readJsonBody } from "../http/body.ts";
import { maxAffected } from "../http/prefer.ts";
import { searchParams } from "../http/search-params.ts";
import { sendRepresentation } from "../http/send.ts";
import { createInputs, updateInput } from "../input/input.ts";
import { execute, type OperationCatalog, results, selectionVariables } from "../operations/index.ts";
import { parseQuery } from "../query/index.ts";
import { toItem } from "../representation/item.ts";
import { negotiate, resourceOffers } from "../representation/negotiate.ts";
import { ROUTE_TABLE, type RouteOf } from "../surface/index.ts";
import { permissionOf, type RestContext, serviceLinks } from "./context.ts";
import { replayedWrite } from "./idempotency.ts";

/**
 * `POST /v1/products` with a JSON array: every item created in one transaction, or none; 201
 * with the created items, in order, and a `Link` (`rel="item"`) to each. More items than the
 * bulk limit is 413 naming `body`; an empty array is 422.
 */
export async function createMany(
  context: RestContext,
  req: Request,
  res: Response,
  route: RouteOf<"collection">,
  body: readonly unknown[],
) {
  const { resource } = route;
  const offer = negotiate(req.get("accept"), resourceOffers(resource));
  const limit = context.bulkWriteLimit;
  if (body.length > limit) {
    const reason = `at most ${limit} items at once; ${body.length} were given`;
    throw new ApiError("PAYLOAD_TOO_LARGE", `Too many ${resource.path}: ${reason}.`, {
      invalidParams: [{ name: "body", reason }],
    });
  }
  if (body.length === 0)
    throw new ApiError("UNPROCESSABLE", "The array is empty: nothing to create.", {
      invalidParams: [{ name: "body", reason: "must hold at least one item" }],
    });
  const input = createInputs(resource, body);
  const catalog = await context.catalog();
  const built = catalog.operation(ROUTE_TABLE.collection.POST.bulk(route));
  const variables = { input, ...selectionVariables(resource, undefined) };
  const records = results.nodes(
    await execute(context.executor, credentialsOf(res), built, variables, resource),
  );
  const may = permissionOf(res);
  const items = records.map((record) => toItem(context.uris, resource, record, may));
  sendRepresentation(req, res, {
    status: 201,
    contentType: offer.type,
    body: offer.write({ key: resource.path, items, links: [], single: false }),
    links: [
      ...records.map((record) => ({ href: context.uris.item(resource, record), rel: "item" })),
      ...serviceLinks(context, resource),
    ],
  });
}

/** The filters of a filtered write, read as a GET of the collection reads them. */
function filterOf(catalog: OperationCatalog, context: RestContext, req: Request, resource: Resource) {
  const query = parseQuery(searchParams(req), {
    resource,
    facts: catalog.factsOf(resource),
    accepts: { filters: true },
    pageSize: context.pageSize,
  });
  return query.where ?? {};
}

/**
 * The answer of a filtered write: 200 with `{"count": N}`, how many rows it changed, and
 * `Preference-Applied` saying the limit was kept. Never cached.
 */
function sendCount(req: Request, res: Response, count: number, limit: number) {
  sendRepresentation(req, res, {
    contentType: "application/json",
    body: { count },
    headers: { "Preference-Applied": `max-affected=${limit}` },
    cacheControl: "no-store",
  });
}

/**
 * A filtered PATCH (a JSON merge patch) or DELETE with `Prefer: max-affected=N`: every matching
 * row the caller may write is changed, in one transaction, unless that is more than N (422
 * naming `Prefer`, nothing changed).
 */
async function filteredWrite(
  context: RestContext,
  req: Request,
  res: Response,
  route: RouteOf<"collection">,
  method: "PATCH" | "DELETE",
) {
  const { resource } = route;
  assertMayWrite(res, resource);
  const atMost = maxAffected(req);
  const body =
    method === "PATCH"
      ? await readJsonBody(req, res, ["application/merge-patch+json", "application/json"])
      : undefined;
  // The limit is part of the request: a retry with the same key and another limit is refused.
  if (await replayedWrite(context, req, res, { body, maxAffected: atMost })) return;
  const catalog = await context.catalog();
  const where = filterOf(catalog, context, req, resource);
  const variables =
    method === "PATCH" ? { where, input: updateInput(resource, body, {}), atMost } : { where, atMost };
  const built = catalog.operation(ROUTE_TABLE.collection[method].operation(route));
  const data = await execute(context.executor, credentialsOf(res), built, variables, resource);
  sendCount(req, res, results.count(data), atMost);
}

/** `PATCH /v1/products?price=lt(1)` with a JSON merge patch and `Prefer: max-affected=N`. */
export function patchCollection(
  context: RestContext,
  req: Request,
  res: Response,
  route: RouteOf<"collection">,
) {
  return filteredWrite(context, req, res, route, "PATCH");
}

/** `DELETE /v1/products?stock=0` with `Prefer: max-affected=N`. */
export function deleteCollection(
  context: RestContext,
  req: Request,
  res: Response,
  route: RouteOf<"collection">,
) {
  return filteredWrite(context, req, res, route, "DELETE");
}
