import type { Resource, ViewName } from "@tusk/registry";
import type { Request, Response } from "express";
import { credentialsOf } from "../http/authentication.ts";
import { searchParams } from "../http/search-params.ts";
import { sendRepresentation } from "../http/send.ts";
import { addressVariables, describeAddress, execute, located, results } from "../operations/index.ts";
import { parseQuery } from "../query/index.ts";
import { JSON_ONLY, negotiate } from "../representation/negotiate.ts";
import { ROUTE_TABLE, type RouteOf } from "../surface/index.ts";
import { type RestContext, serviceLinks } from "./context.ts";

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

/** What a view summarises: a root collection or a relation's collection. */
interface ViewSubject {
  /** The resource whose fields are aggregated. */
  readonly target: Resource;
  aggregate(where: Record<string, unknown> | null): Promise<Aggregate>;
}

/**
 * `summary`: count, and sum, avg, min and max of the numeric fields over the
 * filtered collection, computed by the GraphQL aggregate (the database),
 * without the items. `?price=gte(200)` filters as on the collection.
 */
async function summary(context: RestContext, req: Request, subject: ViewSubject) {
  const catalog = await context.catalog();
  const facts = catalog.factsOf(subject.target);
  const query = parseQuery(searchParams(req), {
    resource: subject.target,
    facts,
    accepts: { filters: true },
    pageSize: context.pageSize,
  });
  return restAggregate(subject.target, await subject.aggregate(query.where ?? null));
}

/** How each view of the registry is computed: a view named there without a function here does not compile. */
const VIEWS: Readonly<Record<ViewName, typeof summary>> = { summary };

async function sendView(
  context: RestContext,
  req: Request,
  res: Response,
  route: RouteOf<"view" | "relation-view">,
  subject: ViewSubject,
) {
  const offer = negotiate(req.get("accept"), JSON_ONLY);
  const body = await VIEWS[route.name](context, req, subject);
  const self = context.uris.url(route.canonicalPath);
  const search = searchParams(req).toString();
  sendRepresentation(req, res, {
    contentType: offer.type,
    body: {
      [route.name]: body,
      _links: [
        { rel: "self", href: search ? `${self}?${search}` : self, method: "GET" },
        { rel: "collection", href: context.uris.url(route.collectionPath), method: "GET" },
      ],
    },
    links: serviceLinks(context, subject.target),
  });
}

/** `GET /v1/products/views/summary`: a view over a root collection. */
export async function getView(context: RestContext, req: Request, res: Response, route: RouteOf<"view">) {
  const { resource } = route;
  const catalog = await context.catalog();
  await sendView(context, req, res, route, {
    target: resource,
    async aggregate(where) {
      const built = catalog.operation(ROUTE_TABLE.view.GET.operation(route));
      return results.aggregate(
        await execute(context.executor, credentialsOf(res), built, { where }, resource),
      );
    },
  });
}

/** `GET /v1/categories/36/products/views/summary`: the view over a relation's collection; 404 if the owner is missing. */
export async function getRelationView(
  context: RestContext,
  req: Request,
  res: Response,
  route: RouteOf<"relation-view">,
) {
  const { relation } = route;
  const catalog = await context.catalog();
  await sendView(context, req, res, route, {
    target: relation.target,
    async aggregate(where) {
      const built = catalog.operation(ROUTE_TABLE["relation-view"].GET.operation(route));
      const variables = { ...addressVariables(route), where };
      const data = await execute(context.executor, credentialsOf(res), built, variables, relation.target);
      return results.aggregate(located(data, built, describeAddress(route)));
    },
  });
}
