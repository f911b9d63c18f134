import { ApiError } from "@tusk/errors";
import { nestedCreations, type Resource } from "@tusk/registry";
import type { Request, Response } from "express";
import { assertMayWrite, credentialsOf } from "../http/authentication.ts";
import { readJsonBody } from "../http/body.ts";
import { ifMatch, noneMatch, parseEtagList, strongEtag } from "../http/etag.ts";
import { sendEmpty, sendRepresentation } from "../http/send.ts";
import { createInput, updateInput } from "../input/input.ts";
import {
  addressVariables,
  describeAddress,
  execute,
  located,
  type OperationCatalog,
  results,
  selectionVariables,
} from "../operations/index.ts";
import { toItem } from "../representation/item.ts";
import type { RestDocument } from "../representation/model.ts";
import { type MediaOffer, negotiate, resourceOffers } from "../representation/negotiate.ts";
import type { OperationShape, RouteOf } from "../surface/index.ts";
import { ROUTE_TABLE } from "../surface/index.ts";
import { createMany } from "./bulk-write.ts";
import { permissionOf, type RestContext, serviceLinks } from "./context.ts";
import { replayedWrite } from "./idempotency.ts";

type Data = Record<string, unknown>;

function document(
  context: RestContext,
  res: Response,
  resource: Resource,
  record: Data,
  zoom?: ReadonlySet<string>,
): RestDocument {
  const item = toItem(context.uris, resource, record, permissionOf(res), zoom);
  return {
    key: resource.path,
    items: [item],
    links: item.links.filter((link) => link.rel === "self"),
    single: true,
  };
}

function send(
  context: RestContext,
  req: Request,
  res: Response,
  offer: MediaOffer,
  resource: Resource,
  record: Data,
  status = 200,
  zoom?: ReadonlySet<string>,
) {
  const location = context.uris.item(resource, record);
  sendRepresentation(req, res, {
    status,
    contentType: offer.type,
    body: offer.write(document(context, res, resource, record, zoom)),
    links: serviceLinks(context, resource),
    headers: status === 201 ? { Location: location } : { "Content-Location": location },
  });
}

/** What a create body or array of them becomes: one item, or many when `many` takes an array. */
type Many = (body: unknown[]) => Promise<void>;

async function create(
  context: RestContext,
  req: Request,
  res: Response,
  shape: OperationShape,
  fixed: Data,
  many?: Many,
) {
  const { resource } = shape;
  assertMayWrite(res, resource);
  const offer = negotiate(req.get("accept"), resourceOffers(resource));
  const body = await readJsonBody(req, res, ["application/json"]);
  if (await replayedWrite(context, req, res, body)) return;
  if (many && Array.isArray(body)) return many(body);
  const catalog = await context.catalog();
  const input = createInput(resource, body, fixed);
  // Items created with it (an order's line items) are embedded in the answer, as ?zoom= would.
  const zoom = new Set(
    nestedCreations(resource).flatMap((n) => (n.relation.name in input ? [n.relation.name] : [])),
  );
  const built = catalog.operation(shape);
  const data = await execute(
    context.executor,
    credentialsOf(res),
    built,
    { input, ...selectionVariables(resource, undefined, zoom) },
    resource,
  );
  send(context, req, res, offer, resource, results.node(data), 201, zoom);
}

/**
 * `POST /v1/products`: 201, `Location` at the canonical URI, body `self` equal to it; a JSON
 * array creates several at once (see {@link createMany}).
 */
export function createItem(context: RestContext, req: Request, res: Response, route: RouteOf<"collection">) {
  return create(context, req, res, ROUTE_TABLE.collection.POST.operation(route), {}, (body) =>
    createMany(context, req, res, route, body),
  );
}

/** `POST /v1/orders/9/line_items`: the parent comes from the URI. */
export function createChild(context: RestContext, req: Request, res: Response, route: RouteOf<"relation">) {
  const child = route.relation.target;
  const [foreignKey] = child.parent?.relation.foreignKeys ?? [];
  if (!foreignKey) throw new Error(`${child.model} has no parent key`);
  return create(context, req, res, ROUTE_TABLE.relation.POST.operation(route), { [foreignKey]: route.id });
}

