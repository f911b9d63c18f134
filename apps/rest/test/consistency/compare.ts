import type { Resource } from "@tusk/registry";

type Data = Record<string, unknown>;

/**
 * Values as GraphQL writes them in JSON: decimals and dates are already
 * strings there, so a string comparison of the JSON form is exact.
 */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** REST members that are not data. */
const HYPERMEDIA = new Set(["_links", "_embeds"]);

/** The embeds of one REST item, keyed by the relation they expand (REST writes them in relation order). */
function restEmbeds(resource: Resource, item: Data, zoom: readonly string[]): Map<string, Data[]> {
  const embeds = (item._embeds as Data[] | undefined) ?? [];
  const zoomed = resource.relations.filter((relation) => zoom.includes(relation.name));
  const byRelation = new Map<string, Data[]>();
  zoomed.forEach((relation, index) => {
    const entry = embeds[index] ?? {};
    byRelation.set(relation.name, (entry[relation.target.path] as Data[] | undefined) ?? []);
  });
  return byRelation;
}

/** GraphQL relation value as a list: a to-one node or null, or a connection's nodes. */
function graphqlRelation(value: unknown, toOne: boolean): Data[] {
  if (toOne) return value ? [value as Data] : [];
  return ((value as { nodes?: Data[] } | null)?.nodes ?? []) as Data[];
}

/**
 * Compares REST items (snake_case members, `_embeds`) with GraphQL nodes
 * (camelCase fields, nested relations) for one resource, mapping names
 * through the registry's `restName`. Returns every mismatch found (empty when
 * both sides say the same thing): ids and their order, which members are
 * present, every value, and the embedded resources of each zoomed relation.
 *
 * @example
 * compareItems(products, rest.body.products, data.products.nodes); // []
 */
export function compareItems(
  resource: Resource,
  restItems: readonly Data[],
  graphqlNodes: readonly Data[],
  zoom: readonly string[] = [],
  where = resource.path,
): string[] {
  const mismatches: string[] = [];
  const idField = resource.identifier.field;
  const restIds = restItems.map((item) => item[idField.restName]);
  const graphqlIds = graphqlNodes.map((node) => node[idField.name]);
  if (!same(restIds, graphqlIds)) {
    mismatches.push(
      `${where}: ids differ: REST ${JSON.stringify(restIds)}, GraphQL ${JSON.stringify(graphqlIds)}`,
    );
    return mismatches;
  }
  const known = new Set(resource.fields.map((field) => field.restName));
  restItems.forEach((item, index) => {
    const node = graphqlNodes[index] as Data;
    const at = `${where}[${JSON.stringify(restIds[index])}]`;
    for (const member of Object.keys(item)) {
      if (!known.has(member) && !HYPERMEDIA.has(member))
        mismatches.push(`${at}: unexpected member ${member}`);
    }
    for (const field of resource.fields) {
      const inRest = Object.hasOwn(item, field.restName);
      const inGraphql = Object.hasOwn(node, field.name);
      if (inRest !== inGraphql) {
        mismatches.push(`${at}.${field.restName}: present in ${inRest ? "REST" : "GraphQL"} only`);
      } else if (inRest && !same(item[field.restName], node[field.name])) {
        const values = `REST ${JSON.stringify(item[field.restName])}, GraphQL ${JSON.stringify(node[field.name])}`;
        mismatches.push(`${at}.${field.restName}: ${values}`);
      }
    }
    if (zoom.length === 0 && item._embeds !== undefined) mismatches.push(`${at}: _embeds without zoom`);
    const embeds = restEmbeds(resource, item, zoom);
    for (const relation of resource.relations) {
      if (!zoom.includes(relation.name)) continue;
      const toOne = relation.cardinality === "to-one";
      const nested = graphqlRelation(node[relation.name], toOne);
      const restNested = embeds.get(relation.name) ?? [];
      mismatches.push(
        ...compareItems(relation.target, restNested, nested, [], `${at}._embeds.${relation.restName}`),
      );
    }
  });
  return mismatches;
}
