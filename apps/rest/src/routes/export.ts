import { setImmediate } from "node:timers/promises";
import { budgetOf } from "@tusk/edge";
import { formatLinkHeader } from "@tusk/uri";
import type { Request, Response } from "express";
import { credentialsOf } from "../http/authentication.ts";
import { REPRESENTATION_VARY, representationCache } from "../http/cache.ts";
import { searchParams } from "../http/search-params.ts";
import { alwaysSelected, execute, results, selectionVariables } from "../operations/index.ts";
import { type ExportFormat, exportColumns } from "../representation/export-formats.ts";
import { toItem } from "../representation/item.ts";
import { ROUTE_TABLE, type RouteOf } from "../surface/index.ts";
import { permissionOf, type RestContext, serviceLinks } from "./context.ts";
import { exportQuery } from "./list-query.ts";

/**
 * Where an export waits: for the response to take more (`drain`), for a while, or for the
 * client to leave (`close`), whichever comes first. One listener of each per response, however
 * many batches wait (the compression middleware moves `drain` listeners to its own stream).
 */
class Waits {
  gone = false;
  #wake: (() => void) | undefined;

  constructor(res: Response) {
    const wake = () => {
      const resolve = this.#wake;
      this.#wake = undefined;
      resolve?.();
    };
    res.on("drain", wake);
    res.once("close", () => {
      this.gone = true;
      wake();
    });
  }

  /** Until `drain` or `close`; or, given `ms`, until that time has passed. */
  next(ms?: number): Promise<void> {
    if (this.gone) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => this.#wake?.(), ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/**
 * `GET /v1/products?price=gte(200)` with `Accept: application/x-ndjson` or `text/csv`: the whole
 * filtered collection, read page after page by cursor through the collection's own operation
 * (`?limit=` items per batch, by default the largest page) and written batch by batch, waiting
 * for `drain` when the client reads slower than the database answers, so memory holds one
 * batch whatever the collection's size. A client that disconnects stops it: no further batch
 * is read. An error after the first batch has been sent cuts the connection, so the client
 * never takes a truncated export for a whole one.
 */
export async function exportCollection(
  context: RestContext,
  req: Request,
  res: Response,
  route: RouteOf<"collection">,
  format: ExportFormat,
): Promise<void> {
  const { resource } = route;
  const catalog = await context.catalog();
  const query = exportQuery(context, catalog, req, resource, format);
  const built = catalog.operation(ROUTE_TABLE.collection.GET.operation(route));
  const credentials = credentialsOf(res);
  const may = permissionOf(res);
  const columns = exportColumns(resource, query.fields, alwaysSelected(resource));
  const batch = searchParams(req).has("limit") ? query.limit : context.pageSize.max;
  const waits = new Waits(res);
  let after = query.cursor?.cursor ?? null;
  let started = false;
  try {
    for (;;) {
      const data = await execute(
        context.executor,
        credentials,
        built,
        {
          where: query.where ?? null,
          orderBy: query.orderBy ?? null,
          search: query.search ?? null,
          first: batch,
          after,
          last: null,
          before: null,
          counted: false,
          count: null,
          ...selectionVariables(resource, query.fields, query.zoom),
        },
        resource,
      );
      if (waits.gone) return;
      const { nodes, pageInfo } = results.connection(data);
      if (!started) {
        started = true;
        start(context, req, res, route, format);
        if (req.method === "HEAD") return void res.end();
        res.write(format.head(columns));
      }
      const text = nodes
        .map((node) => format.line(toItem(context.uris, resource, node, may, query.zoom), columns))
        .join("");
      const more = res.write(text);
      (res as Response & { flush?: () => void }).flush?.();
      // Let the event loop run between batches (PGlite answers without leaving it): other
      // requests, the socket's own I/O and a client's disconnect are seen as the export goes.
      if (more) await setImmediate();
      else await waits.next();
      if (waits.gone || !pageInfo.hasNextPage || pageInfo.endCursor === null) break;
      after = pageInfo.endCursor;
      await spendBatch(res, waits);
    }
    if (!waits.gone) res.end();
  } catch (error) {
    if (!res.headersSent) throw error;
    res.destroy();
  }
}

/** Headers of an export: no `ETag` or `Content-Length` (the body is not known before it is sent). */
function start(
  context: RestContext,
  req: Request,
  res: Response,
  route: RouteOf<"collection">,
  format: ExportFormat,
) {
  res.status(200);
  res.vary(REPRESENTATION_VARY);
  res.setHeader("Content-Type", format.contentType);
  res.setHeader("Cache-Control", representationCache(req.method, credentialsOf(res).caller));
  res.setHeader("Link", formatLinkHeader(serviceLinks(context, route.resource)));
}

/**
 * Each batch after the first is one more request of the caller's rate-limit budget (the
 * request paid for the first); when the budget is spent the export waits for the window to
 * restart, so it goes on at the pace the budget allows and is never cut for it.
 */
async function spendBatch(res: Response, waits: Waits): Promise<void> {
  const left = await budgetOf(res)?.(1);
  if (left?.over) await waits.next(left.resetSeconds * 1000);
}