/** The item as it is now, read as a GET would. */
async function current(
  context: RestContext,
  res: Response,
  catalog: OperationCatalog,
  route: RouteOf<"item">,
): Promise<Data> {
  const built = catalog.operation(ROUTE_TABLE.item.GET.operation(route));
  const variables = { ...addressVariables(route), ...selectionVariables(route.resource, undefined) };
  return located(
    await execute(context.executor, credentialsOf(res), built, variables, route.resource),
    built,
    describeAddress(route),
  );
}

/**
 * If-Match is compared with the ETags of the current representation in every
 * format we serve (the client may hold any of them); If-None-Match: * fails
 * because the item exists. A write landing between this check and our own is
 * caught by the write itself: see {@link expectedVersion}.
 */
function checkPreconditions(
  context: RestContext,
  req: Request,
  res: Response,
  resource: Resource,
  record: Data,
) {
  // The caller's own representation: its links, so its ETag, are the caller's.
  const tags = resourceOffers(resource).map((offer) =>
    strongEtag(JSON.stringify(offer.write(document(context, res, resource, record)))),
  );
  const matchHeader = req.get("if-match");
  if (matchHeader !== undefined && !tags.some((tag) => ifMatch(matchHeader, tag))) {
    throw new ApiError("PRECONDITION_FAILED", "The resource has changed since the ETag given in If-Match.");
  }
  const noneHeader = req.get("if-none-match");
  if (noneHeader !== undefined && tags.some((tag) => !noneMatch(noneHeader, tag))) {
    throw new ApiError("PRECONDITION_FAILED", "If-None-Match matched the current representation.");
  }
}

/**
 * The version of the representation If-Match was checked against, for the write to compare
 * in the same statement: of concurrent writers that all passed the check, only the first
 * succeeds, the others get 412. Without If-Match (or with `*`) the write is unconditional.
 */
function expectedVersion(req: Request, resource: Resource, record: Data): { expected?: unknown } {
  const tags = parseEtagList(req.get("if-match"));
  if (!resource.version || tags.length === 0 || tags.includes("*")) return {};
  return { expected: record[resource.version.name] };
}

/** `PATCH /v1/products/73924` with a JSON merge patch. */
export async function patchItem(context: RestContext, req: Request, res: Response, route: RouteOf<"item">) {
  const { resource } = route;
  assertMayWrite(res, resource);
  const offer = negotiate(req.get("accept"), resourceOffers(resource));
  const body = await readJsonBody(req, res, ["application/merge-patch+json", "application/json"]);
  if (await replayedWrite(context, req, res, body)) return;
  const catalog = await context.catalog();
  const before = await current(context, res, catalog, route);
  checkPreconditions(context, req, res, resource, before);
  const input = updateInput(resource, body, before);
  if (Object.keys(input).length === 0) return send(context, req, res, offer, resource, before);
  const built = catalog.operation(ROUTE_TABLE.item.PATCH.operation(route));
  const variables = {
    ...addressVariables(route),
    input,
    ...expectedVersion(req, resource, before),
    ...selectionVariables(resource, undefined),
  };
  const data = await execute(context.executor, credentialsOf(res), built, variables, resource);
  send(context, req, res, offer, resource, results.node(data));
}

/** `DELETE /v1/products/73924`: 204; 404 when already gone. */
export async function deleteItem(context: RestContext, req: Request, res: Response, route: RouteOf<"item">) {
  const { resource } = route;
  assertMayWrite(res, resource);
  const catalog = await context.catalog();
  let expected = {};
  if (req.get("if-match") !== undefined || req.get("if-none-match") !== undefined) {
    const before = await current(context, res, catalog, route);
    checkPreconditions(context, req, res, resource, before);
    expected = expectedVersion(req, resource, before);
  }
  const built = catalog.operation(ROUTE_TABLE.item.DELETE.operation(route));
  await execute(
    context.executor,
    credentialsOf(res),
    built,
    { ...addressVariables(route), ...expected },
    resource,
  );
  sendEmpty(res, 204, { "Cache-Control": "no-store" });
}
