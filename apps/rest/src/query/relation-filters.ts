import type { InvalidParam } from "@tusk/errors";
import type { Resource } from "@tusk/registry";
import { fieldCodec, scalarCodecs } from "@tusk/scalars";
import type { RelationFilterFacts, ResourceFacts } from "../operations/index.ts";
import { parseFilterValue } from "./filters.ts";

/**
 * The REST words for a relation's quantifiers, by the quantifier a relation filter offers
 * without one: a to-many relation's rows are quantified `some` (unsaid), `none` or `every`; a
 * to-one relation's row `is` (unsaid) or, with `none`, `isNot`.
 */
const WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  some: { some: "some", none: "none", every: "every" },
  is: { none: "isNot" },
};

/** The parameter that filters by how many related rows there are: `categories.count=gte(2)`. */
export const COUNT = "count";

/**
 * How a relation's quantifiers are spelt in REST: the one meant when none is said (`some` or
 * `is`), and the words that may stand between relation and field with the quantifier each means.
 *
 * @example
 * relationFilterWords(facts.relationFilters.get("categories")!);
 * // { unsaid: "some", words: [["some", "some"], ["none", "none"], ["every", "every"]] }
 */
export function relationFilterWords(offered: RelationFilterFacts): {
  unsaid: string;
  words: [word: string, quantifier: string][];
} {
  const [unsaid = ""] = offered.quantifiers;
  const words = Object.entries(WORDS[unsaid] ?? {}).filter(([, quantifier]) =>
    offered.quantifiers.includes(quantifier),
  );
  return { unsaid, words };
}

type Parsed = { ok: true; condition: Record<string, unknown> } | { ok: false; error: InvalidParam };

/**
 * Reads one value of a relation filter parameter, `{relation}.{field}`,
 * `{relation}.{quantifier}.{field}` or `{relation}.count`, into a condition of the resource's
 * GraphQL filter: `categories.name=Widgets` is `{ categories: { some: { name: { equals: "Widgets" } } } }`,
 * `user.display_name=contains(Doe)` is `{ user: { is: { displayName: { contains: "Doe" } } } }`.
 * Relations are named as in URIs (`line_items`), fields by their REST names; which relations,
 * quantifiers and operators exist comes from the schema's filter inputs (`facts`). An unknown
 * relation, quantifier or field is refused naming the parameter.
 *
 * @example
 * parseRelationFilter("categories.count", "gte(2)", products, facts);
 * // { ok: true, condition: { categories: { count: { gte: 2 } } } }
 */
export function parseRelationFilter(
  param: string,
  raw: string,
  resource: Resource,
  facts: ResourceFacts,
): Parsed {
  const fail = (reason: string): Parsed => ({ ok: false, error: { name: param, reason } });
  const [relationName = "", ...rest] = param.split(".");
  const relation = resource.relations.find((candidate) => candidate.restName === relationName);
  const offered = relation ? facts.relationFilters.get(relation.name) : undefined;
  if (!relation || !offered) {
    const names = resource.relations
      .filter((candidate) => facts.relationFilters.has(candidate.name))
      .map((candidate) => candidate.restName);
    return fail(
      `unknown relation "${relationName}"; ${resource.path} may be filtered by ${names.join(", ")}`,
    );
  }
  const { unsaid, words } = relationFilterWords(offered);
  if (rest.length === 1 && rest[0] === COUNT && offered.count) {
    const parsed = parseFilterValue(param, raw, offered.count, scalarCodecs.Int);
    return parsed.ok ? { ok: true, condition: { [relation.name]: { count: parsed.filter } } } : parsed;
  }
  if (rest.length < 1 || rest.length > 2)
    return fail(`a relation filter is ${relationName}.field or ${relationName}.quantifier.field`);
  const [fieldName = "", word] = rest.length === 2 ? [rest[1], rest[0]] : [rest[0], undefined];
  const quantifier = word === undefined ? unsaid : words.find(([candidate]) => candidate === word)?.[1];
  if (quantifier === undefined) {
    const known = words.map(([candidate]) => `"${candidate}"`).join(", ");
    return fail(`unknown quantifier "${word}"; ${relationName} takes ${known || "no quantifier"}`);
  }
  const target = relation.target;
  const field = target.fields.find((candidate) => candidate.restName === fieldName);
  const operators = field ? offered.fields.get(field.name) : undefined;
  if (!field || !operators) {
    const names = target.fields.filter((f) => offered.fields.has(f.name)).map((f) => f.restName);
    const count = offered.count ? `, or ${relationName}.${COUNT}` : "";
    return fail(
      `unknown field "${fieldName}" of ${relationName}; it may be filtered by ${names.join(", ")}${count}`,
    );
  }
  const parsed = parseFilterValue(param, raw, operators, fieldCodec(target, field));
  if (!parsed.ok) return parsed;
  return { ok: true, condition: { [relation.name]: { [quantifier]: { [field.name]: parsed.filter } } } };
}

/** What a client may write for one relation's filters, in REST names. */
export interface RelationFilterSyntax {
  /** The relation's REST name: `line_items`. */
  readonly relation: string;
  /** The words that may stand between relation and field: `none`, `every`. */
  readonly quantifiers: readonly string[];
  /** The related resource's filterable fields, by REST name. */
  readonly fields: readonly string[];
  /** Whether `{relation}.count` is offered. */
  readonly count: boolean;
}

/**
 * The relation filters of a resource's lists, as its documentation (the OpenAPI document, the
 * definition) describes them, from the same schema facts the parser reads.
 *
 * @example
 * relationFilterSyntax(orders, facts).find((r) => r.relation === "user");
 * // { relation: "user", quantifiers: ["none"], fields: ["username", "display_name", ...], count: false }
 */
export function relationFilterSyntax(resource: Resource, facts: ResourceFacts): RelationFilterSyntax[] {
  return resource.relations.flatMap((relation) => {
    const offered = facts.relationFilters.get(relation.name);
    if (!offered) return [];
    return [
      {
        relation: relation.restName,
        quantifiers: relationFilterWords(offered).words.map(([word]) => word),
        fields: relation.target.fields.filter((f) => offered.fields.has(f.name)).map((f) => f.restName),
        count: offered.count !== undefined,
      },
    ];
  });
}
