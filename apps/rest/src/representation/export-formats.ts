import type { Resource } from "@tusk/registry";
import type { RestItem } from "./model.ts";
import { narwhlItem } from "./narwhl.ts";

/**
 * A media type a whole collection is exported as, streamed item by item: a head (CSV's header
 * row) and one line per item, each written as soon as its batch is read.
 */
export interface ExportFormat {
  /** The media type negotiated (`Accept`). */
  readonly type: string;
  /** The `Content-Type` sent, parameters included. */
  readonly contentType: string;
  /** What precedes the first item, given the REST names of the members exported. */
  readonly head: (columns: readonly string[]) => string;
  /** One item, line end included. */
  readonly line: (item: RestItem, columns: readonly string[]) => string;
}

/** NDJSON: one NARWHL-JSON item per line (members, `_links`, `_embeds` when zoomed). */
export const NDJSON: ExportFormat = {
  type: "application/x-ndjson",
  contentType: "application/x-ndjson",
  head: () => "",
  line: (item) => `${JSON.stringify(narwhlItem(item))}\n`,
};

/**
 * One CSV field (RFC 4180 §2): quoted when it holds a quote, comma, CR or LF, or starts or ends
 * with a space, quotes doubled; null is empty, objects and arrays their JSON text.
 *
 * @example
 * csvField('12" "x", y'); // '"12"" ""x"", y"'
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvRecord = (fields: readonly unknown[]) => `${fields.map(csvField).join(",")}\r\n`;

/** The column of each item's canonical URI, after its members. */
export const SELF_COLUMN = "self";

/**
 * CSV (RFC 4180, `header=present`): a header row of the REST member names, then one record per
 * item, CRLF-terminated; the last column is the item's `self` URI. Relations are not columns:
 * each is a URI under `self`.
 */
export const CSV: ExportFormat = {
  type: "text/csv",
  contentType: "text/csv; charset=utf-8; header=present",
  head: (columns) => csvRecord([...columns, SELF_COLUMN]),
  line: (item, columns) =>
    csvRecord([
      ...columns.map((column) => item.data[column]),
      item.links.find((link) => link.rel === "self")?.href,
    ]),
};

/** What a collection can be exported as, besides its JSON representations. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [NDJSON, CSV];

/**
 * The REST names of the members an export carries, in registry order: every field, or those
 * `?fields=` keeps (the identifier always).
 *
 * @example
 * exportColumns(products, new Set(["name"])); // ["id", "name"]
 */
export function exportColumns(
  resource: Resource,
  fields: ReadonlySet<string> | undefined,
  always: ReadonlySet<string>,
): string[] {
  return resource.fields
    .filter((field) => !fields || fields.has(field.name) || always.has(field.name))
    .map((field) => field.restName);
}
