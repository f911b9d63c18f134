import { ApiError } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import type { LinkValue } from "@tusk/uri";
import type { Request, Response } from "express";
import { credentialsOf } from "../http/authentication.ts";
import { searchParams } from "../http/search-params.ts";
import { sendRepresentation } from "../http/send.ts";
import {
  addressVariables,
  type Connection,
  describeAddress,
  execute,
  located,
  results,
  selectionVariables,
} from "../operations/index.ts";
import type { ParsedQuery } from "../query/index.ts";
import { pageLinks, pageLinkValues } from "../query/pages.ts";
import { countAsked, preferredCount, totalOf } from "../query/totals.ts";
import { EXPORT_FORMATS } from "../representation/export-formats.ts";
import { toItem } from "../representation/item.ts";
import type { HyperLink, RestDocument } from "../representation/model.ts";
import { type MediaOffer, negotiate, resourceOffers } from "../representation/negotiate.ts";
import { ROUTE_TABLE, type RouteOf } from "../surface/index.ts";
import { permissionOf, type RestContext, serviceLinks } from "./context.ts";
import { exportCollection } from "./export.ts";
import { LIST, listVariables, readQuery } from "./list-query.ts";

type Data = Record<string, unknown>;

interface Reply {
  readonly resource: Resource;
  readonly document: RestDocument;
  readonly links?: readonly LinkValue[];
  readonly headers?: Readonly<Record<string, string>>;
  readonly vary?: readonly string[];
}

/**
 * Negotiates the format first (406 before any work), unless the route did, then writes the
 * document the handler built.
 */
async function reply(
  context: RestContext,
  req: Request,
  res: Response,
  resource: Resource,
  build: () => Promise<Reply>,
  offer: MediaOffer = negotiate(req.get("accept"), resourceOffers(resource)),
) {
  const result = await build();
  sendRepresentation(req, res, {
    contentType: offer.type,
    body: offer.write(result.document),
    links: [...(result.links ?? []), ...serviceLinks(context, result.resource)],
    headers: result.headers ?? {},
    vary: result.vary ?? [],
  });
}

/** Headers of a representation served away from its canonical URI (NARWHL.md #19, #26). */
function canonicalHeaders(href: string) {
  return { links: [{ href, rel: "canonical" }], headers: { "Content-Location": href } };
}

function single(
  context: RestContext,
  res: Response,
  resource: Resource,
  record: Data,
  zoom: ReadonlySet<string>,
): RestDocument {
  const item = toItem(context.uris, resource, record, permissionOf(res), zoom);
  const self = item.links.find((link) => link.rel === "self");
  return { key: resource.path, items: [item], links: self ? [self] : [], single: true };
}

/** `GET /v1/products/73924`, `GET /v1/orders/9/line_items/12345`. */
export async function getItem(context: RestContext, req: Request, res: Response, route: RouteOf<"item">) {
  const { resource } = route;
  await reply(context, req, res, resource, async () => {
    const catalog = await context.catalog();
    const query = readQuery(context, catalog, req, resource, { select: true });
    const built = catalog.operation(ROUTE_TABLE.item.GET.operation(route));
    const variables = {
      ...addressVariables(route),
      ...selectionVariables(resource, query.fields, query.zoom),
    };
    const data = await execute(context.executor, credentialsOf(res), built, variables, resource);
    const record = located(data, built, describeAddress(route));
    return { resource, document: single(context, res, resource, record, query.zoom) };
  });
}

function listDocument(
  context: RestContext,
  req: Request,
  res: Response,
  resource: Resource,
  base: string,
  query: ParsedQuery,
  connection: Connection,
): Omit<Reply, "resource"> {
  const links: HyperLink[] = pageLinks(base, searchParams(req), query, connection.pageInfo);
  const may = permissionOf(res);
  const items = connection.nodes.map((node) => toItem(context.uris, resource, node, may, query.zoom));
  const total = totalOf(connection);
  const document: RestDocument = {
    key: resource.path,
    items,
    links,
    single: false,
    ...(total ? { total } : {}),
  };
  const preferred = total && preferredCount(req) !== undefined;
  return {
    document,
    links: pageLinkValues(links),
    headers: preferred ? { "Preference-Applied": `count=${total.method}` } : {},
    vary: ["Prefer"],
  };
}

