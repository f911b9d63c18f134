import type { ScopeAccess } from "@tusk/auth";
import type { Resource } from "@tusk/registry";
import { type ServedMethod, servedMethods } from "./methods.ts";
import { accessOf } from "./scopes.ts";
import type { Subject } from "./subjects.ts";

/**
 * Whether the caller of a request may read or write a resource: `permits` from @tusk/auth with
 * the request's caller. Links and `Allow` ask it, so they offer only what the caller may do; the
 * schema layer enforces the same rules on every operation.
 */
export type Permission = (resource: Resource, access: ScopeAccess) => boolean;

/** The permission of a caller who may do everything (`admin`), and of documents that describe the API for everyone. */
export const EVERYTHING: Permission = () => true;

/**
 * The methods a route serves that a caller may use: those whose operation reads or writes what
 * the permission allows, and those without an operation (the root, definitions, the OpenAPI
 * document), which describe the API to anyone.
 *
 * @example
 * permittedMethods({ kind: "item", resource: products }, readOnly).map((m) => m.method); // ["GET"]
 */
export function permittedMethods(route: Subject, may: Permission): ServedMethod[] {
  return servedMethods(route).filter((entry) => {
    if (!entry.operation) return true;
    const { resource, access } = accessOf(entry.operation);
    return may(resource, access);
  });
}

/**
 * `Allow`: GET and HEAD, OPTIONS, then the writes, of those the route serves. Without a
 * permission, everything it serves: whether a method is 405, what a CORS preflight (which
 * carries no credentials) allows, definitions and the OpenAPI document. With the caller's, what
 * that caller may use: `Allow` on OPTIONS and 405, and the `edit` links.
 *
 * @example
 * allowedMethods({ kind: "item", resource: products }); // ["GET", "HEAD", "OPTIONS", "PATCH", "DELETE"]
 * allowedMethods({ kind: "item", resource: products }, readOnly); // ["GET", "HEAD", "OPTIONS"]
 */
export function allowedMethods(route: Subject, may: Permission = EVERYTHING): string[] {
  const methods = permittedMethods(route, may).map((entry) => entry.method);
  const reads = methods.includes("GET") ? ["GET", "HEAD"] : [];
  return [...reads, "OPTIONS", ...methods.filter((method) => method !== "GET")];
}
