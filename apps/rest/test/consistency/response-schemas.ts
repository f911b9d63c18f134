import { Ajv2020 } from "ajv/dist/2020.js";
import formatsModule from "ajv-formats";
import { matchTemplate } from "../openapi-match.ts";

type Document = { paths: Record<string, unknown> };
type Operation = { responses: Record<string, { $ref?: string }> };

// ajv-formats is CommonJS with a default export: under ESM it may arrive as the module object.
type Plugin = (ajv: Ajv2020) => unknown;
const addFormats = ((formatsModule as unknown as { default?: Plugin }).default ??
  formatsModule) as unknown as Plugin;

const pointer = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

/**
 * Validates actual responses against the OpenAPI document's response schemas
 * (JSON Schema 2020-12, as OpenAPI 3.1 uses it): the document is loaded whole,
 * and each response is checked against the schema at
 * `#/paths/{template}/{method}/responses/{status}/content/{media type}/schema`.
 *
 * @example
 * const check = responseValidator(document);
 * check("GET", "/v1/products/73924", 200, "application/json", body); // [] when it conforms
 */
export function responseValidator(document: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: "openapi" });
  const templates = Object.keys(document.paths);

  return (method: string, path: string, status: number, mediaType: string, body: unknown): string[] => {
    const template = matchTemplate(templates, path);
    if (!template) return [`${path}: no path template`];
    // A response may be a reference to components.responses: follow it, as a JSON pointer cannot.
    const operation = (document.paths[template] as Record<string, Operation> | undefined)?.[
      method.toLowerCase()
    ];
    const response = operation?.responses[String(status)];
    const where = response?.$ref
      ? response.$ref.replace(/^#\//, "") // already a JSON pointer
      : ["paths", template, method.toLowerCase(), "responses", String(status)].map(pointer).join("/");
    // The documented key may carry parameters (`; version=1`) or not: the Content-Type sent picks it.
    const bare = mediaType.split(";")[0]?.trim() ?? "";
    const content =
      (response?.$ref ? undefined : (response as { content?: object } | undefined)?.content) ?? {};
    const key = Object.hasOwn(content, mediaType) ? mediaType : bare;
    const ref = `openapi#/${where}/content/${pointer(key)}/schema`;
    let validate: ReturnType<typeof ajv.compile>;
    try {
      validate = ajv.compile({ $ref: ref });
    } catch {
      return [`${method} ${template} ${status} ${mediaType}: not documented`];
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) => `${method} ${path}: ${error.instancePath} ${error.message}`,
    );
  };
}
