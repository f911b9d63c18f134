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
  /** A field of the listed resource, or of the related one when `across` is set; unused for `count`. */
  readonly field: string;
  /** `["gte"]`, or `["not", "equals"]` for a nested operator. */
  readonly operators: readonly string[];
  readonly value: unknown;
  /** A condition on related rows: the relation and its GraphQL quantifier (`some`, `isNot`, `count`). */
  readonly across?: { readonly relation: string; readonly quantifier: string };
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

/**
 * The REST spelling of each quantifier (docs/rest.md), written here from the documentation, not
 * taken from the REST app: unsaid for `some` and `is`, `none` for `none` and `isNot`.
 */
const REST_QUANTIFIER: Readonly<Record<string, string | undefined>> = {
  some: undefined,
  is: undefined,
  none: "none",
  isNot: "none",
  every: "every",
};

/** Conditions across each relation: a quantifier over a related field's condition, or `count`. */
function relationConditions(
  resource: Resource,
  facts: ResourceFacts,
  related: ReadonlyMap<Resource, Samples>,
): fc.Arbitrary<Condition>[] {
  const options: fc.Arbitrary<Condition>[] = [];
  for (const [name, offered] of facts.relationFilters) {
    const target = resource.relation(name)?.target;
    const samples = target ? related.get(target) : undefined;
    const fields = target && samples ? fieldConditions(target, offered.fields, samples) : [];
    if (fields.length > 0 && offered.quantifiers.length > 0) {
      options.push(
        fc
          .tuple(fc.oneof(...fields), fc.constantFrom(...offered.quantifiers))
          .map(([condition, quantifier]) => ({ ...condition, across: { relation: name, quantifier } })),
      );
    }
    const count = [...(offered.count?.values() ?? [])].filter((operator) => operator.shape !== "nested");
    if (count.length > 0) {
      options.push(
        fc.tuple(fc.constantFrom(...count), fc.integer({ min: 0, max: 4 })).map(([operator, n]) => ({
          field: "",
          operators: [operator.name],
          value: operator.shape === "list" ? [n, n + 1] : n,
          across: { relation: name, quantifier: "count" },
        })),
      );
    }
  }
  return options;
}

function conditionFor(
  resource: Resource,
  facts: ResourceFacts,
  samples: Samples,
  related: ReadonlyMap<Resource, Samples>,
): fc.Arbitrary<Condition> | undefined {
  const fields = fieldConditions(resource, facts.filters, samples);
  // Two in three conditions on the resource's own fields, one across its relations (which
  // narrow more often to nothing: a to-one's row is shared by a whole relation list).
  const across = relationConditions(resource, facts, related);
  const options = [
    ...(fields.length > 0 ? [{ arbitrary: fc.oneof(...fields), weight: 2 }] : []),
    ...(across.length > 0 ? [{ arbitrary: fc.oneof(...across), weight: 1 }] : []),
  ];
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

function fieldConditions(
  resource: Resource,
  filters: ResourceFacts["filters"],
  samples: Samples,
): fc.Arbitrary<Condition>[] {
  const options: fc.Arbitrary<Condition>[] = [];
  for (const [field, operators] of filters) {
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
  return options;
}

/**
 * Random filters (field, operator and value from the seeded data; across relations too, with
 * `related` holding the seeded values of related resources), sorts, page sizes, field selections
 * and zooms.
 */
export function listQuery(
  resource: Resource,
  facts: ResourceFacts,
  samples: Samples,
  related: ReadonlyMap<Resource, Samples> = new Map(),
): fc.Arbitrary<ListQuery> {
  const condition = conditionFor(resource, facts, samples, related);
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
  for (const { field, operators, value, across } of query.conditions) {
    const text = Array.isArray(value) ? value.map(String).join(",") : String(value);
    const [outer, inner] = operators;
    const relation = across ? resource.relation(across.relation) : undefined;
    let name = rest(field);
    if (relation && across?.quantifier === "count") name = `${relation.restName}.count`;
    else if (relation && across) {
      const word = REST_QUANTIFIER[across.quantifier];
      const restField = relation.target.field(field)?.restName ?? field;
      name = [relation.restName, ...(word ? [word] : []), restField].join(".");
    }
    if (operators.length === 1 && outer === "equals" && !CALL.test(text)) params.append(name, text);
    else if (inner) params.append(name, `${outer}(${inner}(${text}))`);
    else params.append(name, `${outer}(${text})`);
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
  const conditions = query.conditions.map(({ field, operators, value, across }) => {
    const [outer = "equals", inner] = operators;
    const operator = inner ? { [outer]: { [inner]: value } } : { [outer]: value };
    if (across?.quantifier === "count") return { [across.relation]: { count: operator } };
    const condition = { [field]: operator };
    return across ? { [across.relation]: { [across.quantifier]: condition } } : condition;
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
