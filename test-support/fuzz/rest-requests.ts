/**
 * Requests a client can send to the REST API, derived from the registry: every route kind, every
 * method, query parameters named after real fields with real and broken operators and values,
 * headers the API reads (negotiation, conditions, tokens, preferences), and bodies built from the
 * resource's fields with values of every type, right and wrong.
 */
import type { Registry, Resource, ResourceField, ScalarType } from "@tusk/registry";
import fc from "fast-check";

/** One request as the fuzz suites send it. */
export interface FuzzRequest {
  readonly method: string;
  /** Path and query string. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Identifiers that exist in the database the requests go to, per resource path. */
export type SampleIds = Readonly<Record<string, readonly string[]>>;

/** Headers a request may carry besides its body's type: `valid` is a working admin token. */
export interface HeaderChoices {
  readonly tokens: readonly string[];
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"];

/** Path segments that break parsers: encodings, dots, NUL, overlong numbers, reserved words. */
const NASTY_SEGMENTS = [
  "%ZZ",
  "%",
  "%2F",
  "..",
  ".",
  "%00",
  "caf%C3%A9",
  "%E2%82",
  "-1",
  "0",
  "99999999999999999999",
  "1e3",
  "a%20b",
  "definition",
  "views",
  "summary",
  "openapi.json",
  "problems",
  "not_found",
  "%F0%9F%90%98",
  "",
];

/** Values every typed parser must refuse or accept without harm. */
const NASTY_VALUES = [
  "",
  "%00",
  "null",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "9223372036854775808",
  "-2147483649",
  "0000-01-01",
  "2026-02-30",
  "2026-11-29T25:00:00Z",
  "true",
  "%ZZ",
  "a,b",
  "(",
  ")",
  "in()",
  "in(1,",
  "not(not(1))",
  "%27%3B%20DROP%20TABLE%20products%3B--",
  "%F0%9F%90%98",
  "x".repeat(300),
];

const OPERATORS = [
  "equals",
  "not",
  "in",
  "notIn",
  "lt",
  "lte",
  "gt",
  "gte",
  "contains",
  "startsWith",
  "endsWith",
  "between",
  "like",
];

/** A plausible value of a scalar type, as the query string or a JSON body spells it. */
function typedValue(type: ScalarType): fc.Arbitrary<unknown> {
  switch (type) {
    case "String":
      return fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom("Widgets", "jdoe", "\u0000", "é", "a".repeat(5000)),
      );
    case "Int":
      return fc.oneof(fc.integer(), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1.5));
    case "BigInt":
      return fc.oneof(fc.bigInt().map(String), fc.constantFrom("9223372036854775808", "-1"));
    case "Float":
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant("NaN"));
    case "Decimal":
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((n) => n.toFixed(2)),
        fc.constantFrom("1e400", "12.345", "-0.00", "1,5", "99999999999999999999.99"),
      );
    case "Boolean":
      return fc.oneof(fc.boolean(), fc.constantFrom("yes", 0, 1));
    case "DateTime":
      return fc.oneof(
        fc
          .date({ noInvalidDate: true, min: new Date("1900-01-01"), max: new Date("2200-01-01") })
          .map((d) => d.toISOString()),
        fc.constantFrom("0000-01-01", "2026-11-29", "yesterday", "2026-11-29T12:00:00+99:00"),
      );
    case "Json":
      return fc.jsonValue({ maxDepth: 3 });
  }
}

function fieldValue(field: ResourceField): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: typedValue(field.type) }, fc.jsonValue({ maxDepth: 2 }));
}

const queryValueText = (value: unknown) =>
  encodeURIComponent(typeof value === "string" ? value : JSON.stringify(value));

