import { registry as defaultRegistry, type Registry } from "@tusk/registry";
import type { UriBuilder } from "@tusk/uri";
import express, { type NextFunction, type Request, type Response } from "express";
import type { GraphqlExecutor } from "./executor/index.ts";
import { sendProblem } from "./http/problem.ts";
import { buildOpenApiDocument } from "./openapi/index.ts";
import { OperationCatalog } from "./operations/index.ts";
import type { PageSize } from "./query/index.ts";
import type { RestContext } from "./routes/context.ts";
import { dispatcher } from "./routes/dispatch.ts";

export interface RestAppOptions {
  readonly registry?: Registry;
  readonly uris: UriBuilder;
  readonly executor: GraphqlExecutor;
  /** Page size of lists: default 20, at most 100 (the GraphQL schema's own limits). */
  readonly pageSize?: PageSize;
  /** Called with every unexpected error before it is masked as a 500 (for logging). */
  readonly onUnexpectedError?: (error: unknown, req: Request) => void;
}

/**
 * The NARWHL REST app. Every request is answered by executing a GraphQL
 * operation through `executor`; routes, operations, links and definitions are
 * derived from the registry and the schema, which is read once on first use.
 *
 * @example
 * const app = createRestApp({ uris, executor: createInProcessExecutor({ schema, createContext }) });
 * app.listen(4000);
 */
export function createRestApp(options: RestAppOptions): express.Express {
  const registry = options.registry ?? defaultRegistry;
  let catalog: Promise<OperationCatalog> | undefined;
  let openapi: Promise<unknown> | undefined;
  const context: RestContext = {
    registry,
    uris: options.uris,
    executor: options.executor,
    pageSize: options.pageSize ?? { default: 20, max: 100 },
    catalog() {
      catalog ??= options.executor.schema().then((schema) => new OperationCatalog(schema, registry));
      catalog.catch(() => {
        catalog = undefined;
      });
      return catalog;
    },
    openapi() {
      openapi ??= options.executor
        .schema()
        .then((schema) =>
          buildOpenApiDocument(registry, options.uris, { schema, pageSize: context.pageSize }),
        );
      openapi.catch(() => {
        openapi = undefined;
      });
      return openapi;
    },
  };

  const app = express();
  app.disable("x-powered-by");
  app.disable("etag"); // ETags are computed from the exact body bytes by the app itself.
  app.set("query parser", false); // The query string is read with URLSearchParams in one place.
  app.use(dispatcher(context));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    const problem = sendProblem(res, error, req.originalUrl);
    if (problem.status >= 500) options.onUnexpectedError?.(error, req);
  });
  return app;
}
