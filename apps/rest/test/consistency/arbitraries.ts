import type { Resource } from "@tusk/registry";
import fc from "fast-check";
import type { FilterOperator, ResourceFacts } from "../../src/operations/index.ts";
import type { Selection } from "./graphql.ts";

/**
 * Generated list queries for the consistency suite, in one abstract form that
 * is written out both as a REST query string and as GraphQL arguments, each
 * by its own function, so the two renderings can be compared.
 */

export interface Condition {
  readonly field: string;
  /** `["gte"]`, or `["not", "equals"]` for a nested operator. */
  readonly operators: readonly string[];
  readonly value: unknown;
}

export interface ListQuery {
  readonly conditions: readonly Condition[];
  readonly sort: readonly { field: string; descending: boolean }[];
  readonly limit: number;
  readonly fields: readonly string[] | undefined;
  readonly zoom: readonly string[];
}

/** Seeded values of each field of a resource, read once through GraphQL. */
export type Samples = ReadonlyMap<string, readonly unknown[]>;

export function samplesOf(resource: Resource, nodes: readonly Record<string, unknown>[]): Samples {
  return new Map(
    resource.fields.map((field) => [
      field.name,
      [
        ...new Set(
          nodes.map((node) => node[field.name]).filter((value) => value !== null && value !== undefined),
        ),
      ],
    ]),
  );
}

const STRING_SEARCH = new Set(["contains", "startsWith", "endsWith"]);

/** A value for one operator: a seeded value, a piece of one for string searches, a few for lists. */
function valueFor(operator: FilterOperator, samples: readonly unknown[]): fc.Arbitrary<unknown> {
  const seeded = fc.constantFrom(...samples);
  if (operator.shape === "list") {
    // Commas separate list items on the REST side, so values holding one cannot be listed.
    const listable = samples.filter((value) => !String(value).includes(",") && String(value) !== "");
    return fc.uniqueArray(fc.constantFrom(...(listable.length > 0 ? listable : samples)), {
      minLength: 1,
      maxLength: 3,
    });
  }
  if (STRING_SEARCH.has(operator.name)) {
    return seeded.chain((value) => {
      const text = String(value);
      return fc
        .tuple(fc.nat(text.length), fc.nat(text.length))
        .map(([a, b]) => text.slice(Math.min(a, b), Math.max(a, b) + 1) || text);
    });
  }
  return seeded;
}

function conditionFor(
  resource: Resource,
  facts: ResourceFacts,
  samples: Samples,
): fc.Arbitrary<Condition> | undefined {
  const options: fc.Arbitrary<Condition>[] = [];
  for (const [field, operators] of facts.filters) {
    const values = samples.get(field) ?? [];
    if (values.length === 0 || !resource.field(field)) continue;
    for (const operator of operators.values()) {
      if (operator.shape === "nested") {
        for (const inner of operator.nested?.values() ?? []) {
          if (inner.shape === "nested") continue;
          options.push(
            valueFor(inner, values).map((value) => ({
              field,
              operators: [operator.name, inner.name],
              value,
            })),
          );
        }
      } else {
        options.push(
          valueFor(operator, values).map((value) => ({ field, operators: [operator.name], value })),
        );
      }
    }
  }
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

/** Random filters (field, operator and value from the seeded data), sorts, page sizes, field selections and zooms. */
export function listQuery(
  resource: Resource,
  facts: ResourceFacts,
  samples: Samples,
): fc.Arbitrary<ListQuery> {
  const condition = conditionFor(resource, facts, samples);
  const sortable = resource.fields
    .filter((field) => facts.sortFields.has(field.name))
    .map((field) => field.name);
  return fc.record({
    conditions: condition ? fc.array(condition, { maxLength: 2 }) : fc.constant([]),
    sort: fc.uniqueArray(fc.record({ field: fc.constantFrom(...sortable), descending: fc.boolean() }), {
      maxLength: 2,
      selector: (entry) => entry.field,
    }),
    limit: fc.integer({ min: 1, max: 30 }),
    fields: fc.option(
      fc.subarray(
        resource.fields.map((field) => field.name),
        { minLength: 1 },
      ),
      {
        nil: undefined,
      },
    ),
    zoom: fc.subarray(
      resource.relations.map((relation) => relation.name),
      { maxLength: Math.min(2, resource.relations.length) },
    ),
  });
}

const CALL = /^[A-Za-z]+\(.*\)$/s;

/** The REST query string of a generated query. */
export function restSearch(resource: Resource, query: ListQuery): string {
  const params = new URLSearchParams();
  const rest = (name: string) => resource.field(name)?.restName ?? name;
  for (const { field, operators, value } of query.conditions) {
    const text = Array.isArray(value) ? value.map(String).join(",") : String(value);
    const [outer, inner] = operators;
    if (operators.length === 1 && outer === "equals" && !CALL.test(text)) params.append(rest(field), text);
    else if (inner) params.append(rest(field), `${outer}(${inner}(${text}))`);
    else params.append(rest(field), `${outer}(${text})`);
  }
  if (query.sort.length > 0) {
    params.set("sort", query.sort.map((s) => `${s.descending ? "-" : ""}${rest(s.field)}`).join(","));
  }
  params.set("limit", String(query.limit));
  if (query.fields) params.set("fields", query.fields.map(rest).join(","));
  const zoom = query.zoom.map((name) => resource.relation(name)?.restName ?? name);
  if (zoom.length > 0) params.set("zoom", zoom.join(","));
  return params.toString();
}

/** The GraphQL selection of a generated query. */
export function graphqlSelection(query: ListQuery): Selection {
  return query.fields ? { fields: query.fields, zoom: query.zoom } : { zoom: query.zoom };
}

/** The GraphQL `where` and `orderBy` of a generated query. */
export function graphqlArgs(query: ListQuery) {
  const conditions = query.conditions.map(({ field, operators, value }) => {
    const [outer = "equals", inner] = operators;
    return { [field]: inner ? { [outer]: { [inner]: value } } : { [outer]: value } };
  });
  return {
    where: conditions.length > 0 ? { AND: conditions } : null,
    orderBy:
      query.sort.length > 0
        ? query.sort.map((s) => ({
            field: s.field,
            direction: s.descending ? ("DESC" as const) : ("ASC" as const),
          }))
        : null,
  };
}
