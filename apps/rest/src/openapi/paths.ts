import type { AnonymousAccess } from "@tusk/auth";
import { type Registry, upperFirst } from "@tusk/registry";
import type { UriBuilder } from "@tusk/uri";
import { DESCRIBES_THE_API, representedResource, scopeOf, servedMethods } from "../surface/index.ts";
import {
  createOperation,
  emptyOperation,
  filteredWriteOperation,
  notAllowedOperation,
  type OperationInputs,
  optionsOperation,
  patchOperation,
  readOperation,
  redirectOperation,
} from "./operations.ts";
import { pathParameter } from "./parameters.ts";
import { securedOperation } from "./security.ts";
import { formerTemplates, type PathTemplate, pathTemplates, templateMethods } from "./templates.ts";

type Operation = Record<string, unknown>;

/** The methods OpenAPI documents; OPTIONS and HEAD are always allowed, the others answer 405 when not. */
const WRITES = ["POST", "PUT", "PATCH", "DELETE"] as const;

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(upperFirst)
    .join("");

/** `GET /v1/products/{product_id}` -> `getProductsByProductId`: unique because (method, path) is. */
function operationId(method: string, path: string, prefix = ""): string {
  const words = path
    .split("/")
    .slice(2)
    .map((segment) => (segment.startsWith("{") ? `By${pascal(segment)}` : pascal(segment)));
  return `${prefix}${method.toLowerCase()}${words.join("") || "Root"}`;
}

/** The one-line summary of a method at a template: the route table's, or what OPTIONS and 405 always do. */
function summary(template: PathTemplate, method: string): string {
  const target = representedResource(template.route);
  if (method === "OPTIONS") return `Allowed methods${target ? ` and the definition of ${target.path}` : ""}`;
  const tableMethod = method === "HEAD" ? "GET" : method;
  const served = servedMethods(template.route).find((entry) => entry.method === tableMethod)?.summary;
  if (served === undefined) return "Not supported here: 405 with Allow";
  return method === "HEAD" ? `${served} (headers only)` : served;
}

function servedOperation(template: PathTemplate, method: string, inputs: PathInputs, allowed: string[]) {
  if (method === "GET" || method === "HEAD") return readOperation(template, inputs, method === "HEAD");
  if (method === "OPTIONS") return optionsOperation(template, allowed);
  if (method === "POST") return createOperation(template);
  if (template.route.kind === "collection" && (method === "PATCH" || method === "DELETE"))
    return filteredWriteOperation(template, inputs, method);
  if (method === "PATCH") return patchOperation(template);
  return emptyOperation(template, method as "PUT" | "DELETE");
}

/** A served method with the scope it needs; one the path does not serve is 405 for every caller. */
function operationFor(template: PathTemplate, method: string, inputs: PathInputs, allowed: string[]) {
  if (!allowed.includes(method)) return notAllowedOperation();
  const operation = servedOperation(template, method, inputs, allowed);
  // What describes the API is readable without a token whatever AUTH_ANONYMOUS says.
  const anonymous = DESCRIBES_THE_API[template.route.kind] ? "read" : inputs.anonymous;
  return securedOperation(operation, scopeOf(template.route, method), anonymous);
}

function pathItem(template: PathTemplate, operations: [string, Operation][], prefix = "") {
  const item: Record<string, unknown> = {};
  if (template.params.length > 0) {
    item.parameters = template.params.map(({ name, resource }) => pathParameter(resource, name));
  }
  for (const [method, operation] of operations) {
    item[method.toLowerCase()] = {
      operationId: operationId(method, template.path, prefix),
      summary: summary(template, method),
      tags: [template.tag],
      ...operation,
    };
  }
  return item;
}

/** What paths need besides the registry: the operations' inputs, and what callers without a token may do. */
export interface PathInputs extends OperationInputs {
  readonly anonymous: AnonymousAccess;
}

/** Every path of the API, each with every method: served ones, 405s, and redirects from former names. */
export function buildPaths(registry: Registry, uris: UriBuilder, inputs: PathInputs) {
  const templates = pathTemplates(registry, uris);
  const paths: Record<string, unknown> = {};
  for (const template of templates) {
    const allowed = templateMethods(template);
    const methods = ["GET", "HEAD", "OPTIONS", ...WRITES];
    const operations = methods.map((method): [string, Operation] => [
      method,
      operationFor(template, method, inputs, allowed),
    ]);
    paths[template.path] = pathItem(template, operations);
  }
  for (const { path, template } of formerTemplates(registry, uris, templates)) {
    const methods = ["GET", "HEAD", ...templateMethods(template).filter((m) => m !== "GET" && m !== "HEAD")];
    const operations = methods.map((method): [string, Operation] => [
      method,
      redirectOperation(template, method),
    ]);
    paths[path] = pathItem({ ...template, path }, operations, "moved");
  }
  return { paths, templates };
}
