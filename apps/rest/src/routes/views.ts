import { ApiError } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import type { Route } from "@tusk/uri";
import type { Request, Response } from "express";
import { sendRepresentation } from "../http/send.ts";
import { parseQuery } from "../query/index.ts";
import { JSON_ONLY, negotiate } from "../representation/negotiate.ts";
import { type RestContext, serviceLinks } from "./context.ts";
import { execute } from "./execute.ts";
import { searchParams } from "./read.ts";

type Aggregate = Record<string, unknown>;

/** GraphQL aggregate members renamed to REST names: `{ sum: { unitPrice } }` -> `{ sum: { unit_price } }`. */
function restAggregate(resource: Resource, aggregate: Aggregate): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(aggregate)) {
    body[name] =
      value !== null && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value).map(([field, number]) => [
              resource.field(field)?.restName ?? field,
              number,
            ]),
          )
        : value;
  }
  return body;
}

/**
 * `GET /v1/products/views/summary?price=gte(200)`: count, and sum, avg, min
 * and max of the numeric fields over the filtered collection, computed by the
 * GraphQL aggregate (the database), without the items.
 */
async function summary(context: RestContext, req: Request, resource: Resource) {
  const catalog = await context.catalog();
  const facts = catalog.factsOf(resource);
  const zoomRel = (name: string) => name;
  const query = parseQuery(searchParams(req), resource, facts, { filters: true }, context.pageSize, zoomRel);
  const built = catalog.operation({ kind: "aggregate", resource });
  const data = await execute(context, built, { where: query.where ?? null }, resource);
  return restAggregate(resource, data.agg as Aggregate);
}

/** The views each root resource offers, by name. */
export const VIEWS: Readonly<Record<string, typeof summary>> = { summary };

/** `GET /v1/{resources}/views/{name}`; unknown views and item views are 404. */
export async function getView(
  context: RestContext,
  req: Request,
  res: Response,
  route: Extract<Route, { kind: "view" }>,
) {
  const view = Object.hasOwn(VIEWS, route.name) ? VIEWS[route.name] : undefined;
  if (!view || route.item || route.resource.parent)
    throw new ApiError("NOT_FOUND", `No view "${route.name}".`);
  const offer = negotiate(req.get("accept"), JSON_ONLY);
  const { uris } = context;
  const body = await view(context, req, route.resource);
  const self = uris.view(route.resource, route.name);
  const search = searchParams(req).toString();
  sendRepresentation(req, res, {
    contentType: offer.type,
    body: {
      [route.name]: body,
      _links: [
        { rel: "self", href: search ? `${self}?${search}` : self, method: "GET" },
        { rel: "collection", href: uris.collection(route.resource), method: "GET" },
      ],
    },
    links: serviceLinks(context, route.resource),
  });
}