/** `name=value` pairs: filters on real fields (real and unknown operators), sort, paging, shaping. */
function queryPair(resource: Resource): fc.Arbitrary<string> {
  const fields = resource.fields;
  const fieldName = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...fields.map((f) => f.restName)) },
    fc.constantFrom("x", "_links", "__proto__", "constructor", "categories.name", "price[gte]"),
  );
  const filter = fc
    .tuple(
      fieldName,
      fc.option(fc.constantFrom(...OPERATORS), { nil: undefined }),
      fc.oneof(fc.constantFrom(...fields).chain(fieldValue), fc.constantFrom(...NASTY_VALUES)),
    )
    .map(([name, operator, value]) => {
      const text = typeof value === "string" && NASTY_VALUES.includes(value) ? value : queryValueText(value);
      return `${name}=${operator ? `${operator}(${text})` : text}`;
    });
  const sortKey = fc.constantFrom(...fields.map((f) => f.restName), "x", "");
  const sort = fc
    .array(fc.tuple(fc.boolean(), sortKey), { minLength: 1, maxLength: 3 })
    .map((keys) => `sort=${keys.map(([desc, key]) => `${desc ? "-" : ""}${key}`).join(",")}`);
  const relationNames = resource.relations.map((r) => r.restName);
  const shaping = fc.oneof(
    fc
      .array(fc.constantFrom(...fields.map((f) => f.restName), "x"), { maxLength: 4 })
      .map((names) => `fields=${names.join(",")}`),
    fc
      .array(fc.constantFrom(...relationNames, "owner", "x"), { maxLength: 3 })
      .map((names) => `zoom=${names.join(",")}`),
    fc
      .oneof(fc.integer({ min: -5, max: 300 }).map(String), fc.constantFrom(...NASTY_VALUES))
      .map((n) => `limit=${n}`),
    fc
      .oneof(fc.base64String({ maxLength: 40 }), fc.constantFrom(...NASTY_VALUES))
      .map((c) => `cursor=${encodeURIComponent(c)}`),
    fc.constantFrom("count=exact", "q=widget", "dry_run=1", "=", "&&", "a=1&a=2"),
  );
  return fc.oneof({ weight: 3, arbitrary: filter }, sort, shaping);
}

function idOf(resource: Resource, samples: SampleIds): fc.Arbitrary<string> {
  const known = samples[resource.path] ?? [];
  return fc.oneof(
    { weight: 3, arbitrary: known.length ? fc.constantFrom(...known) : fc.constant("1") },
    fc.constantFrom(...NASTY_SEGMENTS),
    fc.stringMatching(/^[A-Za-z0-9._~-]{1,24}$/),
  );
}

/** A path of one of the API's route kinds (or a near miss), with a query string. */
function restPath(registry: Registry, samples: SampleIds): fc.Arbitrary<string> {
  const resource = fc.constantFrom(...registry.resources);
  const resourcePath = resource.chain((r) => {
    const collection = r.parent
      ? fc
          .tuple(idOf(r.parent.resource, samples))
          .map(([parentId]) => `/v1/${r.parent!.resource.path}/${parentId}/${r.parent!.collection.path}`)
      : fc.constant(`/v1/${r.path}`);
    const relation = r.relations.length ? fc.constantFrom(...r.relations) : fc.constant(undefined);
    const path = collection.chain((base) =>
      fc.oneof(
        fc.constant(base),
        idOf(r, samples).map((id) => `${base}/${id}`),
        idOf(r, samples).map((id) => `${base}/${id}/definition`),
        fc.constant(`${base}/definition`),
        fc.constantFrom(...r.views, "nope").map((view) => `${base}/views/${view}`),
        fc.tuple(idOf(r, samples), relation).chain(([id, rel]) =>
          rel
            ? fc.oneof(
                fc.constant(`${base}/${id}/${rel.path}`),
                idOf(rel.target, samples).map((target) => `${base}/${id}/${rel.path}/${target}`),
                fc.constant(`${base}/${id}/${rel.path}/views/summary`),
              )
            : fc.constant(`${base}/${id}`),
        ),
        ...r.formerPaths.map((former) => idOf(r, samples).map((id) => `/v1/${former}/${id}`)),
      ),
    );
    const query = fc
      .array(queryPair(r), { maxLength: 4 })
      .map((pairs) => (pairs.length ? `?${pairs.join("&")}` : ""));
    return fc.tuple(path, query).map(([p, q]) => `${p}${q}`);
  });
  const other = fc.oneof(
    fc.constantFrom(
      "/",
      "/v1",
      "/v1/",
      "/v1/openapi.json",
      "/v2/products",
      "/v1/problems/not_found",
      "/v1/problems/x",
      "/docs",
      "/healthz",
      "/readyz",
      "//v1/products",
      "/v1/products/../users",
    ),
    fc
      .array(fc.constantFrom(...NASTY_SEGMENTS), { minLength: 1, maxLength: 6 })
      .map((s) => `/v1/${s.join("/")}`),
  );
  return fc.oneof({ weight: 6, arbitrary: resourcePath }, other);
}

