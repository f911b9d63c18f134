/**
 * `lineItems` → `line_items`. REST paths and members are snake_case; Prisma and
 * GraphQL names are camelCase, so one converts to the other here and nowhere else.
 *
 * @example
 * toSnakeCase("unitPrice"); // "unit_price"
 */
export function toSnakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/**
 * `line_items` → `lineItems`.
 *
 * @example
 * toCamelCase("line_items"); // "lineItems"
 */
export function toCamelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * `LineItem` → `lineItem`.
 *
 * @example
 * lowerFirst("LineItem"); // "lineItem"
 */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * `lineItems` → `LineItems`.
 *
 * @example
 * upperFirst("unitPrice"); // "UnitPrice"
 */
export function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * `LineItem` → `line item`: a model name in a sentence.
 *
 * @example
 * toWords("LineItem"); // "line item"
 */
export function toWords(name: string): string {
  return name.replace(/(?<=[a-z0-9])([A-Z])/g, " $1").toLowerCase();
}
