/**
 * How query parameters are written, generated from the Tusk REST API's OpenAPI document (/v1/openapi.json).
 * Do not edit: run `npm run generate:client`.
 */

/** Query parameters whose lists are sent comma-separated (`explode: false`); others repeat. */
export const COMMA_SEPARATED: ReadonlySet<string> = new Set(["fields","zoom"]);