/** A JSON (or not quite JSON) body for writes: the resource's own fields with any values. */
function restBody(registry: Registry): fc.Arbitrary<string> {
  const object = fc.constantFrom(...registry.resources).chain((r) =>
    fc
      .array(
        fc.tuple(
          fc.constantFrom(...r.fields.map((f) => f.restName), "x", "_links"),
          fc.constantFrom(...r.fields).chain(fieldValue),
        ),
        {
          maxLength: 6,
        },
      )
      .map((entries) => JSON.stringify(Object.fromEntries(entries))),
  );
  return fc.oneof(
    { weight: 5, arbitrary: object },
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.constantFrom(
      "{",
      "[1,",
      "",
      "null",
      '{"a":1}{"b":2}',
      `${"[".repeat(3000)}${"]".repeat(3000)}`,
      '{"__proto__":{"admin":true}}',
    ),
    fc.string({ maxLength: 40 }),
  );
}

function restHeaders(choices: HeaderChoices): fc.Arbitrary<Record<string, string>> {
  const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
  return fc
    .record({
      accept: optional(
        fc.constantFrom(
          "*/*",
          "application/json",
          "application/hal+json",
          "text/html",
          "application/json;q=0",
          "a/b/c",
          "text/csv",
          "application/x-ndjson",
        ),
      ),
      "content-type": optional(
        fc.constantFrom(
          "application/json",
          "application/merge-patch+json",
          "text/plain",
          "application/json; charset=latin1",
          "multipart/form-data",
          "garbage",
        ),
      ),
      authorization: fc.option(
        fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...choices.tokens) },
          fc.constantFrom(
            "Bearer",
            "Bearer ",
            "Bearer a.b.c",
            "Basic YWRtaW46YWRtaW4=",
            `Bearer ${"x".repeat(5000)}`,
          ),
        ),
        { nil: undefined, freq: 4 },
      ),
      "if-match": optional(fc.constantFrom('"abc"', "*", 'W/"1"', "garbage", '"', "")),
      "if-none-match": optional(fc.constantFrom('"abc"', "*", 'W/"1"', "garbage")),
      prefer: optional(
        fc.constantFrom(
          "return=minimal",
          "return=representation",
          "count=exact",
          "handling=strict",
          "garbage;;",
        ),
      ),
      "accept-encoding": optional(fc.constantFrom("gzip", "br", "identity;q=0", "*")),
      "x-request-id": optional(fc.constantFrom("abc", "x".repeat(300), "\u00e9")),
      "idempotency-key": optional(fc.constantFrom("k1", "", "x".repeat(300))),
    })
    .map((headers) =>
      Object.fromEntries(
        Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
    );
}

/**
 * Any request a client could send to the REST API over the given registry.
 *
 * @example
 * fc.sample(restRequest(registry, { products: ["73924"] }, { tokens: [] }), 1)[0].path; // "/v1/products/73924?sort=-price"
 */
export function restRequest(
  registry: Registry,
  samples: SampleIds,
  choices: HeaderChoices,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      fc.oneof({ weight: 8, arbitrary: fc.constant("GET") }, fc.constantFrom(...METHODS)),
      restPath(registry, samples),
      restHeaders(choices),
      restBody(registry),
    )
    .map(([method, path, headers, body]) => {
      const sendsBody = method === "POST" || method === "PUT" || method === "PATCH";
      return sendsBody ? { method, path, headers, body } : { method, path, headers };
    });
}
