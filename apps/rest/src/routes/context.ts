import { permits } from "@tusk/auth";
import type { CorsPolicy } from "@tusk/edge";
import type { IdempotencyGuard } from "@tusk/idempotency";
import type { Registry, Resource } from "@tusk/registry";
import type { LinkValue, UriBuilder } from "@tusk/uri";
import type { Response } from "express";
import type { GraphqlExecutor } from "../executor/index.ts";
import { credentialsOf } from "../http/authentication.ts";
import type { OperationCatalog } from "../operations/index.ts";
import type { PageSize } from "../query/index.ts";
import type { Permission } from "../surface/index.ts";

/** What every handler works with; one per app. */
export interface RestContext {
  readonly registry: Registry;
  readonly uris: UriBuilder;
  readonly executor: GraphqlExecutor;
  readonly pageSize: PageSize;
  /** Most items one POST of a JSON array creates (`BULK_WRITE_LIMIT`, the schema's `maxBulkWrite`). */
  readonly bulkWriteLimit: number;
  /** Which browser origins may call, and with what (CORS_ORIGINS). */
  readonly cors: CorsPolicy;
  /** Where POST and PATCH keep the answers of `Idempotency-Key` requests; unset keeps none. */
  readonly idempotency?: IdempotencyGuard;
  /** The operations and schema facts, built from the schema on first use. */
  catalog(): Promise<OperationCatalog>;
  /** The OpenAPI document, when src/openapi provides one. */
  openapi(): Promise<unknown>;
}

/** `Link` header values every resource response carries: its definition and the OpenAPI document. */
export function serviceLinks(context: RestContext, resource: Resource): LinkValue[] {
  return [
    { href: context.uris.definition(resource), rel: "service" },
    { href: context.uris.openapi(), rel: "service-desc", type: "application/openapi+json" },
  ];
}

/**
 * What the caller of this request may do: the permission its links and `Allow` are filtered by,
 * `permits` from @tusk/auth with the caller the request was authenticated as.
 */
export function permissionOf(res: Response): Permission {
  const { caller } = credentialsOf(res);
  return (resource, access) => permits(caller, resource, access);
}