/**
 * `GET /v1/products?price=gte(200)&sort=-price&limit=10`: a page; asked for as NDJSON or CSV,
 * the whole filtered collection, streamed ({@link exportCollection}).
 */
export async function getCollection(
  context: RestContext,
  req: Request,
  res: Response,
  route: RouteOf<"collection">,
) {
  const { resource } = route;
  const offer = negotiate(req.get("accept"), [...resourceOffers(resource), ...EXPORT_FORMATS]);
  if ("line" in offer) return exportCollection(context, req, res, route, offer);
  await reply(
    context,
    req,
    res,
    resource,
    async () => {
      const catalog = await context.catalog();
      const query = readQuery(context, catalog, req, resource, LIST);
      const built = catalog.operation(ROUTE_TABLE.collection.GET.operation(route));
      const data = await execute(
        context.executor,
        credentialsOf(res),
        built,
        { ...listVariables(resource, query, req), count: countAsked(req, query)?.toUpperCase() ?? null },
        resource,
      );
      const connection = results.connection(data);
      return {
        resource,
        ...listDocument(context, req, res, resource, context.uris.collection(resource), query, connection),
      };
    },
    offer,
  );
}

/** `GET /v1/categories/36/products` (a list) or `GET /v1/orders/9/user` (one resource, canonical elsewhere). */
export async function getRelation(
  context: RestContext,
  req: Request,
  res: Response,
  route: RouteOf<"relation">,
) {
  const { relation } = route;
  const target = relation.target;
  await reply(context, req, res, target, async () => {
    const catalog = await context.catalog();
    const toOne = relation.cardinality === "to-one";
    const query = readQuery(context, catalog, req, target, toOne ? { select: true } : LIST);
    const built = catalog.operation(ROUTE_TABLE.relation.GET.operation(route));
    const selection = selectionVariables(target, query.fields, query.zoom);
    const variables = toOne
      ? { ...addressVariables(route), ...selection }
      : { ...addressVariables(route), ...listVariables(target, query, req) };
    const source = located(
      await execute(context.executor, credentialsOf(res), built, variables, target),
      built,
      describeAddress(route),
    );
    if (toOne) {
      const record = results.relatedOne(source);
      if (!record) throw new ApiError("NOT_FOUND", `No ${relation.restName} for ${describeAddress(route)}.`);
      const document = single(context, res, target, record, query.zoom);
      return { resource: target, document, ...canonicalHeaders(context.uris.item(target, record)) };
    }
    const connection = results.relatedPage(source);
    const base = context.uris.url(route.canonicalPath);
    return { resource: target, ...listDocument(context, req, res, target, base, query, connection) };
  });
}

/** `GET /v1/categories/36/products/73924`: the product's own representation, 404 unless it is a member. */
export async function getRelationItem(
  context: RestContext,
  req: Request,
  res: Response,
  route: RouteOf<"relation-item">,
) {
  const { relation } = route;
  const target = relation.target;
  await reply(context, req, res, target, async () => {
    const catalog = await context.catalog();
    const query = readQuery(context, catalog, req, target, { select: true });
    const built = catalog.operation(ROUTE_TABLE["relation-item"].GET.operation(route));
    const idField = target.identifier.field.name;
    const variables = {
      ...addressVariables(route),
      where: { [idField]: { equals: route.targetId } },
      orderBy: null,
      first: 1,
      after: null,
      last: null,
      before: null,
      counted: false,
      ...selectionVariables(target, query.fields, query.zoom),
    };
    const source = located(
      await execute(context.executor, credentialsOf(res), built, variables, target),
      built,
      describeAddress(route),
    );
    const [record] = results.relatedPage(source).nodes;
    if (!record) {
      const what = `${relation.restName} ${route.targetId} in ${describeAddress(route)}`;
      throw new ApiError("NOT_FOUND", `No ${what}.`);
    }
    const document = single(context, res, target, record, query.zoom);
    return { resource: target, document, ...canonicalHeaders(context.uris.item(target, record)) };
  });
}
