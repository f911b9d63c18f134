import type { Registry } from "@tusk/registry";
import type { Route, UriBuilder } from "@tusk/uri";
import { representedResource } from "../routes/represented-resource.ts";
import {
  createOperation,
  emptyOperation,
  notAllowedOperation,
  type OperationInputs,
  optionsOperation,
  patchOperation,
  readOperation,
  redirectOperation,
} from "./operations.ts";
import { pathParameter } from "./parameters.ts";
import { formerTemplates, type PathTemplate, pathTemplates, templateMethods } from "./templates.ts";

type Operation = Record<string, unknown>;

/** The methods OpenAPI documents; OPTIONS and HEAD are always allowed, the others answer 405 when not. */
const WRITES = ["POST", "PUT", "PATCH", "DELETE"] as const;

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");

/** `GET /v1/products/{product_id}` -> `getProductsByProductId`: unique because (method, path) is. */
function operationId(method: string, path: string, prefix = ""): string {
  const words = path
    .split("/")
    .slice(2)
    .map((segment) => (segment.startsWith("{") ? `By${pascal(segment)}` : pascal(segment)));
  return `${prefix}${method.toLowerCase()}${words.join("") || "Root"}`;
}

/** A one-line summary from the route kind and method. */
function summary(route: Route, method: string, view?: string): string {
  if (view && "relation" in route && method !== "OPTIONS") {
    const text = `View ${view} over the ${route.resource.path} ${route.relation.restName}`;
    return method === "HEAD" ? `${text} (headers only)` : text;
  }
  const target = representedResource(route);
  const name = target?.path ?? "";
  const relation = "relation" in route ? `${route.resource.path} ${route.relation.restName}` : "";
  const kinds: Record<string, string> = {
    "root GET": "The API root: every collection and definition",
    "openapi GET": "This OpenAPI document",
    "definition GET": `The definition of ${name}`,
    "view GET": `View over ${name}`,
    "collection GET": `List ${name}`,
    "collection POST": `Create one of ${name}`,
    "item GET": `One of ${name}`,
    "item PATCH": `Update one of ${name} (JSON merge patch)`,
    "item DELETE": `Delete one of ${name}`,
    "relation GET": `The ${relation}`,
    "relation POST": `Create one of ${relation}`,
    "relation-item GET": `One of ${relation}, as at its canonical URI`,
    "relation-item PUT": `Add a member to ${relation}`,
    "relation-item DELETE": `Remove a member from ${relation}`,
  };
  const key = `${route.kind} ${method === "HEAD" ? "GET" : method}`;
  if (method === "OPTIONS") return `Allowed methods${target ? ` and the definition of ${name}` : ""}`;
  const text = kinds[key] ?? `${method} ${route.kind}`;
  return method === "HEAD" ? `${text} (headers only)` : text;
}

function operationFor(template: PathTemplate, method: string, inputs: OperationInputs, allowed: string[]) {
  if (method === "GET" || method === "HEAD") return readOperation(template, inputs, method === "HEAD");
  if (method === "OPTIONS") return optionsOperation(template, allowed);
  if (!allowed.includes(method)) return notAllowedOperation();
  if (method === "POST") return createOperation(template);
  if (method === "PATCH") return patchOperation(template);
  return emptyOperation(template, method as "PUT" | "DELETE");
}

function pathItem(template: PathTemplate, operations: [string, Operation][], prefix = "") {
  const item: Record<string, unknown> = {};
  if (template.params.length > 0) {
    item.parameters = template.params.map(({ name, resource }) => pathParameter(resource, name));
  }
  for (const [method, operation] of operations) {
    const notAllowed =
      !("200" in (operation.responses as object)) && "405" in (operation.responses as object);
    item[method.toLowerCase()] = {
      operationId: operationId(method, template.path, prefix),
      summary: notAllowed
        ? `Not supported here: 405 with Allow`
        : summary(template.route, method, template.view),
      tags: [template.tag],
      ...operation,
    };
  }
  return item;
}

/** Every path of the API, each with every method: served ones, 405s, and redirects from former names. */
export function buildPaths(registry: Registry, uris: UriBuilder, inputs: OperationInputs) {
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
