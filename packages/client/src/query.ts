import { serializeArrayParam, serializePrimitiveParam } from "openapi-fetch";
import { COMMA_SEPARATED } from "./generated/query-style.ts";

/**
 * Writes a query string as the API reads it: lists of `fields` and `zoom` comma-separated, other
 * lists as repeated parameters (`price=gte(1)&price=lt(9)`, conditions combined with AND), and
 * the members of an object (`relation_filters: { "categories.name": "Widgets" }`, a form-exploded
 * object) as parameters of their own. openapi-fetch takes one array style for every parameter,
 * so the style is chosen here per parameter, as the OpenAPI document declares it.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value))
      parts.push(serializeArrayParam(name, value, { style: "form", explode: !COMMA_SEPARATED.has(name) }));
    else if (typeof value === "object") parts.push(serializeQuery(value as Record<string, unknown>));
    else parts.push(serializePrimitiveParam(name, String(value)));
  }
  return parts.filter((part) => part !== "").join("&");
}
