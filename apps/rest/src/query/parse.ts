import { ApiError, type InvalidParam } from "@tusk/errors";
import type { Resource, ResourceRelation } from "@tusk/registry";
import { fieldCodec } from "@tusk/scalars";
import type { ResourceFacts } from "../operations/index.ts";
import { decodeCursor, type PageDirection } from "./cursor.ts";
import { parseFilterValue } from "./filters.ts";
import type { PageSize } from "./page-size.ts";
import { parseRelationFilter } from "./relation-filters.ts";

/** Which query parameters a route accepts. */
export interface QueryCapabilities {
  readonly filters?: boolean;
  readonly page?: boolean;
  readonly select?: boolean;
}

/** What a query string is read against. */
export interface QueryOptions {
  readonly resource: Resource;
  readonly facts: ResourceFacts;
  /** The parameters the route accepts; any other is refused. */
  readonly accepts: QueryCapabilities;
  readonly pageSize: PageSize;
  /** The link rel a relation may also be zoomed by (besides its name); none when absent. */
  readonly zoomRel?: (relation: ResourceRelation) => string;
}

/** How a list's total is counted (`?count=`, `Prefer: count=`). */
export type CountMethod = "exact" | "estimated";

/** The values `?count=` takes. */
export const COUNT_METHODS: readonly CountMethod[] = ["exact", "estimated"];

/** A count method by its name, or undefined. */
export function countMethodOf(value: string): CountMethod | undefined {
  return COUNT_METHODS.find((method) => method === value);
}

/** A request's query string, read into GraphQL terms. */
export interface ParsedQuery {
  readonly where: Record<string, unknown> | undefined;
  readonly orderBy: { field: string; direction: "ASC" | "DESC" }[] | undefined;
  readonly limit: number;
  readonly cursor: { direction: PageDirection; cursor: string } | undefined;
  /** Field names to include; undefined = all. */
  readonly fields: ReadonlySet<string> | undefined;
  /** Relation names to embed. */
  readonly zoom: ReadonlySet<string>;
  /** The total asked for by `?count=`; undefined when none. */
  readonly count: CountMethod | undefined;
  /** The full-text search text (`q`), checked further by the schema's `search` argument. */
  readonly search: string | undefined;
}

const UNKNOWN_PARAMETER = "unknown query parameter";

/** One 400 naming every refused parameter. */
function invalidQuery(errors: readonly InvalidParam[]): ApiError {
  const names = [...new Set(errors.map((error) => error.name))].join(", ");
  return new ApiError("BAD_USER_INPUT", `Invalid query parameter: ${names}.`, { invalidParams: errors });
}

/**
 * Refuses every parameter of a query string, as {@link parseQuery} refuses unknown ones: for
 * routes that take none (every write).
 */
export function refuseQueryParameters(params: URLSearchParams): void {
  const names = [...new Set(params.keys())];
  if (names.length > 0) throw invalidQuery(names.map((name) => ({ name, reason: UNKNOWN_PARAMETER })));
}

const splitList = (values: string[]) =>
  values
    .flatMap((value) => value.split(","))
    .map((item) => item.trim())
    .filter((item) => item !== "");

/**
 * Reads the query string of a request for `resource`. Every unknown
 * parameter, field, operator, relation or malformed value is collected and
 * refused together as one 400 naming each.
 */
export function parseQuery(params: URLSearchParams, options: QueryOptions): ParsedQuery {
  const { resource, facts, accepts: capabilities, pageSize, zoomRel } = options;
  const errors: InvalidParam[] = [];
  const fail = (name: string, reason: string) => errors.push({ name, reason });
  const byRest = new Map(resource.fields.map((field) => [field.restName, field]));
  const conditions: Record<string, unknown>[] = [];
  let orderBy: ParsedQuery["orderBy"];
  let limit = pageSize.default;
  let cursor: ParsedQuery["cursor"];
  let fields: Set<string> | undefined;
  const zoom = new Set<string>();
  let count: CountMethod | undefined;
  let search: string | undefined;

  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    if (capabilities.page && name === "limit") {
      const raw = values.at(-1) ?? "";
      const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
      if (values.length > 1) fail(name, "give limit once");
      else if (!(value >= 1 && value <= pageSize.max))
        fail(name, `must be an integer from 1 to ${pageSize.max}`);
      else limit = value;
    } else if (capabilities.page && name === "cursor") {
      cursor = values.length === 1 ? decodeCursor(values[0] ?? "") : undefined;
      if (!cursor) fail(name, "not a cursor from this API's page links");
    } else if (capabilities.page && name === "count") {
      count = values.length === 1 ? countMethodOf(values[0] ?? "") : undefined;
      if (!count) fail(name, `give count once, as ${COUNT_METHODS.map((m) => `"${m}"`).join(" or ")}`);
    } else if (capabilities.page && name === "sort") {
      orderBy = [];
      for (const item of splitList(values)) {
        const descending = item.startsWith("-");
        const field = byRest.get(descending ? item.slice(1) : item);
        if (!field || !facts.sortFields.has(field.name)) fail(name, `cannot sort by "${item}"`);
        else orderBy.push({ field: field.name, direction: descending ? "DESC" : "ASC" });
      }
    } else if (capabilities.select && name === "fields") {
      fields = new Set();
      for (const item of splitList(values)) {
        const field = byRest.get(item);
        if (!field) fail(name, `unknown field "${item}"`);
        else fields.add(field.name);
      }
    } else if (capabilities.select && name === "zoom") {
      for (const item of splitList(values)) {
        const relation = resource.relations.find(
          (candidate) => candidate.restName === item || zoomRel?.(candidate) === item,
        );
        if (!relation) fail(name, `unknown relation "${item}"`);
        else zoom.add(relation.name);
      }
    } else if (capabilities.page && name === "q") {
      if (!facts.searchable) fail(name, `${resource.path} have no searchable fields`);
      else if (values.length > 1) fail(name, "give q once");
      else search = values[0];
    } else if (capabilities.filters && byRest.has(name)) {
      const field = byRest.get(name);
      const operators = field ? facts.filters.get(field.name) : undefined;
      if (!field || !operators) {
        fail(name, "this field cannot be filtered");
        continue;
      }
      for (const raw of values) {
        const parsed = parseFilterValue(name, raw, operators, fieldCodec(resource, field));
        if (parsed.ok) conditions.push({ [field.name]: parsed.filter });
        else errors.push(parsed.error);
      }
    } else if (capabilities.filters && name.includes(".")) {
      for (const raw of values) {
        const parsed = parseRelationFilter(name, raw, resource, facts);
        if (parsed.ok) conditions.push(parsed.condition);
        else errors.push(parsed.error);
      }
    } else {
      fail(name, UNKNOWN_PARAMETER);
    }
  }
  if (errors.length > 0) throw invalidQuery(errors);
  return {
    where: conditions.length > 0 ? { AND: conditions } : undefined,
    orderBy: orderBy && orderBy.length > 0 ? orderBy : undefined,
    limit,
    cursor,
    fields,
    zoom,
    count,
    search,
  };
}
